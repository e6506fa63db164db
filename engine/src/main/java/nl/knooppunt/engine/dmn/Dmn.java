package nl.knooppunt.engine.dmn;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.engine.feel.Feel;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import scala.util.Either;

/**
 * DMN decisions evaluated by camunda's dmn-scala ({@code org.camunda.bpm.extension.dmn.scala}, the
 * DMN engine Camunda 8 uses; its FEEL is feel-scala, the same as the engine's). Parsing checks a
 * resource at deployment; evaluation parses a deployed resource once and keeps it (by its key).
 * Thread-safe: the engine thread evaluates business rule tasks, gRPC threads EvaluateDecision.
 */
public final class Dmn {

  /** A decision of a DMN resource. */
  public record DecisionInfo(String decisionId, String name) {}

  /** A parsed DMN resource: its decision requirements graph and its decisions. */
  public record ResourceInfo(String id, String name, List<DecisionInfo> decisions) {}

  /** A decision that could not be evaluated, with the engine's message. */
  public static final class EvaluationFailure extends RuntimeException {
    public EvaluationFailure(String message) {
      super(message);
    }
  }

  private static final DmnEngine ENGINE = new DmnEngine.Builder().build();

  /** Parsed resources by content checksum (keys repeat across engines in one JVM, bytes do not). */
  private static final Map<String, ParsedDmn> PARSED = new ConcurrentHashMap<>();

  private Dmn() {}

  /** Parses a DMN resource; throws {@link IllegalArgumentException} with the parser's message. */
  public static ResourceInfo parse(byte[] xml) {
    ParsedDmn dmn = parseDmn(xml);
    var definitions = dmn.model().getDefinitions();
    List<DecisionInfo> decisions = new ArrayList<>();
    dmn.decisions()
        .foreach(
            d -> {
              decisions.add(new DecisionInfo(d.id(), d.name()));
              return null;
            });
    return new ResourceInfo(definitions.getId(), definitions.getName(), decisions);
  }

  private static ParsedDmn parseDmn(byte[] xml) {
    Either<DmnEngine.Failure, ParsedDmn> parsed;
    try {
      parsed = ENGINE.parse(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (parsed.isLeft()) {
      throw new IllegalArgumentException(parsed.left().get().message());
    }
    return parsed.right().get();
  }

  /**
   * Evaluates {@code decisionId} of a deployed resource (its bytes and their checksum) with these
   * variables; returns its output as JSON-compatible Java values.
   */
  public static Object evaluate(
      String checksum, byte[] resource, String decisionId, Map<String, Object> variables) {
    ParsedDmn dmn = PARSED.computeIfAbsent(checksum, k -> parseDmn(resource));
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = ENGINE.eval(dmn, decisionId, variables);
    } catch (RuntimeException e) {
      throw new EvaluationFailure(
          "Expected to evaluate decision '" + decisionId + "', but " + e.getMessage());
    }
    if (result.isLeft()) {
      throw new EvaluationFailure(
          "Expected to evaluate decision '"
              + decisionId
              + "', but "
              + result.left().get().failure().message());
    }
    return toJava(result.right().get().value());
  }

  /** dmn-scala's (Scala) result values as JSON-compatible Java values. */
  static Object toJava(Object value) {
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.foreach(
          entry -> {
            out.put(String.valueOf(entry._1()), toJava(entry._2()));
            return null;
          });
      return out;
    }
    if (value instanceof scala.math.BigDecimal bd) {
      return Feel.toJson(bd.bigDecimal());
    }
    if (value instanceof scala.collection.Iterable<?> it) {
      List<Object> out = new ArrayList<>();
      it.foreach(
          v -> {
            out.add(toJava(v));
            return null;
          });
      return out;
    }
    if (value instanceof scala.Option<?> o) {
      return o.isEmpty() ? null : toJava(o.get());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), toJava(v)));
      return out;
    }
    if (value instanceof java.util.Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(v -> out.add(toJava(v)));
      return out;
    }
    return Feel.toJson(value);
  }
}
