package nl.knooppunt.engine.conformance;

/** {@link CallActivityIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class CallActivityOverRestIT extends CallActivityIT {}
