package nl.knooppunt.engine.conformance;

/** {@link ResourceDeletionIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class ResourceDeletionOverRestIT extends ResourceDeletionIT {}
