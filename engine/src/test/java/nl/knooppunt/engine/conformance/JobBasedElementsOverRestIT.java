package nl.knooppunt.engine.conformance;

/** {@link JobBasedElementsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class JobBasedElementsOverRestIT extends JobBasedElementsIT {}
