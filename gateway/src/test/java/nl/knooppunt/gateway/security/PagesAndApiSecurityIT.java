package nl.knooppunt.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.knooppunt.gateway.Api;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.PageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The pages and the API are two security setups: the API stateless with Basic (or a bearer token in
 * production), the pages a session with a CSRF token on every change, no Basic challenge; every
 * response carries the security headers; guessing a password is slowed down and logged; the
 * actuator tells outsiders only whether the hub is up.
 */
@ExtendWith(OutputCaptureExtension.class)
class PagesAndApiSecurityIT extends GatewayITBase {

  @Autowired LoginThrottle throttle;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void forgetFailures() {
    // a successful sign-in clears the account and the address (all tests come from localhost)
    throttle.succeeded("operator", "127.0.0.1");
    throttle.succeeded("indringer", "127.0.0.1");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSignInPostedFromAnotherSiteWithoutTheFormsTokenIsRefused() throws Exception {
    HttpResponse<String> r =
        send(
            request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://kwaadwillend.example")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=operator&password=operator-demo")));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("SESSION=") && r.statusCode() == 302);
  }

  @Test
  void aPageChangeWithBasicCredentialsButWithoutTheTokenIsRefused() throws Exception {
    HttpResponse<String> r =
        send(
            request("/wereld")
                .header("Authorization", Api.basic("operator"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("oefening=true")));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void aPageDoesNotChallengeForBasicItSendsThePersonToTheSignInPage() throws Exception {
    HttpResponse<String> r = send(request("/taken").header("Authorization", Api.basic("operator")));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void theApiKeepsNoSessionAndAnswersEveryRequestOnItsCredentials() throws Exception {
    HttpResponse<String> r =
        send(request("/api/v1/tasks").header("Authorization", Api.basic("operator")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    // a page session does not open the API
    PageClient operator = PageClient.login(port, "operator");
    assertThat(operator.get("/api/v1/tasks").status()).isEqualTo(401);
  }

  @Test
  void everyPageAndApiAnswerCarriesTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> r :
        new HttpResponse[] {
          send(request("/login")),
          send(request("/api/v1/tasks").header("Authorization", Api.basic("operator"))),
          send(request("/api/v1/tasks"))
        }) {
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).as(r.uri().toString()).contains("script-src 'self'");
      assertThat(
              csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
          .doesNotContain("unsafe");
      assertThat(csp).contains("frame-ancestors 'none'");
      assertThat(r.headers().firstValue("Referrer-Policy")).contains("same-origin");
      assertThat(r.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
  }

  @Test
  void theSessionCookieStaysOnThisSite() throws Exception {
    HttpResponse<String> r = send(request("/login"));
    assertThat(r.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("SESSION="))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
  }

  @Test
  void fiveWrongPasswordsMakeTheNextAttemptWaitEvenWithTheRightOne(CapturedOutput output)
      throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      HttpResponse<String> wrong =
          send(request("/api/v1/tasks").header("Authorization", basic("operator", "raden" + i)));
      assertThat(wrong.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right =
        send(request("/api/v1/tasks").header("Authorization", basic("operator", "operator-demo")));
    assertThat(right.statusCode()).isEqualTo(429);
    assertThat(right.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    assertThat(right.body()).contains("Te veel mislukte inlogpogingen");
    assertThat(output.getAll())
        .contains("login failed account=operator address=127.0.0.1 failures=5")
        .contains("login refused account=operator");
  }

  @Test
  void theSignInPageSaysToWaitAfterTooManyFailures() throws Exception {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      send(request("/api/v1/tasks").header("Authorization", basic("indringer", "raden" + i)));
    }
    PageClient page = PageClient.anonymous(port);
    page.get("/login");
    PageClient.Page in = page.post("/login", "username", "indringer", "password", "nog-een");
    assertThat(in.status()).isEqualTo(302);
    assertThat(in.location()).endsWith("/login?wacht");
    assertThat(page.get("/login?wacht").body()).contains("Te veel mislukte pogingen");
  }

  @Test
  void outsidersLearnOnlyWhetherTheHubIsUpTheAdministratorSeesTheParts() throws Exception {
    HttpResponse<String> anonymous = send(request("/actuator/health"));
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    HttpResponse<String> beheerder =
        send(request("/actuator/health").header("Authorization", Api.basic("beheerder")));
    assertThat(beheerder.body()).contains("components").contains("\"db\"");
    assertThat(send(request("/actuator/prometheus")).statusCode()).isEqualTo(401);
    assertThat(send(request("/actuator")).statusCode()).isEqualTo(401);
    assertThat(
            send(request("/actuator").header("Authorization", Api.basic("operator"))).statusCode())
        .isEqualTo(403);
    assertThat(
            send(request("/actuator").header("Authorization", Api.basic("beheerder"))).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theErrorPathAskedForDirectlyIsNeverAServerError() throws Exception {
    assertThat(send(request("/error")).statusCode()).isLessThan(500);
    assertThat(send(request("/error").header("Accept", "application/json")).statusCode())
        .isLessThan(500);
    assertThat(PageClient.login(port, "operator").get("/error").status()).isLessThan(500);
  }
}
