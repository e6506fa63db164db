package nl.knooppunt.processes;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names of the steps of the hub's processes, read from the BPMN models in the catalogue: a page
 * says "Dreigingsniveau 5 registreren", not {@code Niveau_Registreren}.
 */
public final class Steps {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final Map<String, Map<String, String>> NAMES = new HashMap<>();

  static {
    for (ProcessId process : ProcessId.values()) {
      NAMES.put(process.id(), read(process.resource()));
    }
  }

  private Steps() {}

  /** The name of an element of a process, if the model has it. */
  public static Optional<String> name(String processId, String elementId) {
    return Optional.ofNullable(NAMES.getOrDefault(processId, Map.of()).get(elementId));
  }

  private static Map<String, String> read(String resource) {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = Steps.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("BPMN model missing on the classpath: " + resource);
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(in);
      NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        String id = e.getAttribute("id");
        String name = e.getAttribute("name");
        if (!id.isEmpty() && !name.isEmpty()) {
          out.put(id, name.replace('\n', ' ').trim());
        }
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("BPMN model unreadable: " + resource, e);
    }
  }
}
