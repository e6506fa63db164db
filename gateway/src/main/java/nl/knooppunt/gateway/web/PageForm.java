package nl.knooppunt.gateway.web;

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

  /** A required {@code datetime-local} value in Amsterdam time. */
  public OffsetDateTime time(String field) {
    String v = text(field, 40);
    if (v == null) {
      return null;
    }
    try {
      return Times.fromInput(v);
    } catch (DateTimeParseException e) {
      error(field, "Geef een datum en tijd, bijvoorbeeld 2026-03-18T22:00.");
      return null;
    }
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
