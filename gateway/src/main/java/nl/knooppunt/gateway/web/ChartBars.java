package nl.knooppunt.gateway.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts drawn as HTML (class {@code balk}): every bar carries its value as text, the bar only
 * repeats it. Also the formatting the charts and reports share (times in Europe/Amsterdam,
 * durations in Dutch).
 */
public final class ChartBars {

  /** The time zone of every time on the pages. */
  private ChartBars() {}

  /** One bar: label, value, value as text, width in percent of the largest, red or not. */
  public record Bar(String label, long value, String valueText, int percent, boolean red) {}

  /** Input of one bar before scaling. */
  public record Item(String label, long value, String valueText, boolean red) {
    public Item(String label, long value) {
      this(label, value, Long.toString(value), false);
    }
  }

  /** Scales the bars to the largest value (100%); a non-zero value gets at least 1%. */
  public static List<Bar> scale(List<Item> items) {
    long max = items.stream().mapToLong(Item::value).max().orElse(0);
    List<Bar> out = new ArrayList<>();
    for (Item i : items) {
      int percent = max <= 0 ? 0 : (int) Math.round(100.0 * Math.max(0, i.value()) / max);
      if (i.value() > 0 && percent == 0) {
        percent = 1;
      }
      out.add(new Bar(i.label(), i.value(), i.valueText(), percent, i.red()));
    }
    return out;
  }

  /** A part of a whole in percent (0..100), e.g. allocated of requested. */
  public static int share(Integer part, Integer whole) {
    if (part == null || whole == null || whole <= 0) {
      return 0;
    }
    return (int) Math.max(0, Math.min(100, Math.round(100.0 * part / whole)));
  }

  /** A time as {@code 23-11-2026 10:15} in Europe/Amsterdam; empty for null. */
  public static String time(OffsetDateTime t) {
    return Times.format(t);
  }

  /** A time with seconds, for the timeline. */
  public static String timeSeconds(OffsetDateTime t) {
    return Times.formatSeconds(t);
  }

  /**
   * A duration in seconds as {@code 45 s}, {@code 12 min 5 s}, {@code 3 u 05 min}, {@code 1 u},
   * {@code 2 d 4 u}.
   */
  public static String duration(Long seconds) {
    if (seconds == null) {
      return "";
    }
    long s = Math.abs(seconds);
    String sign = seconds < 0 ? "-" : "";
    if (s < 60) {
      return sign + s + " s";
    }
    if (s < 3600) {
      return sign + (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }
    if (s < 86400) {
      long minutes = (s % 3600) / 60;
      return sign + (s / 3600) + " u" + (minutes == 0 ? "" : String.format(" %02d min", minutes));
    }
    long hours = (s % 86400) / 3600;
    return sign + (s / 86400) + " d" + (hours == 0 ? "" : " " + hours + " u");
  }

  /** An ISO 8601 duration ({@code PT1H}, {@code P14D}) in Dutch; the text itself if unreadable. */
  public static String norm(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return duration(Duration.parse(iso).toSeconds());
    } catch (RuntimeException e) {
      try {
        return duration(java.time.Period.parse(iso).getDays() * 86400L);
      } catch (RuntimeException ignored) {
        return iso;
      }
    }
  }
}
