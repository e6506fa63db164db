package nl.knooppunt.standalone.resilience;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.standalone.TestHubs;

/**
 * What a client of the hub does while the hub is killed and comes back: a request that gets no
 * answer (refused, reset, timed out) or a 5xx is tried again; a step is done when the hub says so.
 * Nothing here knows about the kills.
 */
final class ChaosClient {

  /** An answer: the status and the body. */
  record Answer(int status, String body) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final TestHubs hub;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The phone that opens the links: keeps its cookies (the page's session and CSRF token). */
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger serverErrors = new AtomicInteger();

  ChaosClient(TestHubs hub) {
    this.hub = hub;
  }

  /** Requests that got no answer (the hub was down), and answers 5xx, so far. */
  String retries() {
    return unanswered.get() + " unanswered, " + serverErrors.get() + " answered 5xx";
  }

  /** One request as a demo user; null when the hub did not answer or answered 5xx. */
  Answer once(String user, String method, String path, Object body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(hub.url(path)))
              .timeout(Duration.ofSeconds(30))
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
      if (response.statusCode() >= 500) {
        serverErrors.incrementAndGet();
        return null;
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      unanswered.incrementAndGet();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET that must answer 200 in the end: tried again while the hub is down. */
  JsonNode get(String user, String path) {
    return until(
        () -> {
          Answer a = once(user, "GET", path, null);
          if (a == null) {
            return null;
          }
          if (a.status() != 200) {
            throw new AssertionError("GET " + path + " as " + user + ": " + a);
          }
          return json.readTree(a.body());
        });
  }

  /**
   * Acknowledges a notice through the personal link the hub sent (without login, as the person
   * would from the e-mail or SMS): opens the page, then presses the button. Done when the hub says
   * it is acknowledged, by this link or before.
   */
  void acknowledgeByLink(String token) {
    until(
        () -> {
          try {
            HttpResponse<String> page =
                browser.send(
                    HttpRequest.newBuilder(URI.create(hub.url("/bevestigen/" + token)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() >= 500) {
              serverErrors.incrementAndGet();
              return null;
            }
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
              // no button: acknowledged before (by this link, before the hub went down) or used
              return page.statusCode() == 200 || page.statusCode() == 409
                  ? Boolean.TRUE
                  : fail(page);
            }
            HttpResponse<String> pressed =
                browser.send(
                    HttpRequest.newBuilder(URI.create(hub.url("/bevestigen/" + token)))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (pressed.statusCode() >= 500) {
              serverErrors.incrementAndGet();
              return null;
            }
            return pressed.statusCode() == 200 || pressed.statusCode() == 409
                ? Boolean.TRUE
                : fail(pressed);
          } catch (IOException e) {
            unanswered.incrementAndGet();
            return null;
          }
        });
  }

  private static Boolean fail(HttpResponse<String> response) {
    throw new AssertionError(
        response.request().method()
            + " "
            + response.uri().getPath()
            + ": "
            + response.statusCode()
            + " "
            + response.body());
  }

  /** Calls {@code step} until it returns non-null (minutes: the hub may be coming back). */
  <T> T until(Callable<T> step) {
    return await()
        .atMost(Duration.ofMinutes(12))
        .pollInterval(Duration.ofMillis(300))
        .pollDelay(Duration.ZERO)
        .until(step, result -> result != null);
  }

  JsonNode read(String body) throws IOException {
    return json.readTree(body);
  }
}
