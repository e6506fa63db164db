package nl.knooppunt.engine;

import nl.knooppunt.engine.conformance.OverRest;

/** {@link UserTaskIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class UserTaskOverRestIT extends UserTaskIT {}
