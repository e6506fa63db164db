package nl.knooppunt.engine;

import nl.knooppunt.engine.conformance.OverRest;

/**
 * {@link MultiInstanceImmediateCompletionIT} with the Camunda client's defaults: its commands go
 * over REST.
 */
@OverRest
class MultiInstanceImmediateCompletionOverRestIT extends MultiInstanceImmediateCompletionIT {}
