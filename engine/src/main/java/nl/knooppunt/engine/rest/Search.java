package nl.knooppunt.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.grpc.VariableDocuments;

/**
 * The search request of the Orchestration Cluster API ({@code filter}, {@code sort}, {@code page})
 * over a list of immutable snapshots, and its answer ({@code items}, {@code page}).
 *
 * <p>A filter property is a plain value (exact match) or an advanced filter object ({@code $eq},
 * {@code $neq}, {@code $exists}, {@code $in}, {@code $notIn}, {@code $like} for text, {@code
 * $gt}/{@code $gte}/{@code $lt}/{@code $lte} for numbers and dates); empty {@code $in}/{@code
 * $notIn} lists are no constraint (the Camunda client always sends them). Unknown properties are
 * refused rather than ignored, so a filter the engine cannot answer never widens the result.
 *
 * <p>Paging: {@code limit} (default 100), {@code from}, or the cursors {@code after}/{@code
 * before}. A cursor is the base64 of the JSON array of the item's sort values followed by its key
 * (the shape Camunda uses), so it stays valid when other items appear or disappear meanwhile.
 */
final class Search {

  static final int DEFAULT_LIMIT = 100;
  private static final ObjectMapper JSON = VariableDocuments.MAPPER;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private Search() {}

  /** The value types of searchable properties. */
  enum Type {
    /** A Zeebe key: a long, sent and answered as a JSON string. */
    KEY,
    STRING,
    INTEGER,
    BOOLEAN,
    /** Epoch milliseconds, sent and answered as an ISO offset date-time. */
    DATE
  }

  /** A searchable property of a snapshot; {@code allowed} restricts strings to an enum. */
  record Field<T>(String name, Type type, List<String> allowed, Function<T, Object> value) {
    static <T> Field<T> of(String name, Type type, Function<T, Object> value) {
      return new Field<>(name, type, List.of(), value);
    }

    static <T> Field<T> ofEnum(String name, List<String> allowed, Function<T, Object> value) {
      return new Field<>(name, Type.STRING, allowed, value);
    }
  }

  /** One sort criterion. */
  record Order(String field, boolean descending) {}

  /** What can be searched and how: the properties, the sortable ones, the default order. */
  record Schema<T>(
      String what,
      Map<String, Field<T>> fields,
      Set<String> sortable,
      List<Order> defaultSort,
      String keyField,
      Set<String> ignoredWhenEmpty,
      boolean allowOr) {

    static <T> Schema<T> of(
        String what,
        List<Field<T>> fields,
        Set<String> sortable,
        List<Order> defaultSort,
        String keyField,
        Set<String> ignoredWhenEmpty,
        boolean allowOr) {
      Map<String, Field<T>> byName = new LinkedHashMap<>();
      for (Field<T> f : fields) {
        byName.put(f.name(), f);
      }
      return new Schema<>(
          what,
          Map.copyOf(byName),
          Set.copyOf(sortable),
          List.copyOf(defaultSort),
          keyField,
          Set.copyOf(ignoredWhenEmpty),
          allowOr);
    }

    Field<T> field(String name) {
      return fields.get(name);
    }
  }

  /** A parsed, validated request; immutable, so its filter may run on the engine thread. */
  record Request<T>(
      Predicate<T> filter, List<Order> sort, int from, int limit, String after, String before) {}

  // ---- parsing ------------------------------------------------------------------------------

  static <T> Request<T> parse(JsonNode body, Schema<T> schema) {
    Predicate<T> filter = filter(body.get("filter"), schema, true);
    List<Order> sort = sort(body.get("sort"), schema);
    JsonNode page = body.get("page");
    int from = 0;
    int limit = DEFAULT_LIMIT;
    String after = null;
    String before = null;
    if (page != null && !page.isNull()) {
      if (!page.isObject()) {
        throw invalid("The property 'page' must be an object");
      }
      for (Iterator<String> it = page.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!Set.of("from", "limit", "after", "before").contains(name)) {
          throw invalid("The page property '" + name + "' is unknown");
        }
      }
      Integer f = nonNegativeInt(page, "from");
      Integer l = nonNegativeInt(page, "limit");
      after = text(page, "after");
      before = text(page, "before");
      if (after != null && before != null) {
        throw invalid("Both after and before cannot be set at the same time.");
      }
      if (f != null && (after != null || before != null)) {
        throw invalid(
            "Both 'page.from' and a cursor are given; use offset-based or cursor-based paging,"
                + " not both");
      }
      from = f == null ? 0 : f;
      limit = l == null ? DEFAULT_LIMIT : l;
    }
    Request<T> request = new Request<>(filter, sort, from, limit, after, before);
    // decode now: a bad cursor is the client's error, found before the engine is asked
    if (after != null) {
      decodeCursor(after, request, schema);
    }
    if (before != null) {
      decodeCursor(before, request, schema);
    }
    return request;
  }

  private static Integer nonNegativeInt(JsonNode page, String name) {
    JsonNode n = page.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
      throw invalid(
          "The value for page." + name + " is '" + n + "' but must be a non-negative integer");
    }
    return n.intValue();
  }

  private static String text(JsonNode node, String name) {
    JsonNode n = node.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw invalid("The value for page." + name + " must be a string (a cursor)");
    }
    return n.asText();
  }

  private static <T> List<Order> sort(JsonNode node, Schema<T> schema) {
    List<Order> out = new ArrayList<>();
    if (node != null && !node.isNull()) {
      if (!node.isArray()) {
        throw invalid("The property 'sort' must be an array");
      }
      for (JsonNode s : node) {
        if (!s.isObject()) {
          throw invalid("Each sort criterion must be an object with 'field' and 'order'");
        }
        JsonNode field = s.get("field");
        if (field == null || !field.isTextual()) {
          throw invalid("Sort field must not be null");
        }
        if (!schema.sortable().contains(field.asText())) {
          throw invalid(
              "The value for sort.field is '"
                  + field.asText()
                  + "' but must be one of "
                  + new java.util.TreeSet<>(schema.sortable())
                  + " ("
                  + schema.what()
                  + ")");
        }
        JsonNode order = s.get("order");
        boolean descending = false;
        if (order != null && !order.isNull()) {
          String o = order.asText().toUpperCase(Locale.ROOT);
          if (!o.equals("ASC") && !o.equals("DESC")) {
            throw invalid(
                "The value for sort.order is '" + order.asText() + "' but must be ASC or DESC");
          }
          descending = o.equals("DESC");
        }
        out.add(new Order(field.asText(), descending));
      }
    }
    if (out.isEmpty()) {
      out.addAll(schema.defaultSort());
    }
    if (out.stream().noneMatch(o -> o.field().equals(schema.keyField()))) {
      out.add(new Order(schema.keyField(), false)); // tie-breaker: a total order
    }
    return List.copyOf(out);
  }

  private static <T> Predicate<T> filter(JsonNode node, Schema<T> schema, boolean top) {
    if (node == null || node.isNull()) {
      return t -> true;
    }
    if (!node.isObject()) {
      throw invalid("The property 'filter' must be an object");
    }
    List<Predicate<T>> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (value == null || value.isNull()) {
        continue;
      }
      if (name.equals("$or") && schema.allowOr() && top) {
        if (!value.isArray()) {
          throw invalid("The filter property '$or' must be an array of filters");
        }
        if (value.isEmpty()) {
          continue;
        }
        List<Predicate<T>> any = new ArrayList<>();
        for (JsonNode alternative : value) {
          any.add(filter(alternative, schema, false));
        }
        all.add(t -> any.stream().anyMatch(p -> p.test(t)));
        continue;
      }
      if (schema.ignoredWhenEmpty().contains(name)) {
        if (value.isArray() && value.isEmpty()) {
          continue;
        }
        throw invalid(
            "The filter property '"
                + name
                + "' is not supported by the embedded engine's "
                + schema.what());
      }
      Field<T> field = schema.field(name);
      if (field == null) {
        throw invalid(
            "The filter property '"
                + name
                + "' is not supported by the embedded engine's "
                + schema.what()
                + "; supported: "
                + new java.util.TreeSet<>(schema.fields().keySet()));
      }
      Predicate<Object> matches = condition(field, value);
      all.add(t -> matches.test(field.value().apply(t)));
    }
    List<Predicate<T>> copy = List.copyOf(all);
    return t -> {
      for (Predicate<T> p : copy) {
        if (!p.test(t)) {
          return false;
        }
      }
      return true;
    };
  }

  /** A condition on one property: a plain value, or an advanced filter object. */
  private static Predicate<Object> condition(Field<?> field, JsonNode value) {
    if (!value.isObject()) {
      Object expected = convert(field, value);
      return actual -> Objects.equals(actual, expected);
    }
    List<Predicate<Object>> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String op = e.getKey();
      JsonNode arg = e.getValue();
      if (arg == null || arg.isNull()) {
        continue;
      }
      switch (op) {
        case "$eq" -> {
          Object expected = convert(field, arg);
          all.add(actual -> Objects.equals(actual, expected));
        }
        case "$neq" -> {
          Object expected = convert(field, arg);
          all.add(actual -> !Objects.equals(actual, expected));
        }
        case "$exists" -> {
          if (!arg.isBoolean()) {
            throw invalid("'$exists' of filter property '" + field.name() + "' must be a boolean");
          }
          boolean exists = arg.booleanValue();
          all.add(actual -> (actual != null) == exists);
        }
        case "$in", "$notIn" -> {
          if (!arg.isArray()) {
            throw invalid(
                "'" + op + "' of filter property '" + field.name() + "' must be an array");
          }
          if (arg.isEmpty()) {
            continue; // the client always sends empty lists: no constraint
          }
          Set<Object> values = new HashSet<>();
          for (JsonNode v : arg) {
            values.add(convert(field, v));
          }
          Set<Object> frozen = Set.copyOf(values);
          boolean in = op.equals("$in");
          all.add(actual -> frozen.contains(actual) == in);
        }
        case "$like" -> {
          if (field.type() != Type.STRING || !arg.isTextual()) {
            throw invalid("'$like' is only supported on text filter properties with a text value");
          }
          Pattern pattern = like(arg.asText());
          all.add(actual -> actual != null && pattern.matcher((String) actual).matches());
        }
        case "$gt", "$gte", "$lt", "$lte" -> {
          if (field.type() != Type.INTEGER && field.type() != Type.DATE) {
            throw invalid(
                "'" + op + "' is not supported on filter property '" + field.name() + "'");
          }
          long bound = ((Number) convert(field, arg)).longValue();
          all.add(
              actual -> {
                if (actual == null) {
                  return false;
                }
                long v = ((Number) actual).longValue();
                return switch (op) {
                  case "$gt" -> v > bound;
                  case "$gte" -> v >= bound;
                  case "$lt" -> v < bound;
                  default -> v <= bound;
                };
              });
        }
        default ->
            throw invalid(
                "The operator '" + op + "' of filter property '" + field.name() + "' is unknown");
      }
    }
    List<Predicate<Object>> copy = List.copyOf(all);
    return actual -> copy.stream().allMatch(p -> p.test(actual));
  }

  /** A JSON filter value as the snapshot holds it (Long, String, Integer, Boolean, epoch ms). */
  private static Object convert(Field<?> field, JsonNode v) {
    String name = field.name();
    switch (field.type()) {
      case KEY -> {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
          return v.longValue();
        }
        if (v.isTextual()) {
          try {
            return Long.parseLong(v.asText().trim());
          } catch (NumberFormatException e) {
            // below
          }
        }
        throw invalid(
            "The value '" + v.asText() + "' of filter property '" + name + "' is not a valid key");
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw invalid("The value of filter property '" + name + "' must be a string");
        }
        String s = v.asText();
        if (!field.allowed().isEmpty() && !field.allowed().contains(s)) {
          throw invalid(
              "The value '"
                  + s
                  + "' of filter property '"
                  + name
                  + "' must be one of "
                  + field.allowed());
        }
        return s;
      }
      case INTEGER -> {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
          throw invalid("The value of filter property '" + name + "' must be an integer");
        }
        return v.intValue();
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          throw invalid("The value of filter property '" + name + "' must be a boolean");
        }
        return v.booleanValue();
      }
      case DATE -> {
        if (v.isTextual()) {
          try {
            return OffsetDateTime.parse(v.asText()).toInstant().toEpochMilli();
          } catch (DateTimeParseException e) {
            // below
          }
        }
        throw invalid(
            "The value '"
                + v.asText()
                + "' of filter property '"
                + name
                + "' is not an ISO date-time with offset");
      }
      default -> throw new IllegalStateException(field.type().name());
    }
  }

  /** Camunda's like: {@code *} any characters, {@code ?} one character, backslash escapes. */
  static Pattern like(String expression) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\\' && i + 1 < expression.length()) {
        literal.append(expression.charAt(++i));
      } else if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  // ---- sorting and paging -------------------------------------------------------------------

  private static <T> List<Object> sortValues(T item, Request<T> request, Schema<T> schema) {
    List<Object> values = new ArrayList<>(request.sort().size());
    for (Order o : request.sort()) {
      values.add(schema.field(o.field()).value().apply(item));
    }
    return values;
  }

  /** Compares sort-value tuples: per criterion ascending or descending, missing values last. */
  private static Comparator<List<Object>> tupleOrder(List<Order> sort) {
    return (a, b) -> {
      for (int i = 0; i < sort.size(); i++) {
        Object x = a.get(i);
        Object y = b.get(i);
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          return x == null ? 1 : -1;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        int c = ((Comparable) x).compareTo(y);
        if (c != 0) {
          return sort.get(i).descending() ? -c : c;
        }
      }
      return 0;
    };
  }

  /**
   * Sorts and pages the matching snapshots and renders the answer: {@code items} and {@code page}
   * ({@code totalItems}, {@code hasMoreTotalItems}, {@code startCursor}, {@code endCursor}).
   */
  static <T> ObjectNode answer(
      List<T> matched, Request<T> request, Schema<T> schema, Function<T, ObjectNode> render) {
    Comparator<List<Object>> order = tupleOrder(request.sort());
    List<Map.Entry<List<Object>, T>> sorted = new ArrayList<>(matched.size());
    for (T item : matched) {
      sorted.add(Map.entry(sortValues(item, request, schema), item));
    }
    sorted.sort((a, b) -> order.compare(a.getKey(), b.getKey()));

    List<Map.Entry<List<Object>, T>> page;
    if (request.after() != null) {
      List<Object> cursor = decodeCursor(request.after(), request, schema);
      page =
          sorted.stream()
              .filter(e -> order.compare(e.getKey(), cursor) > 0)
              .limit(request.limit())
              .toList();
    } else if (request.before() != null) {
      List<Object> cursor = decodeCursor(request.before(), request, schema);
      List<Map.Entry<List<Object>, T>> preceding =
          sorted.stream().filter(e -> order.compare(e.getKey(), cursor) < 0).toList();
      page = preceding.subList(Math.max(0, preceding.size() - request.limit()), preceding.size());
    } else {
      page = sorted.stream().skip(request.from()).limit(request.limit()).toList();
    }

    ObjectNode root = JSON.createObjectNode();
    ArrayNode items = root.putArray("items");
    for (Map.Entry<List<Object>, T> e : page) {
      items.add(render.apply(e.getValue()));
    }
    ObjectNode p = root.putObject("page");
    p.put("totalItems", (long) sorted.size());
    p.put("hasMoreTotalItems", false);
    if (page.isEmpty()) {
      p.putNull("startCursor");
      p.putNull("endCursor");
    } else {
      p.put("startCursor", encodeCursor(page.get(0).getKey()));
      p.put("endCursor", encodeCursor(page.get(page.size() - 1).getKey()));
    }
    return root;
  }

  private static String encodeCursor(List<Object> values) {
    ArrayNode array = JSON.createArrayNode();
    for (Object v : values) {
      array.addPOJO(v);
    }
    return Base64.getEncoder().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static <T> List<Object> decodeCursor(String cursor, Request<T> request, Schema<T> s) {
    try {
      JsonNode array = JSON.readTree(Base64.getDecoder().decode(cursor.trim()));
      if (array == null || !array.isArray() || array.size() != request.sort().size()) {
        throw badCursor(cursor);
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        Field<T> field = s.field(request.sort().get(i).field());
        values.add(v.isNull() ? null : cursorValue(field, v, cursor));
      }
      return values;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw badCursor(cursor);
    }
  }

  private static Object cursorValue(Field<?> field, JsonNode v, String cursor) {
    return switch (field.type()) {
      case KEY, DATE -> {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
          throw badCursor(cursor);
        }
        yield v.longValue();
      }
      case INTEGER -> {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
          throw badCursor(cursor);
        }
        yield v.intValue();
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          throw badCursor(cursor);
        }
        yield v.booleanValue();
      }
      case STRING -> {
        if (!v.isTextual()) {
          throw badCursor(cursor);
        }
        yield v.asText();
      }
    };
  }

  private static EngineException badCursor(String cursor) {
    return invalid(
        "The cursor '"
            + cursor
            + "' is not valid for this search: use a startCursor or endCursor of an earlier"
            + " answer to the same search with the same sort");
  }

  // ---- rendering helpers --------------------------------------------------------------------

  /** A key as the API sends it: a string; null stays null. */
  static void putKey(ObjectNode node, String name, Long key) {
    if (key == null) {
      node.putNull(name);
    } else {
      node.put(name, String.valueOf(key));
    }
  }

  /** Epoch milliseconds as an ISO offset date-time in UTC; 0 (unknown) is null. */
  static void putDate(ObjectNode node, String name, long epochMillis) {
    if (epochMillis <= 0) {
      node.putNull(name);
    } else {
      node.put(
          name,
          OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).format(DATE));
    }
  }

  static EngineException invalid(String message) {
    return EngineException.invalidArgument(message);
  }
}
