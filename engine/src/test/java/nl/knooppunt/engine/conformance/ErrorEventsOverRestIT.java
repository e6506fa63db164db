package nl.knooppunt.engine.conformance;

/** {@link ErrorEventsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class ErrorEventsOverRestIT extends ErrorEventsIT {}
