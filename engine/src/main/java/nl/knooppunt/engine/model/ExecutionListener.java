package nl.knooppunt.engine.model;

import nl.knooppunt.engine.feel.Expression;

/**
 * A {@code zeebe:executionListener}: a job of kind EXECUTION_LISTENER created before the element is
 * processed ({@code start}, after its input mappings) or after it ({@code end}, after its output
 * mappings); listeners of one event type run one after the other in the model's order (ADR 0047).
 */
public record ExecutionListener(boolean start, Expression type, Expression retries) {}
