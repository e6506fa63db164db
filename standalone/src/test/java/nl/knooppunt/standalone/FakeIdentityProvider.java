package nl.knooppunt.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny OIDC provider for tests (JDK HttpServer on 127.0.0.1): the discovery document and key set
 * of one realm, so a resource server validates tokens signed by {@link #key()}, and a token
 * endpoint for the client-credentials grant, so the Camunda clients authenticate as they do against
 * Keycloak. It signs what the test asks ({@link #token}) and records who fetched a token.
 */
final class FakeIdentityProvider implements AutoCloseable {

  static final String REALM = "/realms/knooppunt";
  static final String TOKEN_PATH = REALM + "/protocol/openid-connect/token";
  static final String CERTS_PATH = REALM + "/protocol/openid-connect/certs";
  static final String AUTH_PATH = REALM + "/protocol/openid-connect/auth";

  /** A sign-in in progress: what the code will be redeemed for. */
  private record Pending(
      String clientId,
      String redirectUri,
      String nonce,
      String codeChallenge,
      Map<String, Object> user) {}

  private final Map<String, Pending> codes = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> authorizationRequests = new CopyOnWriteArrayList<>();
  private volatile Map<String, Object> signedInUser;

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, String> clients;
  private final List<String> tokensIssuedTo = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  private FakeIdentityProvider(HttpServer server, RSAKey key, Map<String, String> clients) {
    this.server = server;
    this.key = key;
    this.clients = clients;
  }

  /**
   * Starts the provider on a free port of this machine.
   *
   * @param clients the OAuth clients (client id → secret) of the client-credentials grant
   */
  static FakeIdentityProvider start(Map<String, String> clients) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeIdentityProvider idp =
        new FakeIdentityProvider(server, generateKey("knooppunt-1"), clients);
    server.createContext(REALM + "/.well-known/openid-configuration", idp::discovery);
    server.createContext(CERTS_PATH, idp::certs);
    server.createContext(TOKEN_PATH, idp::tokenEndpoint);
    server.createContext(AUTH_PATH, idp::authorize);
    server.start();
    return idp;
  }

  /** A fresh 2048-bit RSA key pair (the provider's, or another one to forge tokens with). */
  static RSAKey generateKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
  }

  String tokenUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH;
  }

  RSAKey key() {
    return key;
  }

  /** The client ids that obtained an access token, in order. */
  List<String> tokensIssuedTo() {
    return List.copyOf(tokensIssuedTo);
  }

  /** Token requests refused (wrong grant, unknown client or wrong secret). */
  List<String> refused() {
    return List.copyOf(refused);
  }

  /**
   * The user who "signs in" at the provider's login page from now on (the authorization code flow
   * of the pages); their claims go into the access token.
   */
  void signInAs(Map<String, Object> userClaims) {
    this.signedInUser = Map.copyOf(userClaims);
  }

  /** The query strings of the sign-ins the provider saw, in order. */
  List<String> authorizationRequests() {
    return List.copyOf(authorizationRequests);
  }

  /** A user's access token as the realm issues it: signed, this issuer, valid for 5 minutes. */
  String token(Map<String, Object> claims) {
    return token(key, issuer(), Instant.now().plusSeconds(300), claims);
  }

  /** Any token: signed with {@code signer}, from {@code issuer}, expiring at {@code expires}. */
  static String token(RSAKey signer, String issuer, Instant expires, Map<String, Object> claims) {
    try {
      JWTClaimsSet.Builder c =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .subject(String.valueOf(claims.getOrDefault("preferred_username", "client")))
              .issueTime(Date.from(expires.minusSeconds(300)))
              .notBeforeTime(Date.from(expires.minusSeconds(300)))
              .expirationTime(Date.from(expires));
      claims.forEach(c::claim);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
              c.build());
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, Object> doc = new HashMap<>();
    doc.put("issuer", issuer());
    doc.put("jwks_uri", base + CERTS_PATH);
    doc.put("token_endpoint", base + TOKEN_PATH);
    doc.put("authorization_endpoint", base + AUTH_PATH);
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("response_types_supported", List.of("code"));
    respond(exchange, 200, json.writeValueAsString(doc));
  }

  private void certs(HttpExchange exchange) throws IOException {
    respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void tokenEndpoint(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> form = parse(body);
    if ("authorization_code".equals(form.get("grant_type"))) {
      redeem(exchange, form);
      return;
    }
    String clientId = form.get("client_id");
    if (!"POST".equals(exchange.getRequestMethod())
        || !"client_credentials".equals(form.get("grant_type"))
        || clientId == null
        || !clients.getOrDefault(clientId, "\0").equals(form.get("client_secret"))) {
      refused.add(String.valueOf(clientId));
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Map<String, Object> claims = new HashMap<>();
    claims.put("azp", clientId);
    claims.put("client_id", clientId);
    if (form.get("audience") != null) {
      claims.put("aud", form.get("audience"));
    }
    String accessToken = token(key, issuer(), Instant.now().plusSeconds(300), claims);
    tokensIssuedTo.add(clientId);
    respond(
        exchange,
        200,
        json.writeValueAsString(
            Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300)));
  }

  /** The login page: the signed-in user is sent back with a code (no form in a test). */
  private void authorize(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    authorizationRequests.add(query);
    Map<String, String> q = parse(query == null ? "" : query);
    Map<String, Object> user = signedInUser;
    if (user == null || q.get("redirect_uri") == null || q.get("state") == null) {
      respond(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = java.util.UUID.randomUUID().toString();
    codes.put(
        code,
        new Pending(
            q.get("client_id"),
            q.get("redirect_uri"),
            q.get("nonce"),
            q.get("code_challenge"),
            user));
    String location =
        q.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** The code of a sign-in for an access token (the user) and an ID token; PKCE is checked. */
  private void redeem(HttpExchange exchange, Map<String, String> form) throws IOException {
    Pending p = codes.remove(String.valueOf(form.get("code")));
    if (p == null
        || !p.redirectUri().equals(form.get("redirect_uri"))
        || !p.clientId().equals(form.get("client_id"))
        || p.codeChallenge() == null
        || !p.codeChallenge().equals(s256(form.get("code_verifier")))) {
      refused.add(String.valueOf(form.get("client_id")));
      respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    Instant expires = Instant.now().plusSeconds(300);
    Map<String, Object> idClaims = new HashMap<>();
    idClaims.put("aud", p.clientId());
    idClaims.put("azp", p.clientId());
    idClaims.put("preferred_username", p.user().get("preferred_username"));
    if (p.nonce() != null) {
      idClaims.put("nonce", p.nonce());
    }
    respond(
        exchange,
        200,
        json.writeValueAsString(
            Map.of(
                "access_token",
                token(key, issuer(), expires, p.user()),
                "id_token",
                token(key, issuer(), expires, idClaims),
                "token_type",
                "Bearer",
                "expires_in",
                300,
                "scope",
                "openid")));
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return null;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> parse(String urlEncoded) {
    Map<String, String> form = new HashMap<>();
    for (String pair : urlEncoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
