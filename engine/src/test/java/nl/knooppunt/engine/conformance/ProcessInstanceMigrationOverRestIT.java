package nl.knooppunt.engine.conformance;

/**
 * {@link ProcessInstanceMigrationIT} with the Camunda client's defaults: its commands go over REST.
 */
@OverRest
class ProcessInstanceMigrationOverRestIT extends ProcessInstanceMigrationIT {}
