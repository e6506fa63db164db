package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read endpoints at the HTTP level (what the Camunda client cannot send or does not show): the
 * JSON shapes, refusals of bad search bodies with 400 problem+json, and that a read is not a
 * command — it leaves the journal and the exporter stream untouched.
 */
class RestReadsIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestEngine engine;
  static Scenario s;
  static long withIncident;
  static long running;

  @BeforeAll
  static void start() {
    engine = TestEngine.start(false);
    s = new Scenario(engine);
    s.deploy(
        Bpmn.createExecutableProcess("reads_mapping")
            .name("Mapping fails")
            .startEvent()
            .serviceTask(
                "mapped",
                t ->
                    t.zeebeJobType("reads-never")
                        .zeebeInputExpression("assert(x, x != null, \"x is required\")", "y"))
            .endEvent()
            .done());
    s.deploy(
        Bpmn.createExecutableProcess("reads_task")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("reads-work"))
            .endEvent()
            .done());
    withIncident = s.create("reads_mapping");
    running = s.create("reads_task");
    s.jobs("reads-work", 1); // the instance is waiting at its task
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(engine.engine().restAddress() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(engine.engine().restAddress() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  static JsonNode badRequest(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    return problem;
  }

  @Test
  void incidentJsonShape() throws Exception {
    JsonNode answer =
        ok(
            post(
                "/v2/incidents/search",
                "{\"filter\":{\"processInstanceKey\":\"" + withIncident + "\"}}"));
    assertThat(answer.get("items")).hasSize(1);
    JsonNode item = answer.get("items").get(0);
    assertThat(item.get("incidentKey").isTextual()).isTrue();
    assertThat(item.get("processInstanceKey").asText()).isEqualTo(String.valueOf(withIncident));
    assertThat(item.get("processDefinitionKey").isTextual()).isTrue();
    assertThat(item.get("elementInstanceKey").isTextual()).isTrue();
    assertThat(item.get("processDefinitionId").asText()).isEqualTo("reads_mapping");
    assertThat(item.get("errorType").asText()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(item.get("errorMessage").asText()).contains("x is required");
    assertThat(item.get("elementId").asText()).isEqualTo("mapped");
    assertThat(item.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(item.get("jobKey").isNull()).isTrue();
    assertThat(item.get("tenantId").asText()).isEqualTo("<default>");
    OffsetDateTime.parse(item.get("creationTime").asText()); // ISO offset date-time
    JsonNode page = answer.get("page");
    assertThat(page.get("totalItems").asLong()).isEqualTo(1);
    assertThat(page.get("hasMoreTotalItems").asBoolean()).isFalse();
    assertThat(page.get("startCursor").asText()).isEqualTo(page.get("endCursor").asText());
  }

  @Test
  void advancedFiltersAndEmptyLists() throws Exception {
    // what the client sends for advanced filters: empty $in/$notIn lists are no constraint
    JsonNode byIn =
        ok(
            post(
                "/v2/process-instances/search",
                "{\"sort\":[],\"filter\":{\"processInstanceKey\":{\"$in\":[\""
                    + withIncident
                    + "\",\""
                    + running
                    + "\"],\"$notIn\":[]},\"processDefinitionId\":{\"$like\":\"reads_*\","
                    + "\"$in\":[],\"$notIn\":[]},\"tags\":[],\"variables\":[],\"$or\":[]}}"));
    assertThat(byIn.get("items")).hasSize(2);
    assertThat(byIn.get("items").get(0).get("processInstanceKey").asText())
        .isEqualTo(String.valueOf(withIncident));
    assertThat(byIn.get("items").get(0).get("processDefinitionName").asText())
        .isEqualTo("Mapping fails");
    assertThat(byIn.get("items").get(0).get("hasIncident").asBoolean()).isTrue();
    // without a name in the model, Camunda shows the process id
    assertThat(byIn.get("items").get(1).get("processDefinitionName").asText())
        .isEqualTo("reads_task");
    assertThat(byIn.get("items").get(1).get("hasIncident").asBoolean()).isFalse();
    assertThat(byIn.get("items").get(1).get("parentProcessInstanceKey").isNull()).isTrue();

    JsonNode byOr =
        ok(
            post(
                "/v2/process-instances/search",
                "{\"filter\":{\"$or\":[{\"hasIncident\":true},{\"processDefinitionId\":\"none\"}]"
                    + ",\"processDefinitionId\":{\"$like\":\"reads_*\"}}}"));
    assertThat(byOr.get("items")).hasSize(1);
    assertThat(byOr.get("items").get(0).get("processInstanceKey").asText())
        .isEqualTo(String.valueOf(withIncident));

    JsonNode none =
        ok(
            post(
                "/v2/incidents/search",
                "{\"filter\":{\"processInstanceKey\":\""
                    + withIncident
                    + "\",\"state\":\"RESOLVED\"}}"));
    assertThat(none.get("items")).isEmpty();
    assertThat(none.get("page").get("totalItems").asLong()).isZero();
    assertThat(none.get("page").get("endCursor").isNull()).isTrue();
  }

  @Test
  void processInstanceJsonShape() throws Exception {
    JsonNode pi = ok(get("/v2/process-instances/" + running));
    assertThat(pi.get("processInstanceKey").asText()).isEqualTo(String.valueOf(running));
    assertThat(pi.get("processDefinitionKey").isTextual()).isTrue();
    assertThat(pi.get("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(pi.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(pi.get("tenantId").asText()).isEqualTo("<default>");
    assertThat(pi.get("endDate").isNull()).isTrue();
    OffsetDateTime.parse(pi.get("startDate").asText());

    HttpResponse<String> missing = get("/v2/process-instances/123");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("title").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void badSearchBodiesAre400() throws Exception {
    badRequest(post("/v2/incidents/search", "{not json"));
    badRequest(post("/v2/incidents/search", "[1,2]"));
    assertThat(
            badRequest(
                    post(
                        "/v2/incidents/search",
                        "{\"sort\":[{\"field\":\"colour\",\"order\":\"ASC\"}]}"))
                .get("detail")
                .asText())
        .contains("colour");
    assertThat(badRequest(post("/v2/incidents/search", "{\"page\":{\"limit\":-1}}"))).isNotNull();
    assertThat(badRequest(post("/v2/incidents/search", "{\"page\":{\"from\":-5}}"))).isNotNull();
    assertThat(
            badRequest(post("/v2/incidents/search", "{\"filter\":{\"colour\":\"red\"}}"))
                .get("detail")
                .asText())
        .contains("colour");
    badRequest(post("/v2/incidents/search", "{\"filter\":{\"errorType\":\"BROKEN\"}}"));
    badRequest(post("/v2/incidents/search", "{\"filter\":{\"processInstanceKey\":\"abc\"}}"));
    badRequest(post("/v2/incidents/search", "{\"page\":{\"after\":\"not a cursor\"}}"));
    badRequest(post("/v2/process-instances/search", "{\"filter\":{\"variables\":[{}]}}"));
    badRequest(get("/v2/process-instances/abc"));
    // the engine keeps answering
    assertThat(ok(post("/v2/incidents/search", "")).get("items")).hasSize(1);
  }

  @Test
  void readsAreNotJournaledAndProduceNoRecords() throws Exception {
    // let whatever the setup did settle into the journal first
    ok(post("/v2/incidents/search", "{}"));
    Map<String, Long> journalBefore = journalSizes();
    int recordsBefore = engine.records.size();

    for (int i = 0; i < 20; i++) {
      ok(post("/v2/incidents/search", "{\"page\":{\"limit\":1}}"));
      ok(get("/v2/process-instances/" + running));
      ok(post("/v2/process-instances/search", "{}"));
    }

    assertThat(journalSizes()).isEqualTo(journalBefore);
    assertThat(engine.records.size()).isEqualTo(recordsBefore);
  }

  static Map<String, Long> journalSizes() throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.list(engine.directory())) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("journal-")) {
          sizes.put(f.getFileName().toString(), Files.size(f));
        }
      }
    }
    return sizes;
  }
}
