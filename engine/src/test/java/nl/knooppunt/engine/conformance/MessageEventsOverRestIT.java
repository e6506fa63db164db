package nl.knooppunt.engine.conformance;

/** {@link MessageEventsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class MessageEventsOverRestIT extends MessageEventsIT {}
