package nl.knooppunt.gateway.task;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.web.Times;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.Labels;

/**
 * The words of the task pages: candidate groups, enumeration values, the process variables worth
 * showing, times in Amsterdam and the SLA countdown, in the same Dutch as the rest of the pages.
 */
public final class TaskWords {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$");
  private static final Pattern CONSTANT =
      Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$");

  /** The process variables a task page shows, in this order, with their Dutch label. */
  static final Map<String, String> CONTEXT = new LinkedHashMap<>();

  static {
    CONTEXT.put("reden", "Reden");
    CONTEXT.put("gebied", "Gebied");
    CONTEXT.put("niveau", "Dreigingsniveau");
    CONTEXT.put("voorgesteldDoor", "Voorgesteld door");
    CONTEXT.put("voorgesteldEinde", "Voorgesteld einde");
    CONTEXT.put("eindtijd", "Geldig tot");
    CONTEXT.put("locatie", "Locatie");
    CONTEXT.put("tijdstip", "Tijdstip");
    CONTEXT.put("daders", "Daders");
    CONTEXT.put("mogelijkTerroristischMotief", "Mogelijk terroristisch motief");
    CONTEXT.put("motiefToelichting", "Waarom een mogelijk terroristisch motief");
    CONTEXT.put("gripAdvies", "GRIP-advies");
    CONTEXT.put("opschaling", "Eerder bevestigde opschaling");
    CONTEXT.put("besluitZonderVolledigeInformatie", "Besluit zonder volledige informatie");
    CONTEXT.put("besluit", "Besluit");
    CONTEXT.put("afschalingsvoorstel", "Voorstel tot afschaling");
    CONTEXT.put("afschalingReden", "Reden afschaling");
    CONTEXT.put("afschalingVoorgesteldDoor", "Afschaling voorgesteld door");
    CONTEXT.put("herbeoordeling", "Herbeoordeling");
    CONTEXT.put("afschalingsbesluit", "Besluit afschaling");
    CONTEXT.put("medeondertekening", "Medeondertekening");
    CONTEXT.put("aanvraag", "Aanvraag");
    CONTEXT.put("aangevraagdDoor", "Aangevraagd door");
    CONTEXT.put("beoordeling", "Beoordeling LOCC");
    CONTEXT.put("aanvulling", "Aanvulling");
    CONTEXT.put("escalatieAanbod", "Besluit bij onvoldoende aanbod");
    CONTEXT.put("inzetEinde", "Einde inzet");
    CONTEXT.put("verlengingsverzoek", "Verzoek om verlenging");
    CONTEXT.put("verlengingTot", "Verlenging tot");
    CONTEXT.put("verlengingReden", "Reden verlenging");
    CONTEXT.put("ontvanger", "Ontvanger");
    CONTEXT.put("toelichting", "Toelichting");
  }

  /** Fields that hold codes for machines (gemeentecode, vrCode, codes), not words for people. */
  static boolean isCode(String key) {
    return key.equals("codes") || key.endsWith("code") || key.endsWith("Code");
  }

  /** One line of "what it is about". */
  public record Fact(String label, String value) {}

  private TaskWords() {}

  /**
   * An enumeration value in words: {@code STEUNT_MET_KANTTEKENINGEN} → "Steunt met kanttekeningen"
   * (the catalogue's {@link Labels}).
   */
  public static String enumLabel(String value) {
    return Labels.value(value);
  }

  /**
   * A candidate group in words: roles by name, {@code regio-VR09} by the region's name (from {@code
   * regionName}), police units and municipalities by code.
   */
  public static String group(String group, Function<String, Optional<String>> regionName) {
    Optional<String> role = Labels.group(group);
    if (role.isPresent()) {
      return role.get();
    }
    if (group.startsWith(CandidateGroup.REGIO_PREFIX)) {
      String vr = group.substring(CandidateGroup.REGIO_PREFIX.length());
      return regionName
          .apply(vr)
          .map(n -> "Veiligheidsregio " + n)
          .orElse("Veiligheidsregio " + vr);
    }
    if (group.startsWith(CandidateGroup.POLITIE_PREFIX)) {
      return "Politie-eenheid " + group.substring(CandidateGroup.POLITIE_PREFIX.length());
    }
    if (group.startsWith(CandidateGroup.GEZAG_PREFIX)) {
      return "Gezag gemeente " + group.substring(CandidateGroup.GEZAG_PREFIX.length());
    }
    return group;
  }

  /** "vr 27 nov. 2026 10:00" in Amsterdam time (the pages' one format), or an empty string. */
  public static String dateTime(OffsetDateTime t) {
    return Times.format(t);
  }

  /** "10:00" in Amsterdam time. */
  public static String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(Times.AMSTERDAM).format(TIME);
  }

  /**
   * The countdown as the page script writes it too (so the page reads right before the script
   * runs): "nog 1 u 05 min", "nog 4:30 min", "12:00 min te laat".
   */
  public static String countdown(OffsetDateTime due, Instant now) {
    if (due == null) {
      return "geen termijn";
    }
    long seconds = Math.round(Duration.between(now, due.toInstant()).toMillis() / 1000.0);
    boolean late = seconds < 0;
    long s = Math.abs(seconds);
    String text =
        s >= 86400
            ? (s / 86400) + (s / 86400 == 1 ? " dag " : " dagen ") + ((s % 86400) / 3600) + " u"
            : s >= 3600
                ? (s / 3600) + " u " + pad((s % 3600) / 60) + " min"
                : (s / 60) + ":" + pad(s % 60) + " min";
    return late ? text + " te laat" : "nog " + text;
  }

  private static String pad(long n) {
    return n < 10 ? "0" + n : Long.toString(n);
  }

  /** The process variables worth showing on the task page, in words. */
  public static List<Fact> context(Map<String, Object> variables) {
    return context(variables, Function.identity());
  }

  /**
   * The process variables worth showing on the task page, in words; who proposed or decided (a
   * field ending in {@code Door}, {@code beslisser}) by name ({@code person}: account → name).
   */
  public static List<Fact> context(Map<String, Object> variables, Function<String, String> person) {
    return context(variables, person, vr -> Optional.empty());
  }

  /** As above, with region codes ({@code VR09}) by the region's name. */
  public static List<Fact> context(
      Map<String, Object> variables,
      Function<String, String> person,
      Function<String, Optional<String>> regionName) {
    List<Fact> out = new ArrayList<>();
    if (variables == null) {
      return out;
    }
    Function<String, String> region = vr -> regionName.apply(vr).orElse(vr);
    CONTEXT.forEach(
        (key, label) -> {
          Object v = named(key, variables.get(key), person, region);
          String text = value(v);
          if (!text.isBlank()) {
            out.add(new Fact(label, text));
          }
        });
    return out;
  }

  /** Replaces account names by people's names in a value (and one level inside objects). */
  @SuppressWarnings("unchecked")
  static Object named(
      String key, Object v, Function<String, String> person, Function<String, String> region) {
    if (v instanceof String s && isPerson(key)) {
      return person.apply(s);
    }
    if (v instanceof String s && REGION_CODE.matcher(s).matches()) {
      return region.apply(s);
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, o) -> out.put(k, named(k, o, person, region)));
      return out;
    }
    return v;
  }

  private static final Pattern REGION_CODE = Pattern.compile("^VR\\d{2}$");
  private static final Pattern DURATION =
      Pattern.compile("^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?$");

  private static boolean isPerson(String key) {
    return key.endsWith("Door")
        || key.equals("beslisser")
        || key.equals("voorsteller")
        || key.equals("medeondertekenaar")
        || key.equals("officierVanJustitie");
  }

  /** A table of what a decision rests on (the regions' positions, the offers, the allocation). */
  public record Table(String id, String title, List<String> columns, List<Row> rows) {}

  /** One row; {@code attention} marks a row a decider must not miss (an objection, silence). */
  public record Row(List<String> cells, boolean attention) {}

  private record Column(String key, String label) {}

  private record TableSpec(
      String variable, String path, String id, String title, List<Column> columns) {}

  /**
   * The information of each partner (police, OM, …) before a level decision, one row per partner,
   * shared or missing ({@code ONTBREEKT}); built by the task page from {@code opsporingsinformatie}
   * and {@code informatiepartners}, cleared for the reader.
   */
  public static final String INFORMATION_OVERVIEW = "informatieoverzicht";

  /** The lists a task page shows as tables, from the process variables. */
  private static final List<TableSpec> TABLES =
      List.of(
          new TableSpec(
              INFORMATION_OVERVIEW,
              null,
              "informatie",
              "Informatie van politie, OM en partners",
              List.of(
                  new Column("partner", "Partner"),
                  new Column("status", "Informatie"),
                  new Column("samenvatting", "Samenvatting"),
                  new Column("dreigingsinschatting", "Dreigingsinschatting"),
                  new Column("opsporingsbelang", "Opsporingsbelang"),
                  new Column("vertrouwelijkheid", "Rubricering"),
                  new Column("gedeeldDoor", "Gedeeld door"))),
          new TableSpec(
              "afstemmingen",
              null,
              "standpunten",
              "Standpunten van de regio's en het lokaal gezag",
              List.of(
                  new Column("vrCode", "Regio"),
                  new Column("reactie", "Reactie"),
                  new Column("standpuntGezag", "Standpunt gezag"),
                  new Column("maatregelen", "Voorgenomen maatregelen"),
                  new Column("toelichting", "Toelichting"))),
          new TableSpec(
              "aanbiedingen",
              null,
              "aanbiedingen",
              "Aanbiedingen van de regio's of politie-eenheden",
              List.of(
                  new Column("vrCode", "Regio of eenheid"),
                  new Column("reactie", "Reactie"),
                  new Column("aantal", "Aantal"),
                  new Column("beschikbaarVanaf", "Beschikbaar vanaf"),
                  new Column("uitrusting", "Uitrusting"),
                  new Column("beschermingsniveau", "Bescherming"),
                  new Column("zelfvoorzienendUren", "Zelfvoorzienend (uren)"),
                  new Column("toelichting", "Toelichting"))),
          new TableSpec(
              "toewijzingsvoorstel",
              "regels",
              "voorstel-toewijzing",
              "Voorstel van het knooppunt voor de toewijzing",
              List.of(new Column("vrCode", "Regio"), new Column("aantal", "Aantal"))),
          new TableSpec(
              "toewijzing",
              "regels",
              "toewijzing",
              "Toewijzing door het LOCC",
              List.of(new Column("vrCode", "Regio"), new Column("aantal", "Aantal"))));

  /** Values of a row that ask for the decider's attention. */
  private static final java.util.Set<String> ATTENTION =
      java.util.Set.of("BEZWAAR", "GEEN_REACTIE", "ONTBREEKT");

  /** The tables of a task page. */
  @SuppressWarnings("unchecked")
  public static List<Table> tables(
      Map<String, Object> variables, Function<String, Optional<String>> regionName) {
    List<Table> out = new ArrayList<>();
    if (variables == null) {
      return out;
    }
    for (TableSpec spec : TABLES) {
      Object v = variables.get(spec.variable());
      if (spec.path() != null && v instanceof Map<?, ?> m) {
        v = ((Map<String, Object>) m).get(spec.path());
      }
      if (!(v instanceof List<?> list) || list.isEmpty()) {
        continue;
      }
      List<Row> rows = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> map)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        boolean attention = false;
        for (Column c : spec.columns()) {
          Object cell = map.get(c.key());
          attention |= cell instanceof String s && ATTENTION.contains(s);
          cells.add(
              "vrCode".equals(c.key()) && cell instanceof String vr
                  ? regionName.apply(vr).orElse(vr)
                  : value(cell));
        }
        rows.add(new Row(cells, attention));
      }
      if (!rows.isEmpty()) {
        out.add(
            new Table(
                spec.id(),
                spec.title(),
                spec.columns().stream().map(Column::label).toList(),
                rows));
      }
    }
    return out;
  }

  /** Any variable value in words: texts, numbers, yes/no, times, lists and objects (one level). */
  @SuppressWarnings("unchecked")
  public static String value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Boolean b) {
      return b ? "Ja" : "Nee";
    }
    if (v instanceof String s) {
      if (s.length() > 1 && DURATION.matcher(s).matches()) {
        return Labels.duration(s);
      }
      if (ISO_TIME.matcher(s).matches()) {
        try {
          return dateTime(OffsetDateTime.parse(s));
        } catch (DateTimeParseException e) {
          return s;
        }
      }
      return CONSTANT.matcher(s).matches() ? enumLabel(s) : s;
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        String p = value(o);
        if (!p.isBlank()) {
          parts.add(o instanceof Map<?, ?> ? "(" + p + ")" : p);
        }
      }
      return String.join(", ", parts);
    }
    if (v instanceof Map<?, ?> map) {
      if (map.get("naam") instanceof String naam && !naam.isBlank()) {
        return naam;
      }
      List<String> parts = new ArrayList<>();
      ((Map<String, Object>) map)
          .forEach(
              (k, o) -> {
                if (o instanceof Map<?, ?>
                    || o instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>
                    || isCode(k)) {
                  return;
                }
                String p = value(o);
                if (!p.isBlank()) {
                  parts.add(FormView.humanize(k) + ": " + p);
                }
              });
      return String.join("; ", parts);
    }
    return String.valueOf(v);
  }
}
