package nl.knooppunt.gateway.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file (YAML; JSON is YAML too) and checks it against the rules of {@code
 * scenarios/scenario.schema.json}. A file that breaks a rule is refused with the line and the
 * reason ({@link ScenarioException}), never half-read: the director sees what to fix.
 */
public final class ScenarioLoader {

  /** The participants a scenario may name: the hub's candidate groups. */
  static final Pattern PARTICIPANT =
      Pattern.compile(
          "landelijk-operator|nctv-besluitvormer|nctv-tweede-besluitvormer|nctv-hoofd"
              + "|communicatieadviseur|locc-officier|hoofd-locc|korpschef|politie|om"
              + "|regio-VR[0-9]{2}|gezag-GM[0-9]{4}");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
  private static final Set<String> TOP =
      Set.of("id", "versie", "titel", "leerdoelen", "deelnemers", "injects", "verwachteStappen");
  private static final Set<String> INJECT =
      Set.of("na", "soort", "als", "tekst", "stap", "parameters");
  private static final Set<String> STEP = Set.of("stap", "door", "naam", "norm");

  private ScenarioLoader() {}

  /** The scenarios shipped with the hub (classpath {@code scenarios/*.yaml}), by id. */
  public static Map<String, Scenario> shipped() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml");
      java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
      for (Resource r : files) {
        try (InputStream in = r.getInputStream()) {
          Scenario s = read(r.getFilename(), in);
          all.put(s.id(), s);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("scenario's niet leesbaar", e);
    }
    return all;
  }

  public static Scenario read(String source, InputStream in) {
    return read(source, new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  public static Scenario read(String source, String text) {
    return read(source, new StringReader(text));
  }

  private static Scenario read(String source, Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(512 * 1024);
    Node root;
    try {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      throw new ScenarioException(source, line, "geen geldige YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new ScenarioException(source, 1, "geen geldige YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new ScenarioException(source, 1, "het bestand is leeg");
    }
    return new Reading(source).scenario(root);
  }

  private record Reading(String source) {

    Scenario scenario(Node root) {
      Map<String, Node> top = mapping(root, "het scenario", TOP);
      String id = text(required(top, root, "id"), "id");
      if (!ID.matcher(id).matches()) {
        throw fail(
            top.get("id"), "id '" + id + "' mag alleen kleine letters, cijfers en - bevatten");
      }
      int version = integer(required(top, root, "versie"), "versie");
      String title = text(required(top, root, "titel"), "titel");
      List<String> goals = texts(required(top, root, "leerdoelen"), "leerdoelen");
      Node participantsNode = required(top, root, "deelnemers");
      List<String> participants = texts(participantsNode, "deelnemers");
      for (int i = 0; i < participants.size(); i++) {
        if (!PARTICIPANT.matcher(participants.get(i)).matches()) {
          throw fail(
              ((SequenceNode) participantsNode).getValue().get(i),
              "onbekende deelnemer '"
                  + participants.get(i)
                  + "' (een groep van het knooppunt, bijv. politie, regio-VR09, gezag-GM0344)");
        }
      }
      Node injectsNode = required(top, root, "injects");
      List<Scenario.Inject> injects = new ArrayList<>();
      Duration previous = Duration.ZERO;
      for (Node n : sequence(injectsNode, "injects")) {
        Scenario.Inject inject = inject(n, participants);
        if (inject.at().compareTo(previous) < 0) {
          throw fail(n, "injects staan in volgorde van 'na': deze komt vóór de vorige");
        }
        previous = inject.at();
        injects.add(inject);
      }
      if (injects.isEmpty()) {
        throw fail(injectsNode, "een scenario heeft minstens één inject");
      }
      List<Scenario.ExpectedStep> steps = new ArrayList<>();
      if (top.containsKey("verwachteStappen")) {
        for (Node n : sequence(top.get("verwachteStappen"), "verwachteStappen")) {
          Map<String, Node> m = mapping(n, "een verwachte stap", STEP);
          String by = text(required(m, n, "door"), "door");
          if (!participants.contains(by)) {
            throw fail(m.get("door"), "'" + by + "' staat niet bij de deelnemers");
          }
          steps.add(
              new Scenario.ExpectedStep(
                  text(required(m, n, "stap"), "stap"),
                  by,
                  text(required(m, n, "naam"), "naam"),
                  m.containsKey("norm") ? duration(m.get("norm"), "norm") : null));
        }
      }
      return new Scenario(id, version, title, goals, participants, injects, steps);
    }

    Scenario.Inject inject(Node n, List<String> participants) {
      Map<String, Node> m = mapping(n, "een inject", INJECT);
      Duration at = duration(required(m, n, "na"), "na");
      String word = text(required(m, n, "soort"), "soort");
      Scenario.Kind kind =
          Scenario.Kind.of(word)
              .orElseThrow(
                  () ->
                      fail(
                          m.get("soort"),
                          "onbekende soort '"
                              + word
                              + "' (toegestaan: "
                              + String.join(
                                  ", ",
                                  java.util.Arrays.stream(Scenario.Kind.values())
                                      .map(Scenario.Kind::word)
                                      .toList())
                              + ")"));
      String as = text(required(m, n, "als"), "als");
      if (!participants.contains(as)) {
        throw fail(m.get("als"), "'" + as + "' staat niet bij de deelnemers");
      }
      String text = text(required(m, n, "tekst"), "tekst");
      String step = m.containsKey("stap") ? text(m.get("stap"), "stap") : null;
      if (kind == Scenario.Kind.TAAK_AFRONDEN && step == null) {
        throw fail(n, "een inject 'taak-afronden' noemt de 'stap' (het id van de taak)");
      }
      Map<String, Object> parameters =
          m.containsKey("parameters") ? plain(m.get("parameters"), "parameters") : Map.of();
      requireParameters(kind, parameters, m.containsKey("parameters") ? m.get("parameters") : n);
      return new Scenario.Inject(
          at, kind, as, text, step, parameters, n.getStartMark().getLine() + 1);
    }

    void requireParameters(Scenario.Kind kind, Map<String, Object> p, Node where) {
      List<String> needed =
          switch (kind) {
            case MANHUNT_STARTEN -> List.of("locatie", "vrCode");
            case BIJSTAND_AANVRAGEN -> List.of("vrCode", "soort", "aantal");
            case DREIGINGSNIVEAU_VOORSTELLEN -> List.of("gebied", "codes", "reden");
            default -> List.of();
          };
      for (String key : needed) {
        if (!p.containsKey(key)) {
          throw fail(where, "een inject '" + kind.word() + "' heeft parameter '" + key + "' nodig");
        }
      }
    }

    Map<String, Node> mapping(Node n, String what, Set<String> allowed) {
      if (!(n instanceof MappingNode map)) {
        throw fail(n, what + " moet een object (sleutel: waarde) zijn");
      }
      Map<String, Node> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        String key = ((ScalarNode) scalar(t.getKeyNode(), "sleutel")).getValue();
        if (!allowed.contains(key)) {
          throw fail(
              t.getKeyNode(),
              "onbekend veld '" + key + "' in " + what + " (toegestaan: " + sorted(allowed) + ")");
        }
        out.put(key, t.getValueNode());
      }
      return out;
    }

    Node required(Map<String, Node> m, Node parent, String key) {
      Node n = m.get(key);
      if (n == null) {
        throw fail(parent, "verplicht veld '" + key + "' ontbreekt");
      }
      return n;
    }

    List<Node> sequence(Node n, String field) {
      if (!(n instanceof SequenceNode seq)) {
        throw fail(n, "'" + field + "' moet een lijst zijn");
      }
      return seq.getValue();
    }

    Node scalar(Node n, String field) {
      if (!(n instanceof ScalarNode)) {
        throw fail(n, "'" + field + "' moet een enkele waarde zijn");
      }
      return n;
    }

    String text(Node n, String field) {
      String v = ((ScalarNode) scalar(n, field)).getValue().strip();
      if (v.isEmpty()) {
        throw fail(n, "'" + field + "' is leeg");
      }
      return v;
    }

    List<String> texts(Node n, String field) {
      List<String> out = new ArrayList<>();
      for (Node item : sequence(n, field)) {
        out.add(text(item, field));
      }
      if (out.isEmpty()) {
        throw fail(n, "'" + field + "' is leeg");
      }
      return out;
    }

    int integer(Node n, String field) {
      String v = text(n, field);
      try {
        int i = Integer.parseInt(v);
        if (i < 1) {
          throw fail(n, "'" + field + "' is een geheel getal vanaf 1");
        }
        return i;
      } catch (NumberFormatException e) {
        throw fail(n, "'" + field + "' is een geheel getal vanaf 1, niet '" + v + "'");
      }
    }

    Duration duration(Node n, String field) {
      String v = text(n, field);
      try {
        Duration d = Duration.parse(v);
        if (d.isNegative()) {
          throw fail(n, "'" + field + "' mag niet negatief zijn");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw fail(
            n, "'" + field + "' is een ISO-8601-duur zoals PT15M of PT2H30M, niet '" + v + "'");
      }
    }

    Map<String, Object> plain(Node n, String field) {
      if (!(n instanceof MappingNode map)) {
        throw fail(n, "'" + field + "' moet een object (sleutel: waarde) zijn");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        String key = ((ScalarNode) scalar(t.getKeyNode(), "sleutel")).getValue();
        out.put(key, value(t.getValueNode(), key));
      }
      return out;
    }

    Object value(Node n, String field) {
      if (n instanceof ScalarNode s) {
        String v = s.getValue();
        if (s.getTag().getValue().endsWith(":int")) {
          return Long.parseLong(v);
        }
        if (s.getTag().getValue().endsWith(":bool")) {
          return Boolean.parseBoolean(v);
        }
        return v;
      }
      if (n instanceof SequenceNode seq) {
        return seq.getValue().stream().map(item -> value(item, field)).toList();
      }
      return plain(n, field);
    }

    ScenarioException fail(Node n, String reason) {
      return new ScenarioException(source, n.getStartMark().getLine() + 1, reason);
    }

    private static String sorted(Set<String> keys) {
      return String.join(", ", new java.util.TreeSet<>(keys));
    }
  }
}
