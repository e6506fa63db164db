package nl.knooppunt.standalone.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.standalone.HubQuiet;
import nl.knooppunt.standalone.StandaloneHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Two of each, as production runs them (docs/adr/0038): two gateways and two workers on one engine,
 * Kafka and PostgreSQL, the browsers behind a round-robin proxy that sends every request to the
 * other gateway. Level 5 for the province of Utrecht: the duty officer proposes it in the pages and
 * stays signed in throughout; the crisis page open on one replica and the same page open on the
 * other both take in every change live, without a reload; every notice is on the topic once.
 */
class ReplicasIT extends HubPages {

  private static StandaloneHub.Replica second;
  private static RoundRobin proxy;

  @BeforeAll
  static void secondGatewayAndWorkersBehindTheProxy() {
    second = hub.startReplica(settings.args());
    proxy = RoundRobin.start(hub.httpPort(), second.httpPort());
  }

  @AfterAll
  static void stopTheSecondOfEach() {
    if (proxy != null) {
      proxy.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void level5WithEveryRequestOnTheOtherGatewayKeepsTheLoginAndReachesBothPagesLive()
      throws Exception {
    long started = System.nanoTime();
    Browser operator = behindTheProxy().login("operator").world(true);
    Browser management = behindTheProxy().login("management").world(true);

    // the duty officer proposes level 5 for the province in the pages
    operator.open("/operator");
    operator.click(By.id("provincie-PV26"));
    operator.find(By.id("veld-reden")).sendKeys("Aanslag in een tram in Utrecht");
    operator.click(By.id("voorstel-indienen"));
    String crisis = operator.until(d -> crisisIdIn(d.getCurrentUrl()));

    // the crisis page open twice, the live stream of one page on each gateway: while both streams
    // land on the same one, one request more shifts the round robin (every other time, since a
    // page load may itself be an even number of requests)
    Stream operatorsStream = openWithItsStream(operator, "/crises/" + crisis);
    Stream managementsStream = openWithItsStream(management, "/crises/" + crisis);
    for (int attempt = 1; managementsStream.gateway() == operatorsStream.gateway(); attempt++) {
      assertThat(attempt).as("page loads to reach the other gateway").isLessThan(8);
      if (attempt % 2 == 1) {
        proxy.passOn("/actuator/health");
      }
      managementsStream = openWithItsStream(management, "/crises/" + crisis);
    }
    String operatorsPage = operator.markPage();
    String managementsPage = management.markPage();
    List<Stream> streams = List.of(operatorsStream, managementsStream);
    int streamsOpened = proxy.streamsOpened();
    Map<Stream, Integer> changesBefore = new HashMap<>();
    streams.forEach(st -> changesBefore.put(st, st.changes().get()));

    // the rest of the story, by the people whose task it is (their pages are tested in StoriesIT)
    api.policeSharesInformation(crisis);
    api.complete(
        "regio-utrecht",
        crisis,
        "Afstemmen_Lokaal_Gezag",
        Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
    api.nctvDeclaresLevelFive(crisis);
    api.awaitNoticesToTheMayorsOfUtrecht(crisis);
    api.acknowledgeAsTheMayorOfUtrecht(crisis);

    // both pages show the declaration and the mayor's confirmation, told live, never reloaded
    for (Browser page : List.of(operator, management)) {
      page.until(
          d -> d.findElement(By.id("erkenning-samenvatting")).getText().startsWith("1 van "));
    }
    assertThat(operator.stillMarked(operatorsPage)).as("operator's page not reloaded").isTrue();
    assertThat(management.stillMarked(managementsPage))
        .as("management's page not reloaded")
        .isTrue();
    for (Stream st : streams) {
      assertThat(st.changes().get())
          .as("live updates told to a page by the gateway on port %d", st.gateway())
          .isGreaterThan(changesBefore.get(st));
    }
    assertThat(proxy.streamsOpened()).as("no page reconnected meanwhile").isEqualTo(streamsOpened);

    // the requests went to the two gateways in turn, and none asked to sign in again
    List<Served> pages = proxy.served();
    assertThat(pages.stream().map(Served::gateway).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(hub.httpPort(), second.httpPort());
    List<Served> signedIn = pages.subList(firstAfterLogin(pages), pages.size());
    assertThat(signedIn)
        .as("requests after the sign-in")
        .noneMatch(s -> s.location() != null && s.location().contains("/login"))
        .noneMatch(s -> s.status() == 401 || s.status() == 403);

    // every notice once on the notifications topic (two workers, one job each)
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> noticesOnTheTopic(crisis).size() == api.notifications(crisis).size());
    Map<String, Integer> onTheTopic = noticesOnTheTopic(crisis);
    assertThat(onTheTopic).hasSizeGreaterThanOrEqualTo(26);
    assertThat(onTheTopic.values()).as("records per notice id").containsOnly(1);

    System.out.printf(
        "ReplicasIT: level 5 through two gateways and two workers in %d s (%d requests: %s)%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        pages.size(),
        pages.stream().collect(Collectors.groupingBy(Served::gateway, Collectors.counting())));
  }

  /** A browser whose every request goes through the round-robin proxy. */
  private Browser behindTheProxy() {
    Browser b = new Browser(proxy.url(), Browser.DESKTOP);
    opened(b);
    return b;
  }

  /** Opens a page and returns its live-update stream through the proxy (one page at a time). */
  private static Stream openWithItsStream(Browser browser, String path) {
    int before = proxy.streamsOpened();
    browser.open(path);
    // the page's own stream is the last one opened: the page just left may still open its stream
    // late, after the count above, so the count must stand still between two looks first
    int[] last = {-1};
    int opened =
        await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  int now = proxy.streamsOpened();
                  boolean still = now == last[0];
                  last[0] = now;
                  return still ? now : -1;
                },
                n -> n > before);
    return proxy.stream(opened - 1);
  }

  private static int firstAfterLogin(List<Served> served) {
    for (int i = 0; i < served.size(); i++) {
      if ("POST".equals(served.get(i).method()) && served.get(i).path().startsWith("/login")) {
        return i + 1;
      }
    }
    throw new AssertionError("no sign-in went through the proxy");
  }

  /** The records of the crisis' notices on the notifications topic, by event (notice) id. */
  private static Map<String, Integer> noticesOnTheTopic(String crisis) {
    Map<String, Integer> byId = new HashMap<>();
    HubQuiet.ofTheCrisis("localhost:" + settings.kafkaPort(), Topic.NOTIFICATIONS, crisis)
        .forEach((id, records) -> byId.put(id, records.size()));
    return byId;
  }

  /** One request the proxy passed on: to which gateway, and what came back. */
  record Served(int gateway, String method, String path, int status, String location) {}

  /** A page's live-update stream through the proxy: its gateway, and the changes it was told. */
  record Stream(int gateway, AtomicInteger changes) {}

  /**
   * A round-robin reverse proxy like the one in deploy/ (nginx without stickiness): every request
   * goes to the next gateway, a redirect's address is rewritten to the proxy's; a live-update
   * stream is passed on line by line, and the proxy counts the changes each gateway told.
   */
  static final class RoundRobin implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP =
        Set.of(
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "proxy-connection");

    private final HttpServer server;
    private final int[] gateways;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Served> served = new CopyOnWriteArrayList<>();

    /** Every live-update stream, in the order they opened. */
    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    private RoundRobin(HttpServer server, int[] gateways) {
      this.server = server;
      this.gateways = gateways;
    }

    static RoundRobin start(int... gateways) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        RoundRobin proxy = new RoundRobin(server, gateways);
        server.createContext("/", proxy::handle);
        server.setExecutor(
            Executors.newCachedThreadPool(
                r -> {
                  Thread t = new Thread(r, "replicas-it-proxy");
                  t.setDaemon(true);
                  return t;
                }));
        server.start();
        return proxy;
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    String url() {
      return "http://localhost:" + server.getAddress().getPort();
    }

    List<Served> served() {
      return List.copyOf(served);
    }

    int streamsOpened() {
      return streams.size();
    }

    /** The stream opened as number {@code index} (from 0), or null while it has not opened. */
    Stream stream(int index) {
      List<Stream> now = List.copyOf(streams);
      return index < now.size() ? now.get(index) : null;
    }

    /** Passes one request on (to the next gateway) as a browser would. */
    void passOn(String path) throws IOException, InterruptedException {
      http.send(
          HttpRequest.newBuilder(URI.create(url() + path)).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    private void handle(HttpExchange exchange) throws IOException {
      int gateway = gateways[Math.floorMod(next.getAndIncrement(), gateways.length)];
      String method = exchange.getRequestMethod();
      try (exchange) {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(
                URI.create("http://localhost:" + gateway + exchange.getRequestURI()));
        exchange
            .getRequestHeaders()
            .forEach(
                (name, values) -> {
                  if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                  }
                });
        byte[] body = exchange.getRequestBody().readAllBytes();
        request.method(
            method,
            body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String location = null;
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
          String name = h.getKey();
          if (name.startsWith(":") || HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
            continue;
          }
          for (String v : h.getValue()) {
            if (name.equalsIgnoreCase("Location")) {
              v = v.replace("http://localhost:" + gateway, url());
              location = v;
            }
            exchange.getResponseHeaders().add(name, v);
          }
        }
        int status = response.statusCode();
        served.add(
            new Served(gateway, method, exchange.getRequestURI().getPath(), status, location));
        boolean empty = "HEAD".equals(method) || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : 0);
        boolean stream =
            response
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/event-stream");
        try (InputStream in = response.body();
            OutputStream out = exchange.getResponseBody()) {
          if (empty) {
            return;
          }
          if (!stream) {
            in.transferTo(out);
            return;
          }
          Stream page = new Stream(gateway, new AtomicInteger());
          streams.add(page);
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.equals("event:gewijzigd")) {
              page.changes().incrementAndGet();
            }
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // the browser left the page (a stream closed on its side): nothing to pass on
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
