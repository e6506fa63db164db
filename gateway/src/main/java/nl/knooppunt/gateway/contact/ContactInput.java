package nl.knooppunt.gateway.contact;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.gateway.web.Times;

/**
 * One person as typed on the page or read from a CSV line, all text, and its validation: the fields
 * with a Dutch message each when wrong, else the {@link ContactPerson}. Numbers become E.164
 * ({@code +31612345678}); a Dutch number written nationally ({@code 06 12345678}, {@code 070 000
 * 1234}) is accepted because it converts unambiguously; anything else is refused with the expected
 * form.
 */
public record ContactInput(
    String order,
    String position,
    String name,
    String function,
    String email,
    String sms,
    String phone,
    String piket) {

  /** The fields, in the order the page and the CSV show them. */
  public static final List<String> FIELDS =
      List.of("volgorde", "positie", "naam", "functie", "email", "sms", "telefoon", "piket");

  public static final int MAX_NAME = 200;
  public static final int MAX_FUNCTION = 200;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_NUMBER = 32;
  public static final int MAX_PIKET = 2000;
  public static final int MAX_WINDOWS = 50;
  public static final int MAX_ORDER = 99;

  static final String NUMBER_FORM =
      "Geef het nummer in internationale vorm: een + en dan 8 tot 15 cijfers, bijvoorbeeld"
          + " +31612345678 (een Nederlands nummer als 06 12345678 mag ook).";

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern NATIONAL_NL = Pattern.compile("0[1-9][0-9]{8}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/]");
  private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
  private static final Pattern DOMAIN_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

  /** The outcome: the person, or the messages per field. */
  public record Result(ContactPerson person, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** The input of an existing person (to fill the page's form). */
  public static ContactInput of(ContactPerson p) {
    return new ContactInput(
        String.valueOf(p.order()),
        p.position().name(),
        p.name(),
        nz(p.function()),
        nz(p.email()),
        nz(p.sms()),
        nz(p.phone()),
        piketText(p.piket(), "\n"));
  }

  /** Piket windows as text: {@code van/tot} each, joined by {@code separator}. */
  public static String piketText(List<ContactPerson.Duty> piket, String separator) {
    List<String> out = new ArrayList<>();
    for (ContactPerson.Duty d : piket) {
      out.add(iso(d.from()) + "/" + iso(d.until()));
    }
    return String.join(separator, out);
  }

  private static String iso(Instant t) {
    return t.atZone(Times.AMSTERDAM).toOffsetDateTime().toString();
  }

  /** Validates; {@code demo} is kept from the person this input changes (false for a new one). */
  public Result validate(boolean demo) {
    Map<String, String> errors = new LinkedHashMap<>();
    int ord = 0;
    String o = strip(order);
    if (o == null) {
      errors.put("volgorde", "Geef de plaats in de belketen (1 of hoger).");
    } else {
      try {
        ord = Integer.parseInt(o);
        if (ord < 1 || ord > MAX_ORDER) {
          errors.put("volgorde", "De plaats in de belketen is een getal van 1 tot en met 99.");
        }
      } catch (NumberFormatException e) {
        errors.put("volgorde", "De plaats in de belketen is een getal van 1 tot en met 99.");
      }
    }
    ChainContact.Position pos = null;
    String p = strip(position);
    try {
      pos = p == null ? null : ChainContact.Position.valueOf(p.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      pos = null;
    }
    if (pos == null) {
      errors.put("positie", "Kies de positie: HOUDER, PLAATSVERVANGER of OFFICIER_VAN_DIENST.");
    }
    String n = strip(name);
    if (n == null) {
      errors.put("naam", "Geef de naam.");
    } else if (n.length() > MAX_NAME) {
      errors.put("naam", "De naam is te lang (ten hoogste " + MAX_NAME + " tekens).");
    }
    String f = strip(function);
    if (f != null && f.length() > MAX_FUNCTION) {
      errors.put("functie", "De functie is te lang (ten hoogste " + MAX_FUNCTION + " tekens).");
    }
    String mail = strip(email);
    if (mail != null && !validEmail(mail)) {
      errors.put("email", "Geef een geldig e-mailadres, bijvoorbeeld naam@gemeente.nl.");
    }
    String smsNumber = number(sms, "sms", errors);
    String phoneNumber = number(phone, "telefoon", errors);
    if (mail == null && strip(sms) == null && strip(phone) == null) {
      errors.put(
          "email",
          "Geef ten minste één manier om deze persoon te bereiken: e-mail, sms of telefoon.");
    }
    List<ContactPerson.Duty> windows = piket(piket, errors);
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(
        new ContactPerson(ord, pos, n, f, mail, smsNumber, phoneNumber, windows, demo), Map.of());
  }

  /** E.164, or null when empty; a message in {@code errors} when it cannot be one. */
  static String number(String raw, String field, Map<String, String> errors) {
    String s = strip(raw);
    if (s == null) {
      return null;
    }
    if (s.length() > MAX_NUMBER) {
      errors.put(field, NUMBER_FORM);
      return null;
    }
    String compact = SEPARATORS.matcher(s).replaceAll("");
    if (compact.startsWith("00")) {
      compact = "+" + compact.substring(2);
    } else if (NATIONAL_NL.matcher(compact).matches()) {
      compact = "+31" + compact.substring(1);
    }
    if (!E164.matcher(compact).matches()) {
      errors.put(field, NUMBER_FORM);
      return null;
    }
    return compact;
  }

  /** A sane e-mail check: one @, a plain local part, a domain of at least two labels. */
  static boolean validEmail(String s) {
    if (s.length() > MAX_EMAIL) {
      return false;
    }
    int at = s.indexOf('@');
    if (at < 1 || at != s.lastIndexOf('@') || at == s.length() - 1) {
      return false;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (local.length() > 64
        || !LOCAL_PART.matcher(local).matches()
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")) {
      return false;
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.length() > 63 || !DOMAIN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].matches("[0-9]+");
  }

  /** Windows {@code van/tot}, one per line or separated by {@code |}. */
  static List<ContactPerson.Duty> piket(String raw, Map<String, String> errors) {
    String s = strip(raw);
    if (s == null) {
      return List.of();
    }
    if (s.length() > MAX_PIKET) {
      errors.put("piket", "Het piketrooster is te lang (ten hoogste " + MAX_PIKET + " tekens).");
      return List.of();
    }
    List<ContactPerson.Duty> out = new ArrayList<>();
    for (String part : s.split("[|\\n]")) {
      String w = part.strip();
      if (w.isEmpty()) {
        continue;
      }
      String[] ends = w.split("/", -1);
      Instant from = ends.length == 2 ? instant(ends[0]) : null;
      Instant until = ends.length == 2 ? instant(ends[1]) : null;
      if (from == null || until == null) {
        errors.put(
            "piket",
            "Schrijf elk piket als van/tot in ISO 8601, bijvoorbeeld"
                + " 2026-12-07T08:00/2026-12-14T08:00 (\""
                + (w.length() > 60 ? w.substring(0, 60) + "…" : w)
                + "\" is dat niet).");
        return List.of();
      }
      if (!from.isBefore(until)) {
        errors.put("piket", "Een piket eindigt na het begin (" + w + ").");
        return List.of();
      }
      out.add(new ContactPerson.Duty(from, until));
    }
    if (out.size() > MAX_WINDOWS) {
      errors.put("piket", "Ten hoogste " + MAX_WINDOWS + " piketten per persoon.");
      return List.of();
    }
    return out;
  }

  /** An instant with offset, or a local date-time in Amsterdam time. */
  private static Instant instant(String s) {
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(t).atZone(Times.AMSTERDAM).toInstant();
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }

  static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
