package nl.knooppunt.engine.model;

import nl.knooppunt.engine.feel.Expression;

/** {@code multiInstanceLoopCharacteristics} with {@code zeebe:loopCharacteristics}. */
public record MultiInstance(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
