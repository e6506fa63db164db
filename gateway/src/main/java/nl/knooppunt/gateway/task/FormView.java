package nl.knooppunt.gateway.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.web.Times;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A task form as the page renders it, built from the form's JSON Schema: one {@link Field} per
 * property with its input kind, Dutch label, constraints (as HTML attributes, so the browser checks
 * them too), the value the user entered and the server's error for it. The other direction, {@link
 * #payload}, turns the submitted form fields back into typed completion variables for the API
 * (numbers as numbers, checkboxes as booleans, Amsterdam local times as ISO times with offset).
 *
 * <p>Names and ids: a property {@code standpuntGezag} is the input {@code name="standpuntGezag"}
 * with {@code id="veld-standpuntGezag"} (a radio option: {@code veld-standpuntGezag-STEUNT}); a
 * nested property {@code gebied.soort} and a row field {@code regels[0].vrCode} keep their path as
 * name, their id replaces the punctuation by dashes ({@code veld-regels-0-vrCode}). The error of a
 * field is {@code fout-<same suffix>}.
 */
public final class FormView {

  /** Strings longer than this are typed in a textarea. */
  static final int TEXTAREA_FROM = 200;

  /** Enumerations with at most this many options are radio buttons, longer ones a select. */
  static final int MAX_RADIOS = 5;

  /** Free-text fields without a maxLength that are typed in a textarea. */
  static final Set<String> LONG_TEXTS =
      Set.of(
          "motivering",
          "toelichting",
          "samenvatting",
          "opsporingsbelang",
          "maatregelen",
          "informeren",
          "handelingsperspectief",
          "duiding",
          "watGingGoed",
          "aanvullendeInformatie",
          "gevraagdeInformatie",
          "ondernomenActie",
          "reden");

  /** Empty rows offered beyond the filled ones for a list of objects (no script needed). */
  static final int SPARE_ROWS = 2;

  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d+)]\\..+$");

  /** How a field is rendered. */
  public enum Kind {
    TEXT,
    TEXTAREA,
    RADIO,
    SELECT,
    CHECKBOX,
    NUMBER,
    DATETIME,
    DATE,
    /** A list of enumeration values: one checkbox per option. */
    CHOICES,
    /** A list of strings: a textarea, one per line. */
    LINES,
    /** A nested object: a fieldset with its own fields. */
    GROUP,
    /** A list of objects: a fieldset with one group per row. */
    ROWS,
    /** Filled by the hub with the signed-in user (e.g. the decider): shown, not typed. */
    HUB,
    /** A required yes/no question: two radio buttons, no default. */
    YES_NO
  }

  /** One option of an enumeration. */
  public record Option(String value, String label, String id, boolean chosen) {}

  /**
   * One field.
   *
   * @param required the schema requires it (the label says "(verplicht)")
   * @param enforced the browser checks it too ({@code required} attribute): only when every
   *     enclosing group is required as well, so an optional group can stay empty
   * @param value the entered value (text, number, date-time-local, the chosen option, lines)
   * @param checked a checkbox is ticked
   */
  public record Field(
      String name,
      String id,
      String label,
      String hint,
      Kind kind,
      boolean required,
      boolean enforced,
      List<Option> options,
      String value,
      boolean checked,
      Integer minLength,
      Integer maxLength,
      String min,
      String max,
      String step,
      String pattern,
      String error,
      List<Field> children,
      Condition shownWhen) {

    /** The choice this field belongs to (shown and required only then), as {@code naam=WAARDE}. */
    public String condition() {
      return shownWhen == null ? null : shownWhen.field() + "=" + shownWhen.value();
    }

    /** The id of the hint paragraph. */
    public String hintId() {
      return "hint-" + suffix(name);
    }

    /** The id of the error paragraph. */
    public String errorId() {
      return "fout-" + suffix(name);
    }

    public boolean hasError() {
      return error != null;
    }

    /** The ids the input is described by (hint and error), or null. */
    public String describedBy() {
      List<String> ids = new ArrayList<>();
      if (hint != null) {
        ids.add(hintId());
      }
      if (error != null) {
        ids.add(errorId());
      }
      return ids.isEmpty() ? null : String.join(" ", ids);
    }

    /** This field or one of its children has an error. */
    public boolean anyError() {
      return error != null || children.stream().anyMatch(Field::anyError);
    }
  }

  /**
   * A field that belongs to one choice of another field ({@code allOf: [{if: {properties:
   * {uitkomst: {const: AFSCHALEN}}}, then: {required: [nieuwNiveau]}}]}): the page shows it, and
   * requires it, only when that choice is made; the server checks the same rule.
   *
   * @param label the choice in words, for "(verplicht bij Afschalen)"
   */
  public record Condition(String field, String value, String label) {}

  /** One line of the error summary at the top of the form: links to the field. */
  public record Problem(String label, String message, String href) {}

  private final List<Field> fields;
  private final List<Problem> problems;

  private FormView(List<Field> fields, List<Problem> problems) {
    this.fields = fields;
    this.problems = problems;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The errors for the summary, in form order; errors without a field at the end. */
  public List<Problem> problems() {
    return problems;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The empty form (with the schema's defaults). */
  public static FormView of(JsonNode schema, String username) {
    return of(schema, null, Map.of(), username);
  }

  /**
   * A fresh form, filled in beforehand from the task's process variables where the schema says so
   * ({@code x-prefill: "voorgesteldEinde"}, a dotted path; {@code "nu"} is the current time) and
   * with the schema's defaults, so a person only enters what they must.
   */
  public static FormView prefilled(
      JsonNode schema, Map<String, Object> variables, String username, Instant now) {
    MultiValueMap<String, String> initial = prefill(schema, variables, now);
    return initial.isEmpty() ? of(schema, username) : of(schema, initial, Map.of(), username);
  }

  /**
   * What a person sent, with the values filled in beforehand added back for every field that was
   * not sent at all (a field hidden until a choice is made is not sent): a form that comes back
   * with an error keeps the proposal's end time that was filled in for the person.
   */
  public static MultiValueMap<String, String> withPrefill(
      JsonNode schema,
      MultiValueMap<String, String> submitted,
      Map<String, Object> variables,
      Instant now) {
    MultiValueMap<String, String> out = new LinkedMultiValueMap<>(submitted);
    prefill(schema, variables, now)
        .forEach(
            (name, values) -> {
              String field = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
              boolean sent =
                  submitted.keySet().stream()
                      .anyMatch(k -> k.equals(field) || k.startsWith(field + "["));
              if (!sent) {
                out.addAll(name, values);
              }
            });
    return out;
  }

  /** The schema's prefilled values and defaults, as the form would submit them. */
  private static MultiValueMap<String, String> prefill(
      JsonNode schema, Map<String, Object> variables, Instant now) {
    MultiValueMap<String, String> initial = new LinkedMultiValueMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode prop = p.getValue();
      Object value = null;
      if (prop.hasNonNull(PREFILL)) {
        String path = prop.get(PREFILL).asText();
        value = NOW.equals(path) ? now.toString() : lookup(variables, path);
      }
      if (value == null && prop.has("default")) {
        value = MAPPER.convertValue(prop.get("default"), Object.class);
      }
      if (value != null) {
        put(initial, p.getKey(), prop, value);
      }
    }
    return initial;
  }

  /** The keyword of a field filled beforehand from a process variable. */
  static final String PREFILL = "x-prefill";

  /** {@code x-prefill: "nu"}: the current time. */
  static final String NOW = "nu";

  /**
   * The keyword of a time that must lie in the future ({@code "future"}) or not ({@code "past"}).
   */
  static final String TIME = "x-time";

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @SuppressWarnings("unchecked")
  static Object lookup(Map<String, Object> variables, String path) {
    Object current = variables;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(part);
    }
    return current;
  }

  /** Writes a prefilled value as the form would submit it; returns whether anything was put. */
  @SuppressWarnings("unchecked")
  private static boolean put(
      MultiValueMap<String, String> form, String name, JsonNode prop, Object value) {
    Kind kind = kindOf(name, prop);
    switch (kind) {
      case ROWS -> {
        if (!(value instanceof List<?> rows)) {
          return false;
        }
        boolean any = false;
        JsonNode item = prop.path("items").path("properties");
        for (int i = 0; i < rows.size(); i++) {
          if (rows.get(i) instanceof Map<?, ?> row) {
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
              String key = keys.next();
              Object cell = ((Map<String, Object>) row).get(key);
              if (cell != null) {
                any |= put(form, name + "[" + i + "]." + key, item.get(key), cell);
              }
            }
          }
        }
        return any;
      }
      case CHOICES, LINES -> {
        if (value instanceof List<?> list) {
          list.forEach(v -> form.add(name, String.valueOf(v)));
          return !list.isEmpty();
        }
        return false;
      }
      case GROUP, HUB -> {
        return false;
      }
      case DATETIME -> form.add(name, toLocalInput(value.toString()));
      default -> form.add(name, String.valueOf(value));
    }
    return true;
  }

  /**
   * The form with what the user entered ({@code submitted}, null for a fresh form) and the server's
   * errors per field path ({@code regels[0].vrCode}).
   */
  public static FormView of(
      JsonNode schema,
      MultiValueMap<String, String> submitted,
      Map<String, String> errors,
      String username) {
    Set<String> used = new HashSet<>();
    List<Field> fields = fields(schema, "", true, submitted, errors, used, username);
    List<Problem> problems = new ArrayList<>();
    collect(fields, problems);
    errors.forEach(
        (path, message) -> {
          if (!used.contains(path)) {
            problems.add(new Problem(label(schema, path), message, "#afronden"));
          }
        });
    return new FormView(fields, problems);
  }

  private static void collect(List<Field> fields, List<Problem> out) {
    for (Field f : fields) {
      if (f.error() != null) {
        out.add(new Problem(f.label(), f.error(), "#" + f.id()));
      }
      collect(f.children(), out);
    }
  }

  private static List<Field> fields(
      JsonNode schema,
      String prefix,
      boolean enforce,
      MultiValueMap<String, String> submitted,
      Map<String, String> errors,
      Set<String> used,
      String username) {
    List<Field> out = new ArrayList<>();
    Set<String> required = requiredOf(schema);
    Map<String, Condition> conditions = conditions(schema, prefix);
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = prefix + p.getKey();
      Condition condition = conditions.get(p.getKey());
      Field f =
          field(
              name,
              p.getKey(),
              p.getValue(),
              required.contains(p.getKey()) || condition != null,
              enforce && condition == null,
              submitted,
              errors,
              used,
              username);
      out.add(condition == null ? f : withCondition(f, condition));
    }
    return out;
  }

  /**
   * The conditional requirements of a schema: {@code allOf} entries of the form {@code if:
   * {properties: {<field>: {const: <value>}}}, then: {required: [...]}}, by the required field.
   */
  static Map<String, Condition> conditions(JsonNode schema, String prefix) {
    Map<String, Condition> out = new LinkedHashMap<>();
    for (JsonNode rule : schema.path("allOf")) {
      Iterator<Map.Entry<String, JsonNode>> when = rule.path("if").path("properties").fields();
      if (!when.hasNext()) {
        continue;
      }
      Map.Entry<String, JsonNode> on = when.next();
      if (!on.getValue().has("const")) {
        continue;
      }
      String value = on.getValue().get("const").asText();
      JsonNode chooser = schema.path("properties").path(on.getKey());
      String label =
          "boolean".equals(chooser.path("type").asText())
              ? "'"
                  + chooser.path("title").asText(humanize(on.getKey()))
                  + "': "
                  + (on.getValue().get("const").asBoolean() ? "ja" : "nee")
              : options(prefix + on.getKey(), chooser, Set.of()).stream()
                  .filter(o -> o.value().equals(value))
                  .map(Option::label)
                  .findFirst()
                  .orElse(TaskWords.enumLabel(value));
      for (JsonNode r : rule.path("then").path("required")) {
        out.put(r.asText(), new Condition(prefix + on.getKey(), value, label));
      }
    }
    return out;
  }

  private static Field withCondition(Field f, Condition c) {
    String own = "Verplicht bij " + c.label() + ".";
    return new Field(
        f.name(),
        f.id(),
        f.label(),
        f.hint() == null ? own : own + " " + f.hint(),
        f.kind(),
        f.required(),
        false,
        f.options(),
        f.value(),
        f.checked(),
        f.minLength(),
        f.maxLength(),
        f.min(),
        f.max(),
        f.step(),
        f.pattern(),
        f.error(),
        f.children(),
        c);
  }

  private static Set<String> requiredOf(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    return required;
  }

  private static Field field(
      String name,
      String key,
      JsonNode p,
      boolean required,
      boolean enforceParent,
      MultiValueMap<String, String> submitted,
      Map<String, String> errors,
      Set<String> used,
      String username) {
    Kind kind = kindOf(key, p);
    if (kind == Kind.CHECKBOX && required) {
      // a required yes/no is a choice a person makes, not a box left unticked by accident
      kind = Kind.YES_NO;
    }
    String label = p.path("title").asText(humanize(key));
    String hint = p.hasNonNull("description") ? p.get("description").asText() : null;
    if (kind == Kind.HUB) {
      // who did it: the hub fills in the signed-in user, never a person
      required = false;
    }
    String extra =
        switch (kind) {
          case DATETIME ->
              switch (p.path(TIME).asText("")) {
                case "future" -> "Nederlandse tijd, in de toekomst.";
                case "past" -> "Nederlandse tijd, niet in de toekomst.";
                default -> "Nederlandse tijd.";
              };
          case LINES -> "Eén per regel.";
          default -> null;
        };
    if (extra != null) {
      hint = hint == null ? extra : hint + " " + extra;
    }
    boolean enforced = required && enforceParent;
    String error = plain(errors.get(name), kind);
    if (error != null) {
      used.add(name);
    }
    List<String> entered = submitted == null ? null : submitted.get(name);
    String value = entered == null || entered.isEmpty() ? null : entered.get(0);
    if (submitted == null && p.has("default") && !p.get("default").isContainerNode()) {
      value = p.get("default").asText();
    }
    List<Field> children = List.of();
    List<Option> options = List.of();
    boolean checked = false;
    switch (kind) {
      case RADIO, SELECT -> options = options(name, p, value == null ? Set.of() : Set.of(value));
      case YES_NO -> options = yesNo(name, value);
      case CHOICES ->
          options =
              options(
                  name,
                  p.path("items"),
                  entered == null
                      ? (submitted == null ? defaults(p) : Set.of())
                      : new HashSet<>(entered));
      case CHECKBOX -> checked = "true".equals(value);
      case LINES -> value = entered == null ? null : String.join("\n", entered);
      case DATETIME -> value = submitted == null && value != null ? toLocalInput(value) : value;
      case GROUP -> children = fields(p, name + ".", enforced, submitted, errors, used, username);
      case ROWS -> children = rows(name, p, enforced, submitted, errors, used, username);
      default -> {}
    }
    if (kind == Kind.HUB) {
      value = username;
    }
    return new Field(
        name,
        "veld-" + suffix(name),
        label,
        hint,
        kind,
        required,
        enforced,
        options,
        value,
        checked,
        p.has("minLength") ? p.get("minLength").asInt() : null,
        p.has("maxLength") ? p.get("maxLength").asInt() : null,
        kind == Kind.DATETIME && "future".equals(p.path(TIME).asText())
            ? Times.inputValue(java.time.OffsetDateTime.now())
            : bound(p, "minimum", "exclusiveMinimum"),
        kind == Kind.DATETIME && "past".equals(p.path(TIME).asText())
            ? Times.inputValue(java.time.OffsetDateTime.now().plusMinutes(5))
            : bound(p, "maximum", "exclusiveMaximum"),
        "integer".equals(p.path("type").asText()) ? "1" : "any",
        p.hasNonNull("pattern") ? htmlPattern(p.get("pattern").asText()) : null,
        error,
        children,
        null);
  }

  /** The two options of a required yes/no question. */
  private static List<Option> yesNo(String name, String value) {
    return List.of(
        new Option("true", "Ja", "veld-" + suffix(name) + "-ja", "true".equals(value)),
        new Option("false", "Nee", "veld-" + suffix(name) + "-nee", "false".equals(value)));
  }

  private static final Pattern AT_LEAST = Pattern.compile("minimumwaarde van (\\S+)");
  private static final Pattern AT_MOST = Pattern.compile("maximale waarde van (\\S+)");
  private static final Pattern MIN_CHARS = Pattern.compile("minimaal (\\d+) tekens");
  private static final Pattern MAX_CHARS = Pattern.compile("maximaal (\\d+) tekens");
  private static final Pattern MIN_ITEMS = Pattern.compile("minstens (\\d+) items");

  /**
   * The validator's message in the words of the form: "Maak een keuze." rather than "vereiste
   * eigenschap 'x' niet gevonden". A message it does not recognise is kept as it is.
   */
  static String plain(String message, Kind kind) {
    if (message == null) {
      return null;
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    Matcher g;
    if (m.contains("vereiste eigenschap")) {
      return switch (kind) {
        case RADIO, SELECT, YES_NO -> "Maak een keuze.";
        case CHOICES -> "Kies er minstens één.";
        case ROWS -> "Vul minstens één regel in.";
        case CHECKBOX -> "Vink aan of niet.";
        default -> "Vul dit veld in.";
      };
    }
    if (m.contains("integer verwacht")) {
      return "Vul een heel getal in.";
    }
    if (m.contains("number verwacht")) {
      return "Vul een getal in.";
    }
    if (m.contains("boolean verwacht")) {
      return "Vink aan of niet.";
    }
    if (m.contains("opsomming")) {
      return "Kies een van de mogelijkheden.";
    }
    if (m.contains("date-time")) {
      return "Vul een geldige datum en tijd in.";
    }
    if (m.contains("date-patroon") || m.contains("geldige rfc 3339-datum")) {
      return "Vul een geldige datum in.";
    }
    if (m.contains("regex-patroon")) {
      return "Heeft niet de goede vorm.";
    }
    if ((g = AT_LEAST.matcher(m)).find()) {
      return "Vul minimaal " + g.group(1) + " in.";
    }
    if ((g = AT_MOST.matcher(m)).find()) {
      return "Vul maximaal " + g.group(1) + " in.";
    }
    if ((g = MIN_CHARS.matcher(m)).find()) {
      return "1".equals(g.group(1))
          ? "Vul dit veld in."
          : "Gebruik minimaal " + g.group(1) + " tekens.";
    }
    if ((g = MAX_CHARS.matcher(m)).find()) {
      return "Te lang: gebruik maximaal " + g.group(1) + " tekens.";
    }
    if ((g = MIN_ITEMS.matcher(m)).find()) {
      return kind == Kind.ROWS
          ? "Vul minstens " + g.group(1) + " regel(s) in."
          : "Vul er minstens " + g.group(1) + " in.";
    }
    return message;
  }

  /** The rows of a list of objects: the entered ones (or one) plus spare empty rows. */
  private static List<Field> rows(
      String name,
      JsonNode p,
      boolean enforced,
      MultiValueMap<String, String> submitted,
      Map<String, String> errors,
      Set<String> used,
      String username) {
    int filled = submitted == null ? 0 : rowCount(name, submitted);
    for (String path : errors.keySet()) {
      Matcher m = ROW.matcher(path);
      if (m.matches() && m.group(1).equals(name)) {
        filled = Math.max(filled, Integer.parseInt(m.group(2)) + 1);
      }
    }
    int count = Math.max(filled, 1) + SPARE_ROWS;
    List<Field> rows = new ArrayList<>();
    JsonNode item = p.path("items");
    for (int i = 0; i < count; i++) {
      String rowName = name + "[" + i + "]";
      // the browser does not enforce row fields: empty spare rows are skipped
      List<Field> cells = fields(item, rowName + ".", false, submitted, errors, used, username);
      rows.add(
          new Field(
              rowName,
              "veld-" + suffix(rowName),
              "Regel " + (i + 1),
              null,
              Kind.GROUP,
              false,
              false,
              List.of(),
              null,
              false,
              null,
              null,
              null,
              null,
              null,
              null,
              errors.get(rowName),
              cells,
              null));
      if (errors.containsKey(rowName)) {
        used.add(rowName);
      }
    }
    return rows;
  }

  private static int rowCount(String name, MultiValueMap<String, String> submitted) {
    int count = 0;
    for (String key : submitted.keySet()) {
      Matcher m = ROW.matcher(key);
      if (m.matches() && m.group(1).equals(name)) {
        count = Math.max(count, Integer.parseInt(m.group(2)) + 1);
      }
    }
    return count;
  }

  static Kind kindOf(String key, JsonNode p) {
    if (nl.knooppunt.gateway.forms.FormSchemas.isFilledByTheHub(key, p)) {
      return Kind.HUB;
    }
    String type = p.path("type").asText("string");
    return switch (type) {
      case "boolean" -> Kind.CHECKBOX;
      case "integer", "number" -> Kind.NUMBER;
      case "object" -> Kind.GROUP;
      case "array" -> {
        JsonNode items = p.path("items");
        if (hasOptions(items)) {
          yield Kind.CHOICES;
        }
        yield "object".equals(items.path("type").asText()) ? Kind.ROWS : Kind.LINES;
      }
      default -> {
        if (hasOptions(p)) {
          yield optionCount(p) <= MAX_RADIOS ? Kind.RADIO : Kind.SELECT;
        }
        String format = p.path("format").asText("");
        if ("date-time".equals(format)) {
          yield Kind.DATETIME;
        }
        if ("date".equals(format)) {
          yield Kind.DATE;
        }
        if (p.has("maxLength")) {
          yield p.get("maxLength").asInt() > TEXTAREA_FROM ? Kind.TEXTAREA : Kind.TEXT;
        }
        yield LONG_TEXTS.contains(key) ? Kind.TEXTAREA : Kind.TEXT;
      }
    };
  }

  private static boolean hasOptions(JsonNode p) {
    return p.has("enum") || p.has("oneOf") && p.get("oneOf").findValue("const") != null;
  }

  private static int optionCount(JsonNode p) {
    return p.has("enum") ? p.get("enum").size() : p.get("oneOf").size();
  }

  /**
   * The options of an enumeration with their Dutch labels: from {@code oneOf: [{const, title}]},
   * else from {@code x-enumNames}, else the value made readable.
   */
  static List<Option> options(String name, JsonNode p, Set<String> chosen) {
    List<Option> out = new ArrayList<>();
    if (p.has("enum")) {
      JsonNode names = p.path("x-enumNames");
      for (int i = 0; i < p.get("enum").size(); i++) {
        String v = p.get("enum").get(i).asText();
        String label = names.has(i) ? names.get(i).asText() : TaskWords.enumLabel(v);
        out.add(new Option(v, label, "veld-" + suffix(name) + "-" + v, chosen.contains(v)));
      }
    } else {
      for (JsonNode o : p.path("oneOf")) {
        String v = o.path("const").asText();
        String label = o.path("title").asText(TaskWords.enumLabel(v));
        out.add(new Option(v, label, "veld-" + suffix(name) + "-" + v, chosen.contains(v)));
      }
    }
    return out;
  }

  private static Set<String> defaults(JsonNode p) {
    Set<String> out = new HashSet<>();
    p.path("default").forEach(d -> out.add(d.asText()));
    return out;
  }

  private static String bound(JsonNode p, String inclusive, String exclusive) {
    if (p.has(inclusive)) {
      return p.get(inclusive).asText();
    }
    if (p.has(exclusive) && "integer".equals(p.path("type").asText())) {
      long e = p.get(exclusive).asLong();
      return Long.toString("exclusiveMinimum".equals(exclusive) ? e + 1 : e - 1);
    }
    return null;
  }

  /** A schema pattern as an HTML pattern (which is anchored already). */
  static String htmlPattern(String pattern) {
    String p = pattern;
    if (p.startsWith("^")) {
      p = p.substring(1);
    }
    if (p.endsWith("$") && !p.endsWith("\\$")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The id suffix of a field path: {@code regels[0].vrCode} → {@code regels-0-vrCode}. */
  static String suffix(String path) {
    return path.replace("].", "-").replace('[', '-').replace("]", "").replace('.', '-');
  }

  /** A camelCase name made readable: {@code aanvragendeRegio} → {@code Aanvragende regio}. */
  static String humanize(String key) {
    String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** The label of a field path for the summary when no field shows the error. */
  private static String label(JsonNode schema, String path) {
    JsonNode node = schema;
    for (String part : path.replaceAll("\\[\\d+]", "").split("\\.")) {
      JsonNode next = node.path("properties").path(part);
      if (next.isMissingNode() && node.has("items")) {
        next = node.path("items").path("properties").path(part);
      }
      if (next.isMissingNode()) {
        return "body".equals(path) ? "Formulier" : path;
      }
      node = next;
    }
    return node.path("title").asText(path);
  }

  // --- submitted form → completion variables

  /**
   * The typed completion variables of a submitted form, by the schema. Empty fields are left out
   * (so a required one is reported as missing), an unchecked checkbox is {@code false}, a number
   * that does not parse is passed on as text (so the schema reports it), hub-filled fields are
   * never taken from the form.
   */
  public static Map<String, Object> payload(
      JsonNode schema, MultiValueMap<String, String> submitted) {
    return object(schema, "", submitted == null ? new LinkedMultiValueMap<>() : submitted);
  }

  private static Map<String, Object> object(
      JsonNode schema, String prefix, MultiValueMap<String, String> form) {
    Map<String, Object> out = new LinkedHashMap<>();
    Set<String> required = requiredOf(schema);
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = prefix + p.getKey();
      Object value =
          required.contains(p.getKey()) && kindOf(p.getKey(), p.getValue()) == Kind.CHECKBOX
              ? yesNo(form.getFirst(name))
              : value(name, p.getKey(), p.getValue(), form);
      if (value != null) {
        out.put(p.getKey(), value);
      }
    }
    return out;
  }

  private static Object value(
      String name, String key, JsonNode p, MultiValueMap<String, String> form) {
    Kind kind = kindOf(key, p);
    List<String> entered = form.get(name);
    String first =
        entered == null || entered.isEmpty() || entered.get(0) == null
            ? null
            : entered.get(0).strip();
    boolean blank = first == null || first.isEmpty();
    return switch (kind) {
      case HUB -> null;
      case CHECKBOX -> entered != null && entered.contains("true");
      case NUMBER -> blank ? null : number(first, "integer".equals(p.path("type").asText()));
      case DATETIME -> blank ? null : fromLocalInput(first);
      case CHOICES -> {
        List<String> values =
            entered == null
                ? List.of()
                : entered.stream().filter(v -> v != null && !v.isBlank()).toList();
        yield values.isEmpty() ? null : values;
      }
      case LINES -> {
        List<String> lines = new ArrayList<>();
        if (entered != null) {
          for (String e : entered) {
            for (String line : e.split("\\R")) {
              if (!line.isBlank()) {
                lines.add(line.strip());
              }
            }
          }
        }
        yield lines.isEmpty() ? null : lines;
      }
      case GROUP -> {
        Map<String, Object> nested = object(p, name + ".", form);
        yield nested.isEmpty() ? null : nested;
      }
      case ROWS -> {
        List<Object> rows = new ArrayList<>();
        int count = rowCount(name, form);
        for (int i = 0; i < count; i++) {
          Map<String, Object> row = object(p.path("items"), name + "[" + i + "].", form);
          boolean empty = row.values().stream().allMatch(v -> Boolean.FALSE.equals(v));
          if (!row.isEmpty() && !empty) {
            rows.add(row);
          }
        }
        yield rows.isEmpty() ? null : rows;
      }
      default -> blank ? null : first;
    };
  }

  /** A yes/no radio: "true" or "false", else missing (so the schema says a choice is needed). */
  private static Boolean yesNo(String value) {
    return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
  }

  private static Object number(String text, boolean integer) {
    String t = text.replace(',', '.');
    try {
      if (integer) {
        return whole(Long.parseLong(t));
      }
      BigDecimal d = new BigDecimal(t);
      return d.scale() <= 0 ? whole(d.longValueExact()) : (Object) d.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return text;
    }
  }

  /** A whole number as the JSON API would read it: an int when it fits. */
  private static Object whole(long n) {
    return n == (int) n ? (Object) (int) n : (Object) n;
  }

  /**
   * A {@code datetime-local} value (Amsterdam time) as an ISO time with offset; a value that
   * already has an offset is kept; one that does not parse is passed on as typed.
   */
  static String fromLocalInput(String text) {
    try {
      return OffsetDateTime.parse(text).format(ISO_WITH_OFFSET);
    } catch (DateTimeException e) {
      // no offset: a local time in Amsterdam
    }
    try {
      return Times.fromInput(text).format(ISO_WITH_OFFSET);
    } catch (DateTimeException e) {
      return text;
    }
  }

  /** An ISO time with offset as a {@code datetime-local} value in Amsterdam time. */
  static String toLocalInput(String iso) {
    try {
      return Times.inputValue(OffsetDateTime.parse(iso));
    } catch (DateTimeException e) {
      return iso;
    }
  }
}
