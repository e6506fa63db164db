package nl.knooppunt.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.knooppunt.gateway.Api;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import nl.knooppunt.gateway.PageClient.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live updates the pages listen to: a change in the read model reaches an open page as one
 * {@code gewijzigd} event, a burst of changes as few events, and nobody without login gets the
 * stream.
 */
class LiveUpdatesIT extends GatewayITBase {

  @Autowired LiveUpdates live;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aNewTaskReachesAnOpenPageAsAGewijzigdEvent() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<java.io.InputStream> response = openStream("regio-utrecht", lines);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    await().atMost(Duration.ofSeconds(10)).until(() -> live.openStreams() > 0);

    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", true);
    for (int i = 0; i < 20; i++) {
      fixtures.notification(crisisId, "GM0344", "VR09");
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lines.contains("event:" + LiveUpdates.EVENT));
    long events = lines.stream().filter(l -> l.equals("event:" + LiveUpdates.EVENT)).count();
    assertThat(events).as("21 changes coalesced into a few events").isBetween(1L, 5L);
    response.body().close();
  }

  @Test
  void aPageThatConnectsAfterAChangeLearnsOfItAtOnce() throws Exception {
    // the page was rendered (at the version in its body), then the task appeared, then the browser
    // opened its stream: the first event tells the version now, so the page reloads its parts
    Page page = PageClient.login(port, "regio-utrecht").get("/taken");
    java.util.regex.Matcher rendered =
        java.util.regex.Pattern.compile("data-versie=\"(\\w+)\\.(\\d+)\"").matcher(page.body());
    assertThat(rendered.find()).isTrue();
    String replica = rendered.group(1);
    long version = Long.parseLong(rendered.group(2));
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);
    fixtures.task(crisisId, List.of("regio-VR09"));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.version() > version);

    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<java.io.InputStream> response = openStream("regio-utrecht", lines);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lines.contains("event:" + LiveUpdates.VERSION_EVENT));
    String data =
        lines.get(lines.indexOf("event:" + LiveUpdates.VERSION_EVENT) + 1).replace("data:", "");
    assertThat(data.trim()).startsWith(replica + ".");
    assertThat(Long.parseLong(data.trim().substring(replica.length() + 1))).isGreaterThan(version);
    response.body().close();
  }

  @Test
  void theStreamNeedsALogin() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stroom")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isIn(302, 401);
  }

  @Test
  void aFifthPageOfOneSessionClosesItsOldestStreamNotAnotherPersons() throws Exception {
    PageClient regio = PageClient.login(port, "regio-utrecht");
    List<List<String>> lines = new java.util.ArrayList<>();
    List<HttpResponse<java.io.InputStream>> open = new java.util.ArrayList<>();
    List<String> other = new CopyOnWriteArrayList<>();
    HttpResponse<java.io.InputStream> amsterdam =
        read(PageClient.login(port, "regio-amsterdam"), other);
    for (int i = 0; i <= LiveUpdates.STREAMS_PER_SESSION; i++) {
      List<String> l = new CopyOnWriteArrayList<>();
      lines.add(l);
      HttpResponse<java.io.InputStream> r = read(regio, l);
      assertThat(r.statusCode()).isEqualTo(200);
      open.add(r);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> l.contains("event:" + LiveUpdates.VERSION_EVENT));
    }
    // the first stream was ended by the server; the others and the other person's stay open
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.get(0).contains(ENDED));
    String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", true);
    fixtures.notification(crisisId, "GM0344", "VR09");
    // a notice to Amsterdam-Amstelland: the crisis concerns the other person too (docs/adr/0031)
    fixtures.notification(crisisId, null, "VR13");
    for (int i = 1; i <= LiveUpdates.STREAMS_PER_SESSION; i++) {
      List<String> l = lines.get(i);
      await().atMost(Duration.ofSeconds(10)).until(() -> l.contains("event:" + LiveUpdates.EVENT));
      assertThat(l).doesNotContain(ENDED);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> other.contains("event:" + LiveUpdates.EVENT));
    for (HttpResponse<java.io.InputStream> r : open) {
      r.body().close();
    }
    amsterdam.body().close();
  }

  @Test
  void theStreamDoesNotTakeBasicCredentials() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stroom"))
                .header("Authorization", Api.basic("regio-utrecht"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  /** What the reader adds when the server ended the stream. */
  private static final String ENDED = "(einde)";

  private HttpResponse<java.io.InputStream> openStream(String user, List<String> lines)
      throws Exception {
    return read(PageClient.login(port, user), lines);
  }

  private HttpResponse<java.io.InputStream> read(PageClient client, List<String> lines) {
    HttpResponse<java.io.InputStream> response = client.stream("/stroom");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
                lines.add(ENDED);
              } catch (java.io.IOException closed) {
                // the test closed the stream
              }
            },
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    return response;
  }
}
