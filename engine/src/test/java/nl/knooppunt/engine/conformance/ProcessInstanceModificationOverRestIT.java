package nl.knooppunt.engine.conformance;

/**
 * {@link ProcessInstanceModificationIT} with the Camunda client's defaults: its commands go over
 * REST.
 */
@OverRest
class ProcessInstanceModificationOverRestIT extends ProcessInstanceModificationIT {}
