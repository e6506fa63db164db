package nl.knooppunt.engine.conformance;

/** {@link EventSubProcessIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class EventSubProcessOverRestIT extends EventSubProcessIT {}
