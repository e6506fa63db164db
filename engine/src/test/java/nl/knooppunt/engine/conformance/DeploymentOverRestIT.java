package nl.knooppunt.engine.conformance;

/** {@link DeploymentIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class DeploymentOverRestIT extends DeploymentIT {}
