package nl.knooppunt.engine.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import nl.knooppunt.engine.model.TimerDefinition;

/**
 * ISO 8601 timer values: a date ({@code 2026-01-01T10:00:00Z}), a duration ({@code PT15M}, {@code
 * P1D}, {@code P1MT2H}) or a repeating cycle ({@code R5/PT10S}, {@code R/PT1H}, {@code
 * R3/2026-01-01T10:00:00Z/PT1H}). Cron cycles are refused.
 */
public final class TimerSchedules {

  /** A parsed cycle: repetitions (-1 = unbounded), the interval and an optional start. */
  public record Cycle(int repetitions, String interval, Long start) {}

  private TimerSchedules() {}

  public static void validate(TimerDefinition.Kind kind, String text) {
    switch (kind) {
      case DATE -> parseDate(text);
      case DURATION -> addInterval(0, text);
      case CYCLE -> parseCycle(text);
    }
  }

  public static long parseDate(String text) {
    String t = text.strip();
    try {
      return ZonedDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e3) {
          throw new IllegalArgumentException("Invalid date-time format '" + text + "'");
        }
      }
    }
  }

  /** Adds an ISO 8601 duration/period to an instant (UTC calendar arithmetic). */
  public static long addInterval(long epochMillis, String interval) {
    String t = interval.strip();
    if (!t.startsWith("P") && !t.startsWith("-P")) {
      throw new IllegalArgumentException("Invalid duration format '" + interval + "'");
    }
    try {
      return epochMillis + Duration.parse(t).toMillis();
    } catch (DateTimeParseException e) {
      // periods with years/months/weeks, possibly with a time part
    }
    try {
      int tIndex = t.indexOf('T');
      Period period = Period.parse(tIndex < 0 ? t : t.substring(0, tIndex));
      Duration time = tIndex < 0 ? Duration.ZERO : Duration.parse("P" + t.substring(tIndex));
      ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
      return at.plus(period).plus(time).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid duration format '" + interval + "'");
    }
  }

  public static Cycle parseCycle(String text) {
    String t = text.strip();
    if (!t.startsWith("R")) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '"
              + text
              + "': only ISO 8601 repeating intervals (R/...) are supported by the embedded"
              + " engine, not cron expressions");
    }
    String[] parts = t.split("/");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("Invalid timer cycle '" + text + "'");
    }
    int repetitions;
    try {
      repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid timer cycle repetitions in '" + text + "'");
    }
    Long start = null;
    String interval;
    if (parts.length == 3) {
      start = parseDate(parts[1]);
      interval = parts[2];
    } else {
      interval = parts[1];
    }
    if (addInterval(0, interval) <= 0) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '" + text + "': the interval must be longer than zero");
    }
    return new Cycle(repetitions, interval, start);
  }
}
