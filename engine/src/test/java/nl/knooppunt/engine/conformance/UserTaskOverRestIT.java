package nl.knooppunt.engine.conformance;

/** {@link UserTaskIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class UserTaskOverRestIT extends UserTaskIT {}
