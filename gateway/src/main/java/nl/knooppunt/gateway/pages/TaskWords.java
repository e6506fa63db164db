package nl.knooppunt.gateway.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.knooppunt.processes.CandidateGroup;

/**
 * The words of the task pages: candidate groups, enumeration values, the process variables worth
 * showing, times in Amsterdam and the SLA countdown, in the same Dutch as the rest of the pages.
 */
public final class TaskWords {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl"));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final Pattern ISO_TIME =
      Pattern.compile(
          "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$");
  private static final Pattern CONSTANT =
      Pattern.compile("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$");

  /** Values whose readable form is not just "first letter capital". */
  private static final Map<String, String> ENUM_WORDS =
      Map.ofEntries(
          Map.entry("GRIP_1", "GRIP 1"),
          Map.entry("GRIP_2", "GRIP 2"),
          Map.entry("GRIP_3", "GRIP 3"),
          Map.entry("GRIP_4", "GRIP 4"),
          Map.entry("GRIP_RIJK", "GRIP Rijk"),
          Map.entry("NL_ALERT", "NL-Alert"),
          Map.entry("CRISIS_NL", "Crisis.nl"),
          Map.entry("LOCC", "LOCC"),
          Map.entry("NCTV", "NCTV"),
          Map.entry("STAATSGEHEIM_CONFIDENTIEEL", "Staatsgeheim Confidentieel"),
          Map.entry("MEER_INFORMATIE", "Meer informatie nodig"));

  private static final Map<String, String> GROUPS =
      Map.of(
          CandidateGroup.LANDELIJK_OPERATOR.group(), "Landelijk operator",
          CandidateGroup.NCTV_BESLUITVORMER.group(), "NCTV-besluitvormer",
          CandidateGroup.COMMUNICATIEADVISEUR.group(), "Communicatieadviseur",
          CandidateGroup.LOCC_OFFICIER.group(), "LOCC-officier",
          CandidateGroup.HOOFD_LOCC.group(), "Hoofd LOCC",
          CandidateGroup.POLITIE.group(), "Politie",
          CandidateGroup.OM.group(), "Openbaar Ministerie",
          CandidateGroup.MANAGEMENT.group(), "Management",
          CandidateGroup.BEHEERDER.group(), "Beheerder");

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
    CONTEXT.put("gripAdvies", "GRIP-advies");
    CONTEXT.put("opsporingsinformatie", "Gedeelde opsporingsinformatie");
    CONTEXT.put("besluit", "Besluit");
    CONTEXT.put("afschalingReden", "Reden afschaling");
    CONTEXT.put("afschalingVoorgesteldDoor", "Afschaling voorgesteld door");
    CONTEXT.put("aanvraag", "Aanvraag");
    CONTEXT.put("aangevraagdDoor", "Aangevraagd door");
    CONTEXT.put("beoordeling", "Beoordeling LOCC");
    CONTEXT.put("aanvulling", "Aanvulling");
    CONTEXT.put("toewijzingsvoorstel", "Voorstel toewijzing");
    CONTEXT.put("inzetEinde", "Einde inzet");
    CONTEXT.put("verlengingTot", "Verlenging tot");
    CONTEXT.put("verlengingReden", "Reden verlenging");
    CONTEXT.put("ontvanger", "Ontvanger");
    CONTEXT.put("toelichting", "Toelichting");
  }

  /** One line of "what it is about". */
  public record Fact(String label, String value) {}

  private TaskWords() {}

  /**
   * An enumeration value in words: {@code STEUNT_MET_KANTTEKENINGEN} → "Steunt met kanttekeningen".
   */
  public static String enumLabel(String value) {
    if (value == null) {
      return "";
    }
    String known = ENUM_WORDS.get(value);
    if (known != null) {
      return known;
    }
    String words = value.replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? value : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * A candidate group in words: roles by name, {@code regio-VR09} by the region's name (from {@code
   * regionName}), police units and municipalities by code.
   */
  public static String group(String group, Function<String, Optional<String>> regionName) {
    if (GROUPS.containsKey(group)) {
      return GROUPS.get(group);
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

  /** "27 nov. 2026 om 10:00" in Amsterdam time, or an empty string. */
  public static String dateTime(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(Times.AMSTERDAM).format(DATE_TIME);
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
        s >= 3600
            ? (s / 3600) + " u " + pad((s % 3600) / 60) + " min"
            : (s / 60) + ":" + pad(s % 60) + " min";
    return late ? text + " te laat" : "nog " + text;
  }

  private static String pad(long n) {
    return n < 10 ? "0" + n : Long.toString(n);
  }

  /** The process variables worth showing on the task page, in words. */
  public static List<Fact> context(Map<String, Object> variables) {
    List<Fact> out = new ArrayList<>();
    if (variables == null) {
      return out;
    }
    CONTEXT.forEach(
        (key, label) -> {
          Object v = variables.get(key);
          String text = value(v);
          if (!text.isBlank()) {
            out.add(new Fact(label, text));
          }
        });
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
                    || o instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>) {
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
