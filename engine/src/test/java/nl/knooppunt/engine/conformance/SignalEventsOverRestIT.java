package nl.knooppunt.engine.conformance;

/** {@link SignalEventsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class SignalEventsOverRestIT extends SignalEventsIT {}
