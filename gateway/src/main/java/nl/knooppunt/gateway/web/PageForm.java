package nl.knooppunt.gateway.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.knooppunt.api.model.FieldError;

/**
 * The entered values and field errors of one page form. Pages check what a browser could send
 * wrongly (empty, too long, not a time) and map the API's field errors back to their fields, so a
 * user sees every mistake beside the field it belongs to.
 */
public final class PageForm {

  private final Map<String, String> values;
  private final Map<String, String> errors = new LinkedHashMap<>();

  public PageForm(Map<String, String> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public Map<String, String> values() {
    return values;
  }

  public Map<String, String> errors() {
    return errors;
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public void error(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  /** A required text of at most {@code max} characters; null when missing. */
  public String text(String field, int max) {
    String v = values.get(field);
    if (v == null || v.isBlank()) {
      error(field, "Vul dit veld in.");
      return null;
    }
    if (v.length() > max) {
      error(field, "Maximaal " + max + " tekens (nu " + v.length() + ").");
      return null;
    }
    return v.trim();
  }

  /** An optional text; null when empty. */
  public String optional(String field, int max) {
    String v = values.get(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    return text(field, max);
  }

  /**
   * A required {@code datetime-local} value in Amsterdam time, within the sane window ({@link
   * DateWindow}: from 2000, at most a year ahead), as a request body's date would be.
   */
  public OffsetDateTime time(String field) {
    return time(field, DateWindow.MAX_AHEAD);
  }

  /** A required {@code datetime-local} value, at most {@code ahead} after today. */
  public OffsetDateTime time(String field, java.time.Period ahead) {
    String v = text(field, 40);
    if (v == null) {
      return null;
    }
    OffsetDateTime t;
    try {
      t = Times.fromInput(v);
    } catch (DateTimeParseException e) {
      error(field, "Geef een datum en tijd, bijvoorbeeld 2026-03-18T22:00.");
      return null;
    }
    if (!DateWindow.contains(
        t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate(), Instant.now(), ahead)) {
      error(field, DateWindow.message(ahead));
      return null;
    }
    return t;
  }

  /** A required whole number between min and max. */
  public Integer number(String field, int min, int max) {
    String v = text(field, 12);
    if (v == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        error(field, "Geef een getal van " + min + " tot en met " + max + ".");
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      error(field, "Geef een heel getal.");
      return null;
    }
  }

  public boolean checked(String field) {
    return "true".equals(values.get(field)) || "on".equals(values.get(field));
  }

  /**
   * Takes over the field errors of the API's answer; {@code fieldOf} maps an API field ({@code
   * area.codes[0]}) to a form field, or null for the form as a whole.
   */
  public void take(Problems.ApiException e, Function<String, String> fieldOf) {
    List<FieldError> list = e.errors();
    if (list.isEmpty()) {
      error("formulier", e.getMessage());
    }
    for (FieldError f : list) {
      String field = fieldOf.apply(f.getField());
      error(field == null ? "formulier" : field, f.getMessage());
    }
  }
}
