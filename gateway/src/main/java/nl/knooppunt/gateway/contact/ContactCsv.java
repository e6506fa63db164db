package nl.knooppunt.gateway.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The contact register as CSV (docs/operations.md): UTF-8, {@code ;} separated, a header, one row
 * per person: {@code autoriteit;volgorde;positie;naam;functie;email;sms;telefoon;piket}, piket as
 * {@code van/tot|van/tot} in ISO 8601. A field with {@code ;}, {@code "} or a line break is quoted
 * ({@code "..."}, a quote doubled).
 */
public final class ContactCsv {

  public static final List<String> COLUMNS =
      List.of(
          "autoriteit",
          "volgorde",
          "positie",
          "naam",
          "functie",
          "email",
          "sms",
          "telefoon",
          "piket");

  /** At most this many rows per import. */
  public static final int MAX_ROWS = 5000;

  private ContactCsv() {}

  /** The register's chains as CSV, in the given order. */
  public static String write(List<ContactRegister.Chain> chains) {
    StringBuilder out = new StringBuilder(String.join(";", COLUMNS)).append("\r\n");
    for (ContactRegister.Chain chain : chains) {
      for (ContactPerson p : chain.people()) {
        List<String> fields =
            List.of(
                chain.authorityCode(),
                String.valueOf(p.order()),
                p.position().name(),
                p.name(),
                nz(p.function()),
                nz(p.email()),
                nz(p.sms()),
                nz(p.phone()),
                ContactInput.piketText(p.piket(), "|"));
        out.append(String.join(";", fields.stream().map(ContactCsv::quoted).toList()))
            .append("\r\n");
      }
    }
    return out.toString();
  }

  /** One problem of an import: the line (1 = the header), the column, the message. */
  public record Problem(int line, String column, String message) {
    public String text() {
      return "Regel " + line + (column == null ? "" : ", kolom " + column) + ": " + message;
    }
  }

  /** An import read: the chains per authority (in order of appearance), or the problems. */
  public record Read(Map<String, List<ContactPerson>> chains, List<Problem> problems) {}

  /**
   * Reads an import; every row is checked ({@link ContactInput}), and whether the authority exists
   * and the user may change it ({@code allowed}).
   */
  public static Read read(String text, Predicate<String> known, Predicate<String> allowed) {
    List<Problem> problems = new ArrayList<>();
    Map<String, List<ContactPerson>> chains = new LinkedHashMap<>();
    String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows;
    try {
      rows = rows(body);
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              Integer.parseInt(e.getMessage()),
              null,
              "een aanhalingsteken (\") wordt niet gesloten."));
      return new Read(Map.of(), problems);
    }
    if (rows.isEmpty()) {
      problems.add(
          new Problem(
              1,
              null,
              "het bestand is leeg; de eerste regel is de kop " + String.join(";", COLUMNS) + "."));
      return new Read(Map.of(), problems);
    }
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    if (!header.equals(COLUMNS)) {
      problems.add(new Problem(1, null, "de kop is niet " + String.join(";", COLUMNS) + "."));
      return new Read(Map.of(), problems);
    }
    if (rows.size() - 1 > MAX_ROWS) {
      problems.add(
          new Problem(rows.size(), null, "ten hoogste " + MAX_ROWS + " regels per import."));
      return new Read(Map.of(), problems);
    }
    for (int i = 1; i < rows.size(); i++) {
      int line = i + 1;
      List<String> row = rows.get(i);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != COLUMNS.size()) {
        problems.add(
            new Problem(
                line,
                null,
                "verwacht " + COLUMNS.size() + " kolommen, gevonden " + row.size() + "."));
        continue;
      }
      String code = row.get(0).strip();
      if (code.isEmpty() || !known.test(code)) {
        problems.add(
            new Problem(
                line,
                "autoriteit",
                code.isEmpty()
                    ? "geef de code van de autoriteit, bijvoorbeeld BM-GM0344."
                    : "autoriteit " + code + " is onbekend."));
        continue;
      }
      if (!allowed.test(code)) {
        problems.add(
            new Problem(
                line,
                "autoriteit",
                "u mag de contactketen van " + code + " niet wijzigen (niet uw regio)."));
        continue;
      }
      ContactInput.Result r =
          new ContactInput(
                  row.get(1),
                  row.get(2),
                  row.get(3),
                  row.get(4),
                  row.get(5),
                  row.get(6),
                  row.get(7),
                  row.get(8))
              .validate(false);
      if (!r.valid()) {
        r.errors().forEach((field, message) -> problems.add(new Problem(line, field, message)));
        continue;
      }
      chains.computeIfAbsent(code, k -> new ArrayList<>()).add(r.person());
    }
    return new Read(problems.isEmpty() ? chains : Map.of(), problems);
  }

  /** Splits the text into rows of fields; a quoted field may hold {@code ;} and line breaks. */
  static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int startLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        startLine = line;
      } else if (c == ';') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        line++;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(String.valueOf(startLine));
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  private static String quoted(String s) {
    if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
