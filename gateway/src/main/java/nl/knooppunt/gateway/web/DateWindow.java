package nl.knooppunt.gateway.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The sane window for a date a person or client enters (issue #20 §3): not before 2000 (nothing in
 * the hub happened earlier), not more than a year ahead — unless the field says how far (a form's
 * {@code x-max-ahead}). Request bodies ({@link StrictJson}) and task forms use the same window.
 */
public final class DateWindow {

  /** The earliest date taken. */
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /** How far ahead a date may lie unless its field says otherwise. */
  public static final Period MAX_AHEAD = Period.ofYears(1);

  private DateWindow() {}

  /** Whether {@code date} lies from 2000 to at most {@code ahead} after today (UTC). */
  public static boolean contains(LocalDate date, Instant now, Period ahead) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return !date.isBefore(EARLIEST) && !date.isAfter(today.plus(ahead));
  }

  /** The rule in words, for a field that broke it. */
  public static String message(Period ahead) {
    return "Kies een datum vanaf 2000 en niet meer dan "
        + (ahead.equals(MAX_AHEAD) ? "een jaar" : ahead.getYears() + " jaar")
        + " vooruit.";
  }
}
