package nl.knooppunt.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.knooppunt.productioncheck.ProductionSettingsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hub in profile {@code production} (gateway and workers), against the embedded engine,
 * the in-process Kafka and the embedded PostgreSQL on this machine ({@code
 * knooppunt.production.allow-loopback}), with a fake OIDC provider: the gateway takes users only
 * from bearer tokens of its issuer (discovered from {@code issuer-uri}, as on Kubernetes), and the
 * Camunda clients of gateway and workers authenticate with OAuth client credentials at the
 * provider's token endpoint. Also: without an issuer the hub does not start.
 */
class ProductionProfileIT {

  static final Map<String, String> CLIENTS =
      Map.of(
          "knooppunt-gateway", "knooppunt-gateway-secret",
          "knooppunt-workers", "knooppunt-workers-secret");

  @TempDir static Path dataDir;

  private static TestHubs settings;
  private static FakeIdentityProvider idp;
  private static StandaloneHub hub;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startHub() throws Exception {
    idp = FakeIdentityProvider.start(CLIENTS);
    settings = TestHubs.in(dataDir);
    hub = StandaloneHub.start(productionArgs(settings, dataDir, true));
  }

  @AfterAll
  static void stopHub() {
    if (hub != null) {
      hub.close();
    }
    idp.close();
  }

  /**
   * The hub's arguments in profile production. They reach all three contexts; only gateway and
   * workers have profile-specific configuration (see {@link StandaloneHub}).
   */
  static String[] productionArgs(TestHubs hubs, Path dataDir, boolean withIssuer) {
    List<String> args = new ArrayList<>(List.of(hubs.args()));
    args.add("--spring.profiles.active=production");
    // everything runs on this machine in this test, Kafka without TLS
    args.add("--knooppunt.production.allow-loopback=true");
    args.add("--knooppunt.production.kafka-plaintext-allowed=true");
    args.add(
        "--knooppunt.workers.hub-contact=Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 123 4567");
    // the embedded PostgreSQL trusts local connections; production requires a password anyway
    args.add("--spring.datasource.password=not-checked-by-trust-auth");
    args.add("--camunda.client.auth.method=oidc");
    // resolved in each app's own context: knooppunt-gateway and knooppunt-workers, as deployed
    args.add("--camunda.client.auth.client-id=${spring.application.name}");
    args.add("--camunda.client.auth.client-secret=${spring.application.name}-secret");
    args.add("--camunda.client.auth.token-url=" + idp.tokenUrl());
    args.add("--camunda.client.auth.audience=orchestration-api");
    // not the user's ~/.camunda/credentials: a cached token would skip the token endpoint
    args.add("--camunda.client.auth.credentials-cache-path=" + dataDir.resolve("credentials"));
    if (withIssuer) {
      args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + idp.issuer());
    }
    return args.toArray(String[]::new);
  }

  static String operatorToken() {
    return idp.token(
        Map.of(
            "preferred_username", "m.de.vries",
            "name", "M. de Vries",
            "realm_access", Map.of("roles", List.of("offline_access", "landelijk-operator"))));
  }

  static String utrechtToken() {
    return idp.token(
        Map.of("preferred_username", "r.utrecht", "roles", List.of("REGIO"), "vr_code", "VR09"));
  }

  @Test
  void theOperatorProposesLevel5AndRegionUtrechtGetsItsAlignmentTask() throws Exception {
    HttpResponse<String> started =
        send(
            "POST",
            "/api/v1/processes/threat-level-proposals",
            HubApi.levelFiveProposalForUtrecht(true),
            "Bearer " + operatorToken());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String crisisId = json.readTree(started.body()).path("crisisId").asText();
    assertThat(crisisId).isNotBlank();

    // the workers resolve the area (VR09), the engine creates the task, the gateway's task
    // listener puts it in the read model: every Camunda call authenticated with a token
    JsonNode task =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(() -> alignmentTask(crisisId, "Bearer " + utrechtToken()), t -> t != null);
    assertThat(task.path("crisisId").asText()).isEqualTo(crisisId);

    HttpResponse<String> me = send("GET", "/api/v1/me", null, "Bearer " + utrechtToken());
    assertThat(json.readTree(me.body()).path("authentication").asText()).isEqualTo("OIDC");
  }

  private JsonNode alignmentTask(String crisisId, String authorization) throws Exception {
    HttpResponse<String> page =
        send("GET", "/api/v1/tasks?crisisId=" + crisisId, null, authorization);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    for (JsonNode t : json.readTree(page.body()).path("items")) {
      if ("Afstemmen_Lokaal_Gezag".equals(t.path("elementId").asText())) {
        return t;
      }
    }
    return null;
  }

  @Test
  void aRegionOfficerSignsInToThePagesWithTheOrganisationAccount() throws Exception {
    idp.signInAs(
        Map.of(
            "preferred_username", "j.de.vries",
            "name", "J. de Vries (VR Utrecht)",
            "roles", List.of("REGIO"),
            "vr_code", "VR09"));
    HttpClient noRedirects = HttpClient.newHttpClient();
    HttpResponse<String> anonymous =
        noRedirects.send(
            HttpRequest.newBuilder(URI.create(settings.url("/taken"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/knooppunt"));

    // a browser: follows the redirects to the provider and back, keeps the session cookie
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .build();
    HttpResponse<String> inbox =
        browser.send(
            HttpRequest.newBuilder(URI.create(settings.url("/taken"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
    assertThat(inbox.uri().getPath()).isEqualTo("/taken");
    assertThat(inbox.body()).contains("<h1>Mijn taken</h1>", "J. de Vries (VR Utrecht)");
    assertThat(idp.authorizationRequests())
        .last()
        .satisfies(
            q -> assertThat(q).contains("client_id=knooppunt-web", "code_challenge_method=S256"));

    // the page session is a region user: the dashboard is not for them
    HttpResponse<String> dashboard =
        browser.send(
            HttpRequest.newBuilder(URI.create(settings.url("/dashboard"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(dashboard.statusCode()).isEqualTo(403);
    assertThat(dashboard.body()).contains("Geen toegang");
  }

  @Test
  void theLoginPageOffersTheOrganisationAccountNotAPasswordForm() throws Exception {
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(settings.url("/login"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body())
        .contains("Inloggen met organisatie-account", "/oauth2/authorization/knooppunt")
        .doesNotContain("type=\"password\"");
  }

  @Test
  void theCamundaClientsOfGatewayAndWorkersUseOauthClientCredentials() {
    // both apps poll jobs from the start, so both fetch a token at the provider
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> idp.tokensIssuedTo().containsAll(CLIENTS.keySet()));
    assertThat(idp.refused()).isEmpty();
    assertThat(hub.gateway().getEnvironment().getActiveProfiles()).contains("production");
    assertThat(hub.workers().getEnvironment().getActiveProfiles()).contains("production");
    assertThat(hub.demoAccounts()).as("no local accounts in production").isEmpty();
  }

  @Test
  void withoutATokenTheApiAnswers401ProblemJson() throws Exception {
    HttpResponse<String> none = send("GET", "/api/v1/tasks", null, null);
    assertUnauthorized(none);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
  }

  @Test
  void aTokenSignedByAnotherKeyIs401() throws Exception {
    // same key id, same issuer, same claims: only the signature is wrong
    String forged =
        FakeIdentityProvider.token(
            FakeIdentityProvider.generateKey(idp.key().getKeyID()),
            idp.issuer(),
            Instant.now().plusSeconds(300),
            Map.of("preferred_username", "m.de.vries", "roles", List.of("LANDELIJK_OPERATOR")));
    assertUnauthorized(send("GET", "/api/v1/tasks", null, "Bearer " + forged));
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    String expired =
        FakeIdentityProvider.token(
            idp.key(),
            idp.issuer(),
            Instant.now().minusSeconds(600),
            Map.of("preferred_username", "m.de.vries", "roles", List.of("LANDELIJK_OPERATOR")));
    assertUnauthorized(send("GET", "/api/v1/tasks", null, "Bearer " + expired));
  }

  @Test
  void aTokenOfAnotherIssuerIs401() throws Exception {
    String elsewhere =
        FakeIdentityProvider.token(
            idp.key(),
            "http://127.0.0.1:1/realms/elders",
            Instant.now().plusSeconds(300),
            Map.of("preferred_username", "m.de.vries", "roles", List.of("LANDELIJK_OPERATOR")));
    assertUnauthorized(send("GET", "/api/v1/tasks", null, "Bearer " + elsewhere));
  }

  @Test
  void theDemoAccountsDoNotWorkInProduction() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));
    assertUnauthorized(send("GET", "/api/v1/tasks", null, basic));
    assertUnauthorized(
        send(
            "POST",
            "/api/v1/processes/threat-level-proposals",
            Map.of("reason", "x", "exercise", true),
            basic));
  }

  @Test
  void withoutAnOidcIssuerTheHubRefusesToStartNamingTheSetting(@TempDir Path other) {
    TestHubs hubs = TestHubs.in(other);
    assertThatThrownBy(() -> StandaloneHub.start(productionArgs(hubs, other, false)).close())
        .isInstanceOf(ProductionSettingsException.class)
        .hasMessageStartingWith("The gateway will not start in profile 'production' (1 setting(s)")
        .hasMessageContaining(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri"
                + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) is not set");
  }

  private void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("title").asText()).isEqualTo("Niet ingelogd");
  }

  private HttpResponse<String> send(String method, String path, Object body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.url(path)))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
