package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code production} profile: an OAuth2 resource server. Tokens signed by a test key (the
 * public half configured as the issuer's key) carry roles and scope; anything else is a 401.
 */
@SpringBootTest(
    classes = GatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=gateway", "camunda.client.enabled=false"})
@ActiveProfiles("production")
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    topics = {Topic.Names.EVENTS, Topic.Names.ACKNOWLEDGEMENTS},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FakeOrchestration.Config.class)
class ProductionSecurityIT {

  static final String ISSUER = "https://sso.knooppunt.test/realms/knooppunt";
  static final RSAKey KEY = generate();
  static final RSAKey OTHER_KEY = generate();

  static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("test").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("spring.datasource.url", () -> TestDatabases.url("production"));
    // as in production: the gateway as the application user, Flyway as the owner
    registry.add("spring.datasource.username", () -> TestDatabases.APP_USER);
    registry.add("spring.flyway.user", () -> TestDatabases.OWNER);
    registry.add("spring.flyway.password", () -> "not-checked-by-trust-auth");
    // the embedded PostgreSQL trusts local connections; the production check wants a password
    registry.add("spring.datasource.password", () -> "not-checked-by-trust-auth");
    // the production check (GatewayProductionSettings): servers on this machine are this test's
    // own;
    // the Camunda client is off (FakeOrchestration) but its production settings are still checked
    registry.add("knooppunt.production.allow-loopback", () -> "true");
    registry.add(
        "knooppunt.logbook.key", () -> "sleutel-van-het-logboek-voor-deze-test-0123456789");
    registry.add("knooppunt.bevestiging.sleutel", () -> GatewayITBase.LINK_KEY);
    registry.add("knooppunt.production.kafka-plaintext-allowed", () -> "true");
    registry.add("camunda.client.grpc-address", () -> "http://localhost:26500");
    registry.add("camunda.client.rest-address", () -> "http://localhost:8088");
    registry.add("camunda.client.auth.method", () -> "oidc");
    registry.add("camunda.client.auth.client-id", () -> "knooppunt-gateway");
    registry.add("camunda.client.auth.client-secret", () -> "unused");
    registry.add("camunda.client.auth.token-url", () -> "http://localhost:1/token");
    Path pem = Files.createTempFile("knooppunt-issuer", ".pub");
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(KEY.toRSAPublicKey().getEncoded());
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> pem.toUri().toString());
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  static String token(RSAKey key, String issuer, Instant expires, Map<String, Object> claims) {
    try {
      JWTClaimsSet.Builder c =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .subject("sub-" + claims.getOrDefault("preferred_username", "x"))
              .issueTime(new Date())
              .expirationTime(Date.from(expires));
      claims.forEach(c::claim);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), c.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String token(Map<String, Object> claims) {
    return token(KEY, ISSUER, Instant.now().plusSeconds(300), claims);
  }

  Api.Response get(String path, String bearer) {
    return new Api(port).send("GET", path, null, null, bearer);
  }

  @Test
  void rolesAndScopeComeFromTheToken() {
    Api.Response me =
        get(
            "/api/v1/me",
            token(
                Map.of(
                    "preferred_username",
                    "j.jansen",
                    "roles",
                    List.of("regio"),
                    "vr_code",
                    "VR13")));
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().path("username").asText()).isEqualTo("j.jansen");
    assertThat(me.json().path("roles").get(0).asText()).isEqualTo("REGIO");
    assertThat(me.json().path("vrCode").asText()).isEqualTo("VR13");
    assertThat(me.json().path("authentication").asText()).isEqualTo("OIDC");
    assertThat(me.json().path("candidateGroups").toString()).contains("regio-VR13");

    Api.Response keycloak =
        get(
            "/api/v1/me",
            token(
                Map.of(
                    "preferred_username",
                    "m.de.vries",
                    "realm_access",
                    Map.of("roles", List.of("offline_access", "landelijk-operator")))));
    assertThat(keycloak.json().path("roles").toString()).isEqualTo("[\"LANDELIJK_OPERATOR\"]");
  }

  @Test
  void aRoleOutsideThePolicyIs403AndAnotherRegionsTaskToo() {
    Api api = new Api(port);
    String management = token(Map.of("preferred_username", "chef", "roles", List.of("MANAGEMENT")));
    Api.Response r = api.send("POST", "/api/v1/processes/manhunts", null, "{}", management);
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(get("/api/v1/dashboard", management).status()).isEqualTo(200);

    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, List.of("regio-VR09"));
    String amsterdam =
        token(Map.of("preferred_username", "a", "roles", List.of("REGIO"), "vr_code", "VR13"));
    String utrecht =
        token(Map.of("preferred_username", "u", "roles", List.of("REGIO"), "vr_code", "VR09"));
    assertThat(get("/api/v1/tasks/" + task, amsterdam).status()).isEqualTo(403);
    assertThat(get("/api/v1/tasks/" + task, utrecht).status()).isEqualTo(200);
  }

  @Test
  void anythingButAValidTokenIs401() {
    Map<String, Object> claims = Map.of("preferred_username", "x", "roles", List.of("BEHEERDER"));
    List<String> bad =
        List.of(
            token(OTHER_KEY, ISSUER, Instant.now().plusSeconds(300), claims),
            token(KEY, "https://elders.test", Instant.now().plusSeconds(300), claims),
            token(KEY, ISSUER, Instant.now().minusSeconds(600), claims),
            "geen.jwt.token");
    for (String t : bad) {
      Api.Response r = get("/api/v1/me", t);
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
    }
    Api.Response none = get("/api/v1/me", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.isProblem()).isTrue();
    Api.Response basic = new Api(port).get("/api/v1/me", "operator");
    assertThat(basic.status()).as("no local accounts in production").isEqualTo(401);
    assertThat(get("/api/v1/info", null).status()).isEqualTo(200);
    assertThat(get("/actuator/health", null).status()).isEqualTo(200);
  }

  static {
    try {
      Files.createDirectories(Path.of("target"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
