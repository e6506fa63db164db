package nl.knooppunt.engine.conformance;

/** {@link GatewaysIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class GatewaysOverRestIT extends GatewaysIT {}
