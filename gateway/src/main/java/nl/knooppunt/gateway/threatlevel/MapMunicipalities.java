package nl.knooppunt.gateway.threatlevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The boundaries of the 342 gemeenten, read once at startup from {@code geo/gemeenten.svg}
 * (provenance in {@code geo/SOURCE.md}; same projection and viewBox as the regions): per GM code
 * the path data, its region and a point inside it for its level as text.
 */
@Component
class MapMunicipalities {

  /** The file on the classpath. */
  public static final String RESOURCE = "geo/gemeenten.svg";

  private static final Pattern GM_CODE = Pattern.compile("GM\\d{4}");

  /** One municipality: its code, its region, the path data and a label point. */
  public record Shape(String code, String vrCode, String d, double labelX, double labelY) {}

  private final Map<String, Shape> shapes;

  public MapMunicipalities() {
    this(new ClassPathResource(RESOURCE));
  }

  MapMunicipalities(ClassPathResource resource) {
    try (InputStream in = resource.getInputStream()) {
      Document doc = MapRegions.parser().parse(in);
      this.shapes = Collections.unmodifiableMap(read(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("kaart " + RESOURCE + " niet leesbaar", e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("kaart " + RESOURCE + " is geen geldige SVG", e);
    }
    if (shapes.isEmpty()) {
      throw new IllegalStateException("kaart " + RESOURCE + " bevat geen gemeenten");
    }
  }

  private static Map<String, Shape> read(Document doc) {
    Map<String, Shape> out = new LinkedHashMap<>();
    NodeList paths = doc.getElementsByTagName("path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      String id = p.getAttribute("id");
      if (!GM_CODE.matcher(id).matches()) {
        continue;
      }
      String d = p.getAttribute("d").trim();
      double[] label = MapRegions.labelPoint(d);
      out.put(
          id,
          new Shape(
              id,
              p.getAttribute("data-vr"),
              d,
              Math.round(label[0] * 10) / 10.0,
              Math.round(label[1] * 10) / 10.0));
    }
    return out;
  }

  /** Every municipality by GM code, in code order. */
  public Map<String, Shape> shapes() {
    return shapes;
  }
}
