package nl.knooppunt.processes.guard;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.knooppunt.processes.ProcessId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Loads the four models from the classpath, as Zeebe model and as plain DOM. */
final class Modellen {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";

  private Modellen() {}

  static Stream<ProcessId> processen() {
    return Stream.of(ProcessId.values());
  }

  static InputStream open(ProcessId id) {
    InputStream in = Modellen.class.getClassLoader().getResourceAsStream(id.resource());
    if (in == null) {
      throw new IllegalStateException("missing model " + id.resource());
    }
    return in;
  }

  static BpmnModelInstance model(ProcessId id) {
    try (InputStream in = open(id)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document dom(ProcessId id) {
    try (InputStream in = open(id)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + id.resource(), e);
    }
  }

  /** All elements under {@code root} (depth first, root excluded). */
  static List<Element> descendants(Element root) {
    List<Element> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Element e, List<Element> out) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
        collect(c, out);
      }
    }
  }

  static Element processElement(Document doc) {
    return (Element) doc.getElementsByTagNameNS(BPMN_NS, "process").item(0);
  }

  static List<Element> children(Element parent, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c
          && ns.equals(c.getNamespaceURI())
          && localName.equals(c.getLocalName())) {
        out.add(c);
      }
    }
    return out;
  }

  static List<Element> all(Document doc, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    var list = doc.getElementsByTagNameNS(ns, localName);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }
}
