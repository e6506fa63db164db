package nl.knooppunt.engine.conformance;

/** {@link ProcessInstanceIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class ProcessInstanceOverRestIT extends ProcessInstanceIT {}
