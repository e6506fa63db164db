package nl.knooppunt.gateway.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them: Dutch, in Europe/Amsterdam, short. Used in templates as {@code
 * ${@tijd.kort(t)}}.
 */
@Component("tijd")
public class Times {

  /** The zone of every time on the pages. */
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static final Locale NL = Locale.forLanguageTag("nl-NL");

  /** The one date format of every page: the day, the date with the year, the time. */
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", NL);

  private static final DateTimeFormatter WITH_SECONDS =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", NL);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", NL);
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** {@code wo 27 nov. 2026 14:03}; empty for no time. */
  public String kort(OffsetDateTime t) {
    return format(t);
  }

  /** The one format of a date and time on the pages ({@code wo 27 nov. 2026 14:03}). */
  public static String format(OffsetDateTime t) {
    return t == null ? "" : SHORT.format(t.atZoneSameInstant(AMSTERDAM));
  }

  /** The same format to the second ({@code wo 27 nov. 2026 14:03:27}), for timelines. */
  public static String formatSeconds(OffsetDateTime t) {
    return t == null ? "" : WITH_SECONDS.format(t.atZoneSameInstant(AMSTERDAM));
  }

  /** {@code 14:03:27}. */
  public String klok(OffsetDateTime t) {
    return t == null ? "" : CLOCK.format(t.atZoneSameInstant(AMSTERDAM));
  }

  /** ISO-8601 for {@code datetime} attributes. */
  public String iso(OffsetDateTime t) {
    return t == null ? "" : t.toInstant().toString();
  }

  /** The value of a {@code datetime-local} input in Amsterdam time. */
  public static String inputValue(OffsetDateTime t) {
    return INPUT.format(t.atZoneSameInstant(AMSTERDAM));
  }

  /** A {@code datetime-local} value (Amsterdam time) as an instant with offset. */
  public static OffsetDateTime fromInput(String value) {
    return LocalDateTime.parse(value).atZone(AMSTERDAM).toOffsetDateTime();
  }
}
