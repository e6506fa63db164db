package nl.knooppunt.gateway.learning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The tags (trefwoorden) of a finding: lower case, trimmed, from a comma-separated field. */
public final class Tags {

  private Tags() {}

  /** One tag as it is kept: trimmed, lower case, inner spaces as one. */
  public static String normal(String tag) {
    return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The tags of a comma-separated field ({@code "bereikbaarheid, GRIP"}), without duplicates. */
  public static List<String> parse(String field) {
    if (field == null || field.isBlank()) {
      return List.of();
    }
    return Arrays.stream(field.split(","))
        .map(Tags::normal)
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }
}
