package nl.knooppunt.engine.conformance;

/** {@link DecisionIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class DecisionOverRestIT extends DecisionIT {}
