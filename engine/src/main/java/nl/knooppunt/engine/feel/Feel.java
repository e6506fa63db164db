package nl.knooppunt.engine.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * FEEL through {@code org.camunda.feel:feel-engine}. Results are converted to JSON-compatible Java
 * values (maps, lists, numbers, strings, booleans, null); temporal values become ISO strings, as
 * Camunda stores them in variables.
 */
public final class Feel {

  private final FeelEngineApi engine;

  public Feel(LongSupplier clock) {
    this.engine =
        FeelEngineBuilder.forJava()
            .withClock(
                () ->
                    ZonedDateTime.ofInstant(
                        Instant.ofEpochMilli(clock.getAsLong()), ZoneOffset.UTC))
            .build();
  }

  /**
   * Parses an attribute value: {@code =expr} is FEEL (syntax checked now), anything else is a
   * static value.
   *
   * @throws FeelException when the FEEL syntax is invalid
   */
  public Expression parse(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (!trimmed.startsWith("=")) {
      return Expression.constant(value);
    }
    return parseFeel(value, trimmed.substring(1));
  }

  /** Parses a value that is always FEEL (a leading {@code =} is optional). */
  public Expression parseAlwaysFeel(String value) {
    String trimmed = value.strip();
    return parseFeel(value, trimmed.startsWith("=") ? trimmed.substring(1) : trimmed);
  }

  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final java.util.regex.Pattern STRING =
      java.util.regex.Pattern.compile("\"[^\"\\\\]*\"");
  private static final java.util.regex.Pattern INTEGER =
      java.util.regex.Pattern.compile("-?[0-9]{1,15}");
  private static final java.util.Set<String> KEYWORDS =
      java.util.Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "function",
          "between",
          "instance",
          "of");

  private Expression parseFeel(String source, String feel) {
    ParseResult result = engine.parseExpression(feel);
    if (!result.isSuccess()) {
      throw new FeelException(
          "failed to parse FEEL expression '" + feel + "': " + result.failure().message());
    }
    // fast paths (the FEEL engine builds its built-in functions on every evaluation): a plain
    // variable path or a literal is resolved directly, with FEEL's semantics (missing -> null)
    String t = feel.strip();
    if (PATH.matcher(t).matches()) {
      String[] segments = t.split("\\.");
      boolean keyword = false;
      for (String s : segments) {
        keyword |= KEYWORDS.contains(s);
      }
      if (!keyword) {
        return new Expression(source, feel, result.parsedExpression(), segments, null, false);
      }
    }
    if (STRING.matcher(t).matches()) {
      return new Expression(
          source, feel, result.parsedExpression(), null, t.substring(1, t.length() - 1), true);
    }
    if (INTEGER.matcher(t).matches()) {
      return new Expression(source, feel, result.parsedExpression(), null, Long.parseLong(t), true);
    }
    if (t.equals("true") || t.equals("false")) {
      return new Expression(
          source, feel, result.parsedExpression(), null, Boolean.parseBoolean(t), true);
    }
    if (t.equals("null")) {
      return new Expression(source, feel, result.parsedExpression(), null, null, true);
    }
    return new Expression(source, feel, result.parsedExpression());
  }

  private static final Object NOT_SIMPLE = new Object();

  private static Object resolvePath(String[] path, Map<String, Object> variables) {
    Object value = variables.get(path[0]);
    for (int i = 1; i < path.length; i++) {
      if (value instanceof List<?>) {
        return NOT_SIMPLE;
      }
      if (!(value instanceof Map<?, ?> m)) {
        return null;
      }
      value = m.get(path[i]);
    }
    return value;
  }

  /** Evaluates; a static expression returns its string. */
  public Object evaluate(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      return expression.source();
    }
    if (expression.isLiteral()) {
      return expression.literal();
    }
    if (expression.path() != null) {
      Object value = resolvePath(expression.path(), variables);
      if (value != NOT_SIMPLE) {
        return toJson(value);
      }
    }
    EvaluationResult result = engine.evaluate(expression.parsed(), variables);
    if (!result.isSuccess()) {
      throw new FeelException(
          "failed to evaluate expression '"
              + expression.feel()
              + "': "
              + result.failure().message());
    }
    return toJson(result.result());
  }

  public String evaluateString(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new FeelException(
        "Expected result of the expression '"
            + expression.source()
            + "' to be 'STRING', but was '"
            + typeName(value)
            + "'.");
  }

  public boolean evaluateBoolean(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new FeelException(
        "Expected result of the expression '"
            + expression.source()
            + "' to be 'BOOLEAN', but was '"
            + typeName(value)
            + "'.");
  }

  public long evaluateLong(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw new FeelException(
        "Expected result of the expression '"
            + expression.source()
            + "' to be 'NUMBER', but was '"
            + typeName(value)
            + "'.");
  }

  public List<Object> evaluateList(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new FeelException(
        "Expected result of the expression '"
            + expression.source()
            + "' to be 'ARRAY', but was '"
            + typeName(value)
            + "'.");
  }

  /** A list of strings: a FEEL list, or a comma separated static value. */
  public List<String> evaluateStringList(Expression expression, Map<String, Object> variables) {
    if (!expression.isFeel()) {
      List<String> out = new ArrayList<>();
      for (String part : expression.source().split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
    Object value = evaluate(expression, variables);
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw new FeelException(
              "Expected result of the expression '"
                  + expression.source()
                  + "' to be 'ARRAY' containing 'STRING' items, but was '"
                  + typeName(o)
                  + "' item.");
        }
        out.add(s);
      }
      return out;
    }
    throw new FeelException(
        "Expected result of the expression '"
            + expression.source()
            + "' to be 'ARRAY', but was '"
            + typeName(value)
            + "'.");
  }

  public static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String) {
      return "STRING";
    }
    if (value instanceof Number) {
      return "NUMBER";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof List) {
      return "ARRAY";
    }
    if (value instanceof Map) {
      return "OBJECT";
    }
    return value.getClass().getSimpleName().toUpperCase();
  }

  /** Converts a FEEL (Java-mapped) result into a JSON-compatible value. */
  @SuppressWarnings("unchecked")
  public static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigDecimal bd) {
      return normalizeNumber(bd);
    }
    if (value instanceof BigInteger bi) {
      return normalizeNumber(new BigDecimal(bi));
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0E15) {
        return d.longValue();
      }
      return d;
    }
    if (value instanceof Float f) {
      return toJson(f.doubleValue());
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(v -> out.add(toJson(v)));
      return out;
    }
    if (value instanceof Duration || value instanceof TemporalAmount) {
      return value.toString();
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof scala.collection.Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.foreach(
          v -> {
            out.add(toJson(v));
            return null;
          });
      return out;
    }
    return String.valueOf(value);
  }

  private static Object normalizeNumber(BigDecimal bd) {
    BigDecimal stripped = bd.stripTrailingZeros();
    if (stripped.scale() <= 0
        && stripped
                .unscaledValue()
                .multiply(java.math.BigInteger.TEN.pow(-stripped.scale()))
                .bitLength()
            < 63) {
      return stripped.longValueExact();
    }
    return bd.doubleValue();
  }
}
