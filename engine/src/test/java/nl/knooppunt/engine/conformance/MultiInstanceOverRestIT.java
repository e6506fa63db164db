package nl.knooppunt.engine.conformance;

/** {@link MultiInstanceIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class MultiInstanceOverRestIT extends MultiInstanceIT {}
