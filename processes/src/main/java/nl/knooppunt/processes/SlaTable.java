package nl.knooppunt.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The decision table {@link DecisionId#SLA_TERMIJNEN} as shipped on the classpath, read as data
 * (not evaluated): for the guards that check every user task and SLA timer has a row, and for test
 * and bench data that need a task's norm. The running norm is not read here: an instance evaluates
 * the deployed version of the table at its start ({@link Variable#TERMIJNEN}), and the gateway
 * takes a task's norm from there.
 *
 * <p>The shipped table holds literal entries only ({@code "dreigingsniveau-5"}, {@code "PT1H"}); an
 * input entry {@code -} means every process.
 */
public final class SlaTable {

  /** One row: process, step (element id of a user task or a timer) and its term. */
  public record Row(String process, String step, Duration term) {}

  private static final SlaTable SHIPPED = read();

  private final List<Row> rows;

  private SlaTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The table in {@code dmn/sla-termijnen.dmn}. */
  public static SlaTable shipped() {
    return SHIPPED;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The terms of one process by step, as {@code termijnen} holds them in an instance. */
  public Map<String, Duration> of(ProcessId process) {
    Map<String, Duration> terms = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.process() == null || r.process().equals(process.id())) {
        terms.putIfAbsent(r.step(), r.term());
      }
    }
    return terms;
  }

  /** The term of a step of a process, if the table has a row for it. */
  public Optional<Duration> term(ProcessId process, String step) {
    return Optional.ofNullable(of(process).get(step));
  }

  /** The norm of a user task: its due date is its creation plus this term. */
  public Duration term(Task task) {
    return term(task.process(), task.elementId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no row in " + DecisionId.SLA_TERMIJNEN.resource() + " for " + task));
  }

  private static SlaTable read() {
    String resource = DecisionId.SLA_TERMIJNEN.resource();
    try (InputStream in = SlaTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing decision table " + resource);
      }
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = f.newDocumentBuilder().parse(in);
      List<Row> rows = new ArrayList<>();
      NodeList rules = doc.getElementsByTagNameNS("*", "rule");
      for (int i = 0; i < rules.getLength(); i++) {
        Element rule = (Element) rules.item(i);
        String process = literal(text(rule, "inputEntry", 0));
        String step = literal(text(rule, "outputEntry", 0));
        String term = literal(text(rule, "outputEntry", 1));
        rows.add(new Row(process, step, Duration.parse(term)));
      }
      return new SlaTable(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static String text(Element rule, String entry, int index) {
    Element e = (Element) rule.getElementsByTagNameNS("*", entry).item(index);
    return e.getElementsByTagNameNS("*", "text").item(0).getTextContent().trim();
  }

  /** A FEEL string literal without its quotes; {@code -} (any) and empty as null. */
  private static String literal(String feel) {
    if (feel.isEmpty() || feel.equals("-")) {
      return null;
    }
    if (feel.length() >= 2 && feel.startsWith("\"") && feel.endsWith("\"")) {
      return feel.substring(1, feel.length() - 1);
    }
    throw new IllegalArgumentException("not a string literal: " + feel);
  }
}
