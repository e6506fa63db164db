package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for the page tests of the gateway: logs in through the login form,
 * keeps the session cookie, sends the CSRF token of the last page with every form, does not follow
 * redirects.
 */
public final class PageClient {

  /** A page response; {@code location} is empty without a redirect. */
  public record Page(int status, String location, String body) {}

  private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final int port;
  private String csrf;

  private PageClient(int port) {
    this.port = port;
  }

  /** A visitor who has not signed in. */
  public static PageClient anonymous(int port) {
    return new PageClient(port);
  }

  /** Logs a demo user in (password from {@link Api#PASSWORDS}). */
  public static PageClient login(int port, String user) {
    PageClient c = new PageClient(port);
    c.get("/login");
    Page in = c.post("/login", "username", user, "password", Api.PASSWORDS.get(user));
    assertThat(in.status()).as("login of %s", user).isEqualTo(302);
    assertThat(in.location()).as("login of %s", user).doesNotContain("error");
    return c;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Posts a form of name/value pairs (a name may repeat). */
  public Page post(String path, String... pairs) {
    return send(form(path, pairs));
  }

  /** Clicks Echt / Oefening in the header of the page at {@code from}. */
  public Page chooseWorld(boolean exercise, String from) {
    get(from);
    return send(
        form("/wereld", "oefening", String.valueOf(exercise))
            .header("Referer", uri(from).toString()));
  }

  /** Opens the live-update stream of the signed-in session; the caller closes the body. */
  public HttpResponse<java.io.InputStream> stream(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder form(String path, String... pairs) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    if (csrf != null) {
      form.put("_csrf", List.of(csrf));
    }
    List<String> parts = new ArrayList<>();
    form.forEach(
        (k, vs) ->
            vs.forEach(
                v ->
                    parts.add(
                        URLEncoder.encode(k, StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
