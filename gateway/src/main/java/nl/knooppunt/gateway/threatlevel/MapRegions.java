package nl.knooppunt.gateway.threatlevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The boundaries of the 25 veiligheidsregio's, read once at startup from {@code
 * geo/veiligheidsregios.svg} (provenance in {@code geo/SOURCE.md}): per VR code the path data and a
 * point inside the region to put its level as text.
 */
@Component
class MapRegions {

  /** The file on the classpath. */
  public static final String RESOURCE = "geo/veiligheidsregios.svg";

  private static final Pattern VR_CODE = Pattern.compile("VR\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  /** One region: its code, the name in the SVG, the path data and a label point. */
  public record Shape(String code, String svgName, String d, double labelX, double labelY) {}

  private final String viewBox;
  private final Map<String, Shape> shapes;

  public MapRegions() {
    this(new ClassPathResource(RESOURCE));
  }

  MapRegions(ClassPathResource resource) {
    Document doc = load(resource);
    this.viewBox = doc.getDocumentElement().getAttribute("viewBox");
    this.shapes = Collections.unmodifiableMap(read(doc));
    if (shapes.isEmpty()) {
      throw new IllegalStateException("kaart " + resource.getPath() + " bevat geen regio's");
    }
  }

  /** A map on the classpath, parsed without DTDs; a clear error when it cannot be read. */
  static Document load(ClassPathResource resource) {
    try (InputStream in = resource.getInputStream()) {
      return parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("kaart " + resource.getPath() + " niet leesbaar", e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("kaart " + resource.getPath() + " is geen geldige SVG", e);
    }
  }

  /** The map's paths whose id is a code of this form, in the file's order. */
  static java.util.List<Element> paths(Document doc, Pattern code) {
    java.util.List<Element> out = new java.util.ArrayList<>();
    NodeList paths = doc.getElementsByTagName("path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if (code.matcher(p.getAttribute("id")).matches()) {
        out.add(p);
      }
    }
    return out;
  }

  /** An XML parser that reads no DTDs and no external entities. */
  static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f.newDocumentBuilder();
  }

  private static Map<String, Shape> read(Document doc) {
    Map<String, Shape> out = new LinkedHashMap<>();
    for (Element p : paths(doc, VR_CODE)) {
      String id = p.getAttribute("id");
      String d = p.getAttribute("d").trim();
      NodeList titles = p.getElementsByTagName("title");
      String title = titles.getLength() == 0 ? id : titles.item(0).getTextContent().trim();
      String name = title.startsWith(id) ? title.substring(id.length()).trim() : title;
      double[] label = labelPoint(d);
      out.put(id, new Shape(id, name, d, round(label[0]), round(label[1])));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * The centroid of the largest ring of a path of {@code M x,y x,y ... Z} rings (the only commands
   * the file uses): inside the region's main body for all but very concave shapes.
   */
  static double[] labelPoint(String d) {
    double bestArea = -1;
    double[] best = {0, 0};
    for (String ring : d.split("[Mm]")) {
      List<Double> n = new ArrayList<>();
      Matcher m = NUMBER.matcher(ring);
      while (m.find()) {
        n.add(Double.parseDouble(m.group()));
      }
      int points = n.size() / 2;
      if (points < 3) {
        continue;
      }
      double a = 0;
      double cx = 0;
      double cy = 0;
      for (int i = 0; i < points; i++) {
        double x0 = n.get(2 * i);
        double y0 = n.get(2 * i + 1);
        double x1 = n.get(2 * ((i + 1) % points));
        double y1 = n.get(2 * ((i + 1) % points) + 1);
        double cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (Math.abs(a) > bestArea && a != 0) {
        bestArea = Math.abs(a);
        best = new double[] {cx / (3 * a), cy / (3 * a)};
      }
    }
    return best;
  }

  /** The SVG viewBox, {@code 0 0 820 966}. */
  public String viewBox() {
    return viewBox;
  }

  /** Every region by VR code, VR01 to VR25 in file order. */
  public Map<String, Shape> shapes() {
    return shapes;
  }
}
