package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The REST API v2 commands at the HTTP level: what a Camunda client with its defaults (REST
 * preferred) gets back when it sends something wrong — {@code application/problem+json} with
 * Camunda's titles and statuses, never a 500 — and message correlation, which has no gRPC twin. The
 * commands themselves are covered over both protocols by the conformance suite ({@code
 * ...OverRestIT}).
 */
class RestCommandsIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestEngine engine;
  static Scenario s;
  static CamundaClient rest;

  @BeforeAll
  static void start() {
    engine = TestEngine.start(false);
    s = new Scenario(engine);
    rest = withDefaults(engine);
    s.deploy(waitForPing());
    s.deploy(
        Bpmn.createExecutableProcess("rest_user_task")
            .name("Melding beoordelen")
            .startEvent()
            .userTask(
                "beoordelen",
                t ->
                    t.name("Melding beoordelen")
                        .zeebeUserTask()
                        .zeebeAssignee("analist")
                        .zeebeCandidateGroups("meldkamer"))
            .endEvent()
            .done());
    s.deploy(
        Bpmn.createExecutableProcess("rest_task")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("rest-work"))
            .endEvent()
            .done());
  }

  static io.camunda.zeebe.model.bpmn.BpmnModelInstance waitForPing() {
    return Bpmn.createExecutableProcess("rest_wait")
        .startEvent()
        .intermediateCatchEvent(
            "wait", e -> e.message(m -> m.name("rest-ping").zeebeCorrelationKeyExpression("id")))
        .serviceTask("after", t -> t.zeebeJobType("rest-after"))
        .endEvent()
        .done();
  }

  static CamundaClient withDefaults(TestEngine target) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(target.engine().grpcAddress()))
        .restAddress(URI.create(target.engine().restAddress()))
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterAll
  static void stop() {
    rest.close();
    engine.close();
  }

  static HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(engine.engine().restAddress() + path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, "application/json", body);
  }

  static JsonNode problem(HttpResponse<String> response, int status, String title)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo(title);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }

  @Test
  @DisplayName("correlating a message answers the instance it reached; the instance moves on")
  void correlationNamesTheInstance() {
    long instance = s.create("rest_wait", Map.of("id", "case-1"));
    s.awaitElement(instance, "wait", "ELEMENT_ACTIVATED");

    CorrelateMessageResponse answer =
        rest.newCorrelateMessageCommand()
            .messageName("rest-ping")
            .correlationKey("case-1")
            .variables(Map.of("pinged", true))
            .send()
            .join();

    assertThat(answer.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(answer.getMessageKey()).isPositive();
    assertThat(s.job("rest-after").getVariablesAsMap()).containsEntry("pinged", true);
  }

  @Test
  @DisplayName(
      "a correlation is journaled: after a restart the instance is where the message took it")
  void correlationSurvivesARestart() {
    try (TestEngine own = TestEngine.start(false)) {
      Scenario o = new Scenario(own);
      o.deploy(waitForPing());
      long instance = o.create("rest_wait", Map.of("id", "r-1"));
      o.awaitElement(instance, "wait", "ELEMENT_ACTIVATED");
      try (CamundaClient c = withDefaults(own)) {
        c.newCorrelateMessageCommand().messageName("rest-ping").correlationKey("r-1").send().join();
      }

      own.restart();

      assertThat(new Scenario(own).job("rest-after").getProcessInstanceKey()).isEqualTo(instance);
    }
  }

  @Test
  @DisplayName("correlating a message nobody waits for → 404 NOT_FOUND; it is not buffered")
  void correlationWithoutSubscriptionIsNotFound() {
    ProblemException thrown =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                rest.newCorrelateMessageCommand()
                    .messageName("rest-ping")
                    .correlationKey("nobody")
                    .send()
                    .join());
    assertThat(thrown.code()).isEqualTo(404);
    assertThat(thrown.details().getTitle()).isEqualTo("NOT_FOUND");

    // not buffered: an instance that starts waiting afterwards does not get it
    long instance = s.create("rest_wait", Map.of("id", "nobody"));
    s.awaitElement(instance, "wait", "ELEMENT_ACTIVATED");
    assertThat(
            rest.newActivateJobsCommand()
                .jobType("rest-after")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(300))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }

  @Test
  @DisplayName("a key that is not a number → 400 INVALID_ARGUMENT; an unknown key → 404 NOT_FOUND")
  void keysAreChecked() throws Exception {
    problem(post("/v2/jobs/abc/completion", "{}"), 400, "INVALID_ARGUMENT");
    problem(post("/v2/jobs/123456789/completion", "{}"), 404, "NOT_FOUND");
    problem(post("/v2/process-instances/123456789/cancellation", "{}"), 404, "NOT_FOUND");
    problem(post("/v2/incidents/123456789/resolution", "{}"), 404, "NOT_FOUND");
    problem(
        send(
            "PUT",
            "/v2/element-instances/123456789/variables",
            "application/json",
            "{\"variables\":{}}"),
        404,
        "NOT_FOUND");
  }

  @Test
  @DisplayName("malformed bodies and missing fields → 400 INVALID_ARGUMENT naming what is wrong")
  void badBodiesAreInvalidArguments() throws Exception {
    problem(post("/v2/process-instances", "{not json"), 400, "INVALID_ARGUMENT");
    assertThat(
            problem(post("/v2/process-instances", "{}"), 400, "INVALID_ARGUMENT")
                .get("detail")
                .asText())
        .contains("processDefinitionId");
    problem(
        post("/v2/process-instances", "{\"processDefinitionId\":\"rest_task\",\"variables\":[1]}"),
        400,
        "INVALID_ARGUMENT");
    problem(
        post("/v2/messages/publication", "{\"correlationKey\":\"k\"}"), 400, "INVALID_ARGUMENT");
    problem(post("/v2/signals/broadcast", "{}"), 400, "INVALID_ARGUMENT");
    problem(
        post(
            "/v2/jobs/activation",
            "{\"type\":\"rest-work\",\"maxJobsToActivate\":0,\"timeout\":1000}"),
        400,
        "INVALID_ARGUMENT");
    problem(post("/v2/jobs/1/error", "{}"), 400, "INVALID_ARGUMENT");
    problem(
        send("PATCH", "/v2/jobs/1", "application/json", "{\"changeset\":{}}"),
        400,
        "INVALID_ARGUMENT");
    assertThat(
            problem(
                    post(
                        "/v2/process-instances",
                        "{\"processDefinitionId\":\"rest_task\",\"tenantId\":\"other\"}"),
                    400,
                    "INVALID_ARGUMENT")
                .get("detail")
                .asText())
        .contains("multi-tenancy");
  }

  @Test
  @DisplayName("a deployment that is not multipart, or an invalid model → 400 INVALID_ARGUMENT")
  void badDeploymentsAreInvalidArguments() throws Exception {
    problem(post("/v2/deployments", "{}"), 400, "INVALID_ARGUMENT");
    String boundary = "b0undary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"broken.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n<definitions"
            + "\r\n--"
            + boundary
            + "--\r\n";
    problem(
        send("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, body),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  @DisplayName(
      "await completion past its requestTimeout → 504 DEADLINE_EXCEEDED; the instance runs on")
  void awaitCompletionTimesOut() throws Exception {
    JsonNode problem =
        problem(
            post(
                "/v2/process-instances",
                "{\"processDefinitionId\":\"rest_task\",\"awaitCompletion\":true,"
                    + "\"requestTimeout\":300}"),
            504,
            "DEADLINE_EXCEEDED");
    assertThat(problem.get("detail").asText()).contains("300 ms");
    assertThat(s.job("rest-work")).isNotNull();
  }

  @Test
  @DisplayName("a long poll without jobs ends after its requestTimeout with no jobs")
  void longPollEndsEmpty() throws Exception {
    HttpResponse<String> response =
        post(
            "/v2/jobs/activation",
            "{\"type\":\"rest-none\",\"maxJobsToActivate\":5,\"timeout\":1000,"
                + "\"requestTimeout\":200}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("jobs")).isEmpty();
  }

  @Test
  @DisplayName("the client's user-task search finds an open task with its properties")
  void userTaskSearchWithClientDefaults() {
    long instance = s.create("rest_user_task");

    var tasks =
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    rest.newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(instance))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty() && "analist".equals(items.get(0).getAssignee()));

    var task = tasks.get(0);
    assertThat(task.getElementId()).isEqualTo("beoordelen");
    assertThat(task.getName()).isEqualTo("Melding beoordelen");
    assertThat(task.getCandidateGroups()).containsExactly("meldkamer");
    assertThat(task.getBpmnProcessId()).isEqualTo("rest_user_task");
    assertThat(task.getState().name()).isEqualTo("CREATED");

    rest.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    s.awaitCompleted(instance);
  }
}
