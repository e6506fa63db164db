package nl.knooppunt.engine.conformance;

/** {@link TimerEventsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class TimerEventsOverRestIT extends TimerEventsIT {}
