package nl.knooppunt.engine;

import nl.knooppunt.engine.conformance.OverRest;

/** {@link ModelerModelsIT} with the Camunda client's defaults: its commands go over REST. */
@OverRest
class ModelerModelsOverRestIT extends ModelerModelsIT {}
