package nl.knooppunt.engine;

import nl.knooppunt.engine.conformance.OverRest;

/** {@link BpmnSemanticsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class BpmnSemanticsOverRestIT extends BpmnSemanticsIT {}
