package nl.knooppunt.gateway.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values as the read model's columns hold them: times in UTC, texts, the first known value. */
public final class Columns {

  private Columns() {}

  /** A value as text, null stays null. */
  public static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** An instant as a UTC timestamp column. */
  public static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  /** An ISO time (with offset, or an instant) in UTC; null when blank or unreadable. */
  public static OffsetDateTime time(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (Exception ex) {
      try {
        return ts(Instant.parse(iso));
      } catch (Exception ignored) {
        return null;
      }
    }
  }

  /** The first value that is not null. */
  @SafeVarargs
  public static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
