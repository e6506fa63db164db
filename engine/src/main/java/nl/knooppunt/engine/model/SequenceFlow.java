package nl.knooppunt.engine.model;

import nl.knooppunt.engine.feel.Expression;

/** A sequence flow; {@code condition} is null when unconditional. */
public record SequenceFlow(String id, String sourceId, String targetId, Expression condition) {}
