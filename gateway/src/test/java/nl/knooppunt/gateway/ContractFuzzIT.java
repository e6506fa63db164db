package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A careless or hostile client, generated from the contract: every operation of {@code
 * openapi/knooppunt-api.yaml} gets malformed requests — odd path ids ({@code %00}, encoded slashes,
 * 5,000 characters), query values of the wrong type, bodies that are not JSON, JSON of the wrong
 * shape, wrong types in every field, {@code [null]} in arrays, trailing content, deep nesting, the
 * wrong content type, a broken multipart. The hub answers none of them with a 5xx, and every 4xx is
 * {@code application/problem+json}, and every answer names the contract's version ({@code
 * API-Version}). The strings come from jqwik's generators with a fixed seed, so a failure repeats.
 */
class ContractFuzzIT extends GatewayITBase {

  private static final long SEED = 20261203L;
  private static final int REQUESTS_PER_OPERATION = 36;
  private static final List<String> USERS =
      List.of("operator", "nctv", "beheerder", "regio-utrecht", "politie", "gezag-utrecht");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Random random = new Random(SEED);

  private RandomGenerator<String> text;
  private RandomGenerator<String> ascii;
  private RandomGenerator<Long> number;

  /** One operation of the contract. */
  record Operation(String method, String path, List<Map<String, Object>> parameters, String body) {}

  @Test
  void aThousandMalformedRequestsOverEveryOperationGetNoServerErrorAndOnlyProblems()
      throws Exception {
    // jqwik's generators outside a jqwik property: in a session of their own, on this thread
    JqwikSession.start();
    try {
      text = Arbitraries.strings().all().ofMaxLength(40).generator(1000);
      ascii = Arbitraries.strings().ascii().ofMaxLength(20).generator(1000);
      number = Arbitraries.longs().generator(1000);
      fuzz();
    } finally {
      JqwikSession.finish();
    }
  }

  private void fuzz() throws Exception {
    Map<String, Object> contract = contract();
    List<Operation> operations = operations(contract);
    assertThat(operations).hasSizeGreaterThan(25);
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Operation op : operations) {
      for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
        HttpRequest request = malformed(op, contract, i);
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        sent++;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500
            || (r.statusCode() >= 400 && !type.startsWith("application/problem+json"))
            || r.headers().firstValue("API-Version").isEmpty()) {
          failures.add(
              r.statusCode()
                  + " "
                  + type
                  + " for "
                  + request.method()
                  + " "
                  + abbreviate(request.uri().toString())
                  + " (case "
                  + i
                  + "): "
                  + abbreviate(r.body()));
        }
      }
    }
    assertThat(sent).isGreaterThanOrEqualTo(1000);
    assertThat(failures)
        .as("server errors, 4xx without problem+json, or no API-Version header")
        .isEmpty();
  }

  private HttpRequest malformed(Operation op, Map<String, Object> contract, int i) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (Map<String, Object> p : op.parameters()) {
      Map<String, Object> param = resolve(contract, p);
      String name = (String) param.get("name");
      String in = (String) param.get("in");
      if ("path".equals(in)) {
        path = path.replace("{" + name + "}", oddId(i));
      } else if ("query".equals(in) && random.nextBoolean()) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(oddQueryValue());
      }
    }
    if (i % 12 == 11) {
      query.append(query.isEmpty() ? "?" : "&").append("x=%00");
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Authorization", Api.basic(USERS.get(random.nextInt(USERS.size()))));
    if (op.body() == null) {
      return b.method(op.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    String contentType = "application/json";
    String body;
    switch (i % 9) {
      case 0 -> body = "{\"a\":";
      case 1 -> body = jsonScalar();
      case 2 -> body = wrongTypes(contract, op.body());
      case 3 -> body = wrongTypes(contract, op.body()) + " {\"meer\":1}";
      case 4 -> body = "[" + "[".repeat(3000) + "]".repeat(3000) + "]";
      case 5 -> {
        contentType = "multipart/form-data; boundary=kapot";
        body = "--kapot\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nhalf";
      }
      case 6 -> {
        contentType = "text/plain";
        body = text.next(random).value();
      }
      case 7 -> body = nullsEverywhere(contract, op.body());
      default -> body = "{\"" + escape(text.next(random).value()) + "\":" + jsonScalar() + "}";
    }
    return b.header("Content-Type", contentType)
        .method(op.method(), HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String oddId(int i) {
    return switch (i % 6) {
      case 0 -> "%00";
      case 1 -> "a%2Fb";
      case 2 -> "x".repeat(5000);
      case 3 -> URLEncoder.encode(text.next(random).value(), StandardCharsets.UTF_8);
      case 4 -> String.valueOf(number.next(random).value());
      default -> "%E2%82";
    };
  }

  private String oddQueryValue() {
    return switch (random.nextInt(4)) {
      case 0 -> "%00";
      case 1 -> URLEncoder.encode(text.next(random).value(), StandardCharsets.UTF_8);
      case 2 -> String.valueOf(number.next(random).value());
      default -> "%C0%AF%FF";
    };
  }

  private String jsonScalar() {
    return switch (random.nextInt(6)) {
      case 0 -> "\"" + escape(text.next(random).value()) + "\"";
      case 1 -> String.valueOf(number.next(random).value());
      case 2 -> "1.5e308";
      case 3 -> "null";
      case 4 -> "[null]";
      default -> random.nextBoolean() ? "true" : "\"\\u0000\"";
    };
  }

  /** The body's schema with a value of the wrong type in every property. */
  private String wrongTypes(Map<String, Object> contract, String schemaRef) {
    Map<String, Object> schema = resolveRef(contract, schemaRef);
    Map<?, ?> properties = (Map<?, ?>) schema.getOrDefault("properties", Map.of());
    StringBuilder s = new StringBuilder("{");
    for (Object name : properties.keySet()) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(name).append("\":").append(wrongFor((Map<?, ?>) properties.get(name)));
    }
    return s.append('}').toString();
  }

  private String wrongFor(Map<?, ?> property) {
    Object type = property.get("type");
    if ("string".equals(type)) {
      return random.nextBoolean() ? String.valueOf(number.next(random).value()) : "[null]";
    }
    if ("integer".equals(type) || "number".equals(type)) {
      return random.nextBoolean() ? "\"" + escape(ascii.next(random).value()) + "\"" : "1.5";
    }
    if ("boolean".equals(type)) {
      return random.nextBoolean() ? "\"true\"" : "2";
    }
    if ("array".equals(type)) {
      return random.nextBoolean() ? "[null]" : "{\"a\":[null]}";
    }
    return random.nextBoolean() ? "\"" + escape(text.next(random).value()) + "\"" : "[[null]]";
  }

  private String nullsEverywhere(Map<String, Object> contract, String schemaRef) {
    Map<String, Object> schema = resolveRef(contract, schemaRef);
    Map<?, ?> properties = (Map<?, ?>) schema.getOrDefault("properties", Map.of());
    StringBuilder s = new StringBuilder("{");
    for (Object name : properties.keySet()) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(name).append("\":").append(random.nextBoolean() ? "null" : "[null]");
    }
    return s.append('}').toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contract() throws IOException {
    try (InputStream in = ContractFuzzIT.class.getResourceAsStream("/openapi/knooppunt-api.yaml")) {
      assertThat(in).as("the contract on the classpath").isNotNull();
      return (Map<String, Object>) new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> operations(Map<String, Object> contract) {
    List<Operation> out = new ArrayList<>();
    // the paths are relative to the server URL, which carries the major version (/api/v1)
    String server =
        (String) ((List<Map<String, Object>>) contract.get("servers")).get(0).get("url");
    Map<String, Object> paths = (Map<String, Object>) contract.get("paths");
    paths.forEach(
        (path, item) -> {
          Map<String, Object> methods = new LinkedHashMap<>((Map<String, Object>) item);
          List<Map<String, Object>> shared =
              (List<Map<String, Object>>) methods.getOrDefault("parameters", List.of());
          for (String method : List.of("get", "post", "put", "patch", "delete")) {
            Map<String, Object> op = (Map<String, Object>) methods.get(method);
            if (op == null) {
              continue;
            }
            List<Map<String, Object>> parameters = new ArrayList<>(shared);
            parameters.addAll((List<Map<String, Object>>) op.getOrDefault("parameters", List.of()));
            String body = null;
            Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
            if (requestBody != null) {
              Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
              Map<String, Object> json = (Map<String, Object>) content.get("application/json");
              Map<String, Object> schema =
                  json == null ? Map.of() : (Map<String, Object>) json.get("schema");
              body = (String) schema.getOrDefault("$ref", "#/components/schemas/__leeg");
            }
            out.add(new Operation(method.toUpperCase(), server + path, parameters, body));
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> contract, Map<String, Object> p) {
    Object ref = p.get("$ref");
    return ref == null ? p : resolveRef(contract, (String) ref);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolveRef(Map<String, Object> contract, String ref) {
    Object node = contract;
    for (String part : ref.substring(2).split("/")) {
      node = node instanceof Map<?, ?> m ? m.get(part) : null;
    }
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
