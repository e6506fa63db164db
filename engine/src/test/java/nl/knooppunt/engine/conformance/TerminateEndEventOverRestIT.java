package nl.knooppunt.engine.conformance;

/** {@link TerminateEndEventIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class TerminateEndEventOverRestIT extends TerminateEndEventIT {}
