package nl.knooppunt.engine.model;

import nl.knooppunt.engine.feel.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: FEEL source, target variable (path). */
public record Mapping(Expression source, String target) {}
