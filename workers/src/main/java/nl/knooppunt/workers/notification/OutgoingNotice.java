package nl.knooppunt.workers.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.Contact;

/**
 * One notice to one authority over one channel. Its text is composed from parts, one fact per line
 * (see {@link #lines}), so a mayor woken at 3 a.m. reads what happened, where, until when, and what
 * to do — never a raw timestamp.
 *
 * @param notificationId the idempotency key: the same for every retry of the same notice
 * @param crisisId the crisis it belongs to
 * @param exercise OEFENING: the subject and text say so
 * @param recipient who
 * @param contact over which channel and address
 * @param kind what the notice is (AFKONDIGING, GRIP_ADVIES, SITUATIERAPPORT, ...)
 * @param subject one line
 * @param text what happened, one line
 * @param area the name of the area; optional
 * @param validUntil ISO 8601 date-time until which the decision holds; optional
 * @param level the threat level in force after the decision; optional
 * @param expectation what the recipient is expected to do; optional
 * @param requiresAck whether the hub waits for an acknowledgement
 * @param measures the level-5 measures for the recipient's role, in the version carried; optional
 */
public record OutgoingNotice(
    String notificationId,
    String crisisId,
    boolean exercise,
    Authority recipient,
    Contact contact,
    String kind,
    String subject,
    String text,
    String area,
    String validUntil,
    Integer level,
    String expectation,
    boolean requiresAck,
    Measures measures) {

  /**
   * The measures a notice carries for its recipient's role: which version of the list, the role's
   * Dutch name, and the measures themselves.
   */
  public record Measures(int version, String role, List<String> items) {
    public Measures {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** The marking every exercise notice carries, in subject and text. */
  public static final String EXERCISE_MARKER = "OEFENING";

  /** The line that asks for an acknowledgement, on every notice that requires one. */
  public static final String CONFIRM_LINE =
      "Bevestig de ontvangst in het Landelijk Knooppunt (Mijn taken).";

  /** How each measure starts on its own line. */
  public static final String MEASURE_BULLET = "- ";

  /** Times in a notice are Dutch time. */
  public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter DUTCH_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"));

  /** The NCTV's names of the threat levels. */
  private static final Map<Integer, String> LEVEL_NAMES =
      Map.of(1, "minimaal", 2, "beperkt", 3, "aanzienlijk", 4, "substantieel", 5, "kritiek");

  /** A notice that is only a subject and a text (situation reports, GRIP advice). */
  public OutgoingNotice(
      String notificationId,
      String crisisId,
      boolean exercise,
      Authority recipient,
      Contact contact,
      String kind,
      String subject,
      String text,
      boolean requiresAck) {
    this(
        notificationId,
        crisisId,
        exercise,
        recipient,
        contact,
        kind,
        subject,
        text,
        null,
        null,
        null,
        null,
        requiresAck,
        null);
  }

  /** A notice without measures (everything but a declaration or extension of level 5). */
  public OutgoingNotice(
      String notificationId,
      String crisisId,
      boolean exercise,
      Authority recipient,
      Contact contact,
      String kind,
      String subject,
      String text,
      String area,
      String validUntil,
      Integer level,
      String expectation,
      boolean requiresAck) {
    this(
        notificationId,
        crisisId,
        exercise,
        recipient,
        contact,
        kind,
        subject,
        text,
        area,
        validUntil,
        level,
        expectation,
        requiresAck,
        null);
  }

  public String markedSubject() {
    return exercise ? EXERCISE_MARKER + " — " + subject : subject;
  }

  /**
   * The notice as it goes out, one fact per line: what happened; the area; until when (Dutch date
   * and time); the level in force; what is expected; the request to confirm (when an
   * acknowledgement is required); the hub's 24/7 contact line. A declaration or extension of level
   * 5 lists, after what is expected, the measures for the recipient's role, one per line, with the
   * version of the list they come from.
   */
  public List<String> lines(String hubContact) {
    return lines(hubContact, CONFIRM_LINE);
  }

  /**
   * {@link #lines(String)} with another request to confirm in place of {@link #CONFIRM_LINE}: an
   * e-mail asks to confirm with its personal link.
   */
  public List<String> lines(String hubContact, String confirmLine) {
    List<String> lines = new ArrayList<>();
    if (present(text)) {
      lines.add(text.trim());
    }
    if (present(area)) {
      lines.add("Gebied: " + area.trim());
    }
    if (present(validUntil)) {
      lines.add("Geldig tot " + dutchDateTime(validUntil));
    }
    if (level != null) {
      String name = LEVEL_NAMES.get(level);
      lines.add("Dreigingsniveau: " + level + (name == null ? "" : " (" + name + ")"));
    }
    if (present(expectation)) {
      lines.add("Wat wordt van u verwacht: " + expectation.trim());
    }
    if (measures != null && !measures.items().isEmpty()) {
      lines.add(measuresHeading(measures));
      measures.items().forEach(m -> lines.add(MEASURE_BULLET + m));
    }
    if (requiresAck && present(confirmLine)) {
      lines.add(confirmLine.trim());
    }
    if (present(hubContact)) {
      lines.add(hubContact.trim());
    }
    return lines;
  }

  /** "Maatregelen voor u als gemeente (versie 2):", the line above the measures. */
  public static String measuresHeading(Measures measures) {
    return "Maatregelen voor u als " + measures.role() + " (versie " + measures.version() + "):";
  }

  /** {@link #lines} as one text. */
  public String body(String hubContact) {
    return String.join("\n", lines(hubContact));
  }

  /** The text as it goes out, marked OEFENING at the start and the end of an exercise. */
  public String markedText(String hubContact) {
    return markedText(hubContact, CONFIRM_LINE);
  }

  /** {@link #markedText(String)} with another request to confirm (see {@link #lines}). */
  public String markedText(String hubContact, String confirmLine) {
    String body = String.join("\n", lines(hubContact, confirmLine));
    return exercise
        ? EXERCISE_MARKER + " — " + body + "\n\n" + EXERCISE_MARKER + " " + EXERCISE_MARKER
        : body;
  }

  /**
   * {@link #validUntil} as an instant, as it travels in the event data; null when absent or not a
   * date-time.
   */
  public Instant validUntilInstant() {
    return present(validUntil) ? parse(validUntil) : null;
  }

  /** An ISO 8601 date-time (an offset, a zone or Dutch local time) as an instant; null if none. */
  public static Instant instant(String isoDateTime) {
    return isoDateTime == null || isoDateTime.isBlank() ? null : parse(isoDateTime);
  }

  /**
   * "18 maart 2026 om 23:00", in Dutch time. A value that is not a date-time is returned as it is.
   */
  public static String dutchDateTime(String isoDateTime) {
    Instant at = parse(isoDateTime);
    return at == null ? isoDateTime : dutchDateTime(at);
  }

  /** "18 maart 2026 om 23:00", in Dutch time. */
  public static String dutchDateTime(Instant at) {
    return DUTCH_DATE_TIME.format(at.atZone(NETHERLANDS));
  }

  private static Instant parse(String isoDateTime) {
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              isoDateTime.trim(), ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime z) {
        return z.toInstant();
      }
      if (parsed instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      return ((LocalDateTime) parsed).atZone(NETHERLANDS).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
