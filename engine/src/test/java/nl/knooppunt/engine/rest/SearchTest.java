package nl.knooppunt.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.rest.Search.Field;
import nl.knooppunt.engine.rest.Search.Order;
import nl.knooppunt.engine.rest.Search.Schema;
import nl.knooppunt.engine.rest.Search.Type;
import org.junit.jupiter.api.Test;

/** Filtering, ordering and cursor paging of {@link Search}, on a tiny schema. */
class SearchTest {

  record Item(long key, String name, Long job) {}

  static final ObjectMapper JSON = new ObjectMapper();

  static final Schema<Item> SCHEMA =
      Schema.of(
          "test search",
          List.of(
              Field.of("key", Type.KEY, Item::key),
              Field.of("name", Type.STRING, Item::name),
              Field.of("job", Type.KEY, Item::job)),
          Set.of("key", "name", "job"),
          List.of(new Order("name", false)),
          "key",
          Set.of(),
          false);

  static final List<Item> ITEMS =
      List.of(
          new Item(1, "b", 10L),
          new Item(2, "a", null),
          new Item(3, "c", 30L),
          new Item(4, "a*b", 40L),
          new Item(5, "b", null));

  static JsonNode search(List<Item> items, String body) throws Exception {
    Search.Request<Item> request = Search.parse(JSON.readTree(body), SCHEMA);
    List<Item> matched = items.stream().filter(request.filter()).toList();
    return Search.answer(matched, request, SCHEMA, SearchTest::render);
  }

  static ObjectNode render(Item i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", i.key());
    return n;
  }

  static List<Long> keys(JsonNode answer) {
    List<Long> keys = new ArrayList<>();
    answer.get("items").forEach(i -> keys.add(i.get("key").asLong()));
    return keys;
  }

  @Test
  void defaultSortThenKeyAsTieBreaker() throws Exception {
    assertThat(keys(search(ITEMS, "{}"))).containsExactly(2L, 4L, 1L, 5L, 3L);
  }

  @Test
  void missingValuesSortLastInBothDirections() throws Exception {
    assertThat(keys(search(ITEMS, "{\"sort\":[{\"field\":\"job\"}]}")))
        .containsExactly(1L, 3L, 4L, 2L, 5L);
    assertThat(keys(search(ITEMS, "{\"sort\":[{\"field\":\"job\",\"order\":\"DESC\"}]}")))
        .containsExactly(4L, 3L, 1L, 2L, 5L);
  }

  @Test
  void operators() throws Exception {
    assertThat(keys(search(ITEMS, "{\"filter\":{\"key\":{\"$in\":[\"1\",3],\"$notIn\":[]}}}")))
        .containsExactly(1L, 3L);
    assertThat(keys(search(ITEMS, "{\"filter\":{\"job\":{\"$exists\":false}}}")))
        .containsExactly(2L, 5L);
    assertThat(keys(search(ITEMS, "{\"filter\":{\"name\":{\"$neq\":\"b\"}}}")))
        .containsExactly(2L, 4L, 3L);
    // an escaped wildcard is a literal character
    assertThat(keys(search(ITEMS, "{\"filter\":{\"name\":{\"$like\":\"a\\\\*?\"}}}")))
        .containsExactly(4L);
    assertThat(keys(search(ITEMS, "{\"filter\":{\"name\":{\"$like\":\"?\"}}}")))
        .containsExactly(2L, 1L, 5L, 3L);
  }

  @Test
  void cursorsWalkForwardAndBackAndSurviveRemovedItems() throws Exception {
    JsonNode first = search(ITEMS, "{\"page\":{\"limit\":2}}");
    assertThat(keys(first)).containsExactly(2L, 4L);
    assertThat(first.get("page").get("totalItems").asLong()).isEqualTo(5);
    String end = first.get("page").get("endCursor").asText();

    // item 4 (the last one seen) is gone meanwhile: the cursor still positions correctly
    List<Item> fewer = ITEMS.stream().filter(i -> i.key() != 4).toList();
    JsonNode second = search(fewer, "{\"page\":{\"limit\":2,\"after\":\"" + end + "\"}}");
    assertThat(keys(second)).containsExactly(1L, 5L);
    assertThat(second.get("page").get("totalItems").asLong()).isEqualTo(4);

    String start = second.get("page").get("startCursor").asText();
    assertThat(keys(search(ITEMS, "{\"page\":{\"limit\":2,\"before\":\"" + start + "\"}}")))
        .containsExactly(2L, 4L);
    assertThat(keys(search(ITEMS, "{\"page\":{\"limit\":1,\"before\":\"" + start + "\"}}")))
        .containsExactly(4L);
  }

  @Test
  void aCursorOfAnotherSortIsRefused() throws Exception {
    String end = search(ITEMS, "{\"page\":{\"limit\":1}}").get("page").get("endCursor").asText();
    assertThatThrownBy(
            () ->
                search(
                    ITEMS,
                    "{\"sort\":[{\"field\":\"job\"},{\"field\":\"name\"}],\"page\":{\"after\":\""
                        + end
                        + "\"}}"))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void offsetAndZeroLimit() throws Exception {
    assertThat(keys(search(ITEMS, "{\"page\":{\"from\":3}}"))).containsExactly(5L, 3L);
    JsonNode count = search(ITEMS, "{\"page\":{\"limit\":0}}");
    assertThat(keys(count)).isEmpty();
    assertThat(count.get("page").get("totalItems").asLong()).isEqualTo(5);
    assertThat(count.get("page").get("startCursor").isNull()).isTrue();
  }
}
