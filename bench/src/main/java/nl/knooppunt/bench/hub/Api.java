package nl.knooppunt.bench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The hub's REST API as the demo and bench accounts use it (HTTP Basic, {@code <name>-demo}). */
final class Api {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Hub hub;

  Api(Hub hub) {
    this.hub = hub;
  }

  /**
   * As {@link #send}, but a 503 (the hub asks to try again: its database or engine was busy, and
   * what it started is undone) is tried again after its {@code Retry-After}, as a client of the hub
   * does; up to 10 times.
   */
  JsonNode sendTryingAgain(String user, String method, String path, Object body, int expected)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return send(user, method, path, body, expected);
      } catch (Unavailable e) {
        if (attempt == 10) {
          throw e;
        }
        TimeUnit.SECONDS.sleep(e.retryAfterSeconds);
      }
    }
  }

  /** The hub answered 503: try again after {@code retryAfterSeconds}. */
  static final class Unavailable extends IllegalStateException {
    final long retryAfterSeconds;

    Unavailable(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  JsonNode send(String user, String method, String path, Object body, int expected)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(hub.url(path)))
            .timeout(Duration.ofMinutes(2))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 503 && expected != 503) {
      throw new Unavailable(
          method + " " + path + " as " + user + ": 503 " + response.body(),
          response.headers().firstValueAsLong("Retry-After").orElse(1));
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + " as "
              + user
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
  }

  /** Waits until the task (BPMN element id) of the crisis is in the user's inbox. */
  JsonNode awaitTask(String user, String crisisId, String elementId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      JsonNode page = send(user, "GET", "/api/v1/tasks?crisisId=" + crisisId, null, 200);
      for (JsonNode t : page.path("items")) {
        if (elementId.equals(t.path("elementId").asText())) {
          return t;
        }
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException(user + " got no task " + elementId + " of " + crisisId);
  }

  /** Claims and completes the task; returns the moment the completion was answered. */
  long complete(String user, String crisisId, String elementId, Map<String, Object> form)
      throws Exception {
    String key = awaitTask(user, crisisId, elementId).path("taskKey").asText();
    // the inbox can show a task while the engine still runs its creating listener: a claim then
    // answers 409 ("in state 'CREATING'"); the user tries again a moment later
    for (int attempt = 1; ; attempt++) {
      try {
        send(user, "POST", "/api/v1/tasks/" + key + "/claim", null, 200);
        break;
      } catch (IllegalStateException e) {
        if (attempt >= 50 || !e.getMessage().contains("CREATING")) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    send(user, "POST", "/api/v1/tasks/" + key + "/completion", form, 200);
    return System.nanoTime();
  }

  /** The number of open tasks in the user's inbox ({@code total} of the task list). */
  long inboxTotal(String user) throws Exception {
    return send(user, "GET", "/api/v1/tasks?size=1", null, 200).path("total").asLong();
  }
}
