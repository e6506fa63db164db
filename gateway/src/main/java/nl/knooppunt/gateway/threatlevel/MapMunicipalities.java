package nl.knooppunt.gateway.threatlevel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
    this.shapes = Collections.unmodifiableMap(read(MapRegions.load(resource)));
    if (shapes.isEmpty()) {
      throw new IllegalStateException("kaart " + resource.getPath() + " bevat geen gemeenten");
    }
  }

  private static Map<String, Shape> read(Document doc) {
    Map<String, Shape> out = new LinkedHashMap<>();
    for (Element p : MapRegions.paths(doc, GM_CODE)) {
      String id = p.getAttribute("id");
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
