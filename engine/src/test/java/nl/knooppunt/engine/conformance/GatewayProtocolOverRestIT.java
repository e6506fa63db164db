package nl.knooppunt.engine.conformance;

/** {@link GatewayProtocolIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class GatewayProtocolOverRestIT extends GatewayProtocolIT {}
