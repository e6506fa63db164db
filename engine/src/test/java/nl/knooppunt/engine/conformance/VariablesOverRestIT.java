package nl.knooppunt.engine.conformance;

/** {@link VariablesIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class VariablesOverRestIT extends VariablesIT {}
