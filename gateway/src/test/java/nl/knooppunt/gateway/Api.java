package nl.knooppunt.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the API tests: real HTTP against the running gateway. */
public final class Api {

  /** The demo accounts (user → password) of gateway.yaml. */
  public static final Map<String, String> PASSWORDS =
      Map.ofEntries(
          Map.entry("operator", "operator-demo"),
          Map.entry("nctv", "nctv-demo"),
          Map.entry("nctv2", "nctv2-demo"),
          Map.entry("dg", "dg-demo"),
          Map.entry("communicatie", "communicatie-demo"),
          Map.entry("locc", "locc-demo"),
          Map.entry("hoofd-locc", "hoofd-locc-demo"),
          Map.entry("korpschef", "korpschef-demo"),
          Map.entry("regio-utrecht", "regio-utrecht-demo"),
          Map.entry("regio-amsterdam", "regio-amsterdam-demo"),
          Map.entry("politie", "politie-demo"),
          Map.entry("om", "om-demo"),
          Map.entry("gezag-utrecht", "gezag-utrecht-demo"),
          Map.entry("management", "management-demo"),
          Map.entry("beheerder", "beheerder-demo"),
          Map.entry("oefenleider", "oefenleider-demo"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  public Api(int port) {
    this.port = port;
  }

  /** A response: status, content type, body and the {@code API-Version} header. */
  public record Response(int status, String contentType, String body, String apiVersion) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("no JSON: " + body, e);
      }
    }

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  /** The HTTP Basic header of a demo user (a wrong password for an unknown user). */
  public static String basic(String user) {
    String token = user + ":" + PASSWORDS.getOrDefault(user, "wrong");
    return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String path, String user) {
    return send("GET", path, user, null, null);
  }

  public Response post(String path, String user, Object body) {
    return send("POST", path, user, body, null);
  }

  public Response send(String method, String path, String user, Object body, String bearer) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (user != null) {
        b.header("Authorization", basic(user));
      }
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      if (text != null) {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(text));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(null),
          r.body(),
          r.headers().firstValue("API-Version").orElse(null));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
