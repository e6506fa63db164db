package nl.knooppunt.engine.feel;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A BPMN attribute value: either a static string or a FEEL expression (a value starting with {@code
 * =}). FEEL expressions are parsed once, at deploy time.
 */
public final class Expression {

  private final String source;
  private final String feel;
  private final ParsedExpression parsed;

  /** For a FEEL expression that is only a variable path ({@code a.b.c}): its segments. */
  private final String[] path;

  /** For a FEEL expression that is only a literal: its value ({@link #isLiteral()}). */
  private final Object literal;

  private final boolean isLiteral;

  Expression(String source, String feel, ParsedExpression parsed) {
    this(source, feel, parsed, null, null, false);
  }

  Expression(
      String source,
      String feel,
      ParsedExpression parsed,
      String[] path,
      Object literal,
      boolean isLiteral) {
    this.source = source;
    this.feel = feel;
    this.parsed = parsed;
    this.path = path;
    this.literal = literal;
    this.isLiteral = isLiteral;
  }

  String[] path() {
    return path;
  }

  Object literal() {
    return literal;
  }

  boolean isLiteral() {
    return isLiteral;
  }

  /** A static value. */
  public static Expression constant(String value) {
    return new Expression(value, null, null);
  }

  public boolean isFeel() {
    return feel != null;
  }

  /** The raw attribute value as written in the BPMN. */
  public String source() {
    return source;
  }

  String feel() {
    return feel;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return source;
  }
}
