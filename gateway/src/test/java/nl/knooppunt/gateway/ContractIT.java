package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * The implementation matches the contract: every operation of {@code knooppunt-api.yaml} has
 * exactly one handler (the generated interface method of the same name) at its path and method,
 * answers over HTTP (no 404 for a missing route, no 405, no 500), and there is no API route the
 * contract does not name. Swagger UI and the contract itself are served without login.
 */
class ContractIT extends GatewayITBase {

  record Operation(String id, String method, String path) {}

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @SuppressWarnings("unchecked")
  static List<Operation> operations() throws Exception {
    try (InputStream in =
        ContractIT.class.getClassLoader().getResourceAsStream("openapi/knooppunt-api.yaml")) {
      Map<String, Object> spec = new Yaml().load(in);
      // the paths are relative to the server URL, which carries the major version (/api/v1)
      String server = (String) ((List<Map<String, Object>>) spec.get("servers")).get(0).get("url");
      List<Operation> out = new ArrayList<>();
      ((Map<String, Map<String, Object>>) spec.get("paths"))
          .forEach(
              (path, methods) ->
                  methods.forEach(
                      (method, op) -> {
                        if (op instanceof Map<?, ?> m && m.containsKey("operationId")) {
                          out.add(
                              new Operation(
                                  (String) m.get("operationId"),
                                  method.toUpperCase(),
                                  server + path));
                        }
                      }));
      return out;
    }
  }

  @Test
  void everyOperationHasExactlyOneHandlerAtItsPathAndMethod() throws Exception {
    Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods();
    for (Operation op : operations()) {
      List<RequestMappingInfo> matching =
          handlers.entrySet().stream()
              .filter(e -> e.getValue().getMethod().getName().equals(op.id()))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(matching).as(op.id()).hasSize(1);
      RequestMappingInfo info = matching.get(0);
      assertThat(info.getPatternValues()).as(op.id()).contains(op.path());
      assertThat(info.getMethodsCondition().getMethods().stream().map(Enum::name))
          .as(op.id())
          .containsExactly(op.method());
    }
  }

  @Test
  void thereIsNoApiRouteTheContractDoesNotName() throws Exception {
    Set<String> contract = new TreeSet<>();
    operations().forEach(o -> contract.add(o.id()));
    Set<String> implemented = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                implemented.add(handler.getMethod().getName());
              }
            });
    assertThat(implemented).isEqualTo(contract);
  }

  @Test
  void everyOperationIsReachable() throws Exception {
    for (Operation op : operations()) {
      String path = op.path().replaceAll("\\{[^}]+}", "1");
      Api.Response r =
          api.send(op.method(), path, "beheerder", op.method().equals("POST") ? "{}" : null, null);
      assertThat(r.status()).as(op.id() + " " + r).isNotIn(405, 415, 500);
      if (r.status() == 404) {
        assertThat(r.json().path("type").asText())
            .as(op.id() + ": a 404 must be an unknown resource, not a missing route")
            .endsWith("/onbekend");
      }
      assertThat(r.contentType()).as(op.id()).isNotNull();
      assertThat(r.apiVersion()).as(op.id() + " API-Version").isEqualTo(contractVersion());
      if (r.status() >= 400) {
        assertThat(r.isProblem()).as(op.id() + " " + r).isTrue();
      }
    }
  }

  @SuppressWarnings("unchecked")
  static String contractVersion() throws Exception {
    try (InputStream in =
        ContractIT.class.getClassLoader().getResourceAsStream("openapi/knooppunt-api.yaml")) {
      Map<String, Object> spec = new Yaml().load(in);
      return (String) ((Map<String, Object>) spec.get("info")).get("version");
    }
  }

  /**
   * The API Design Rules (/core/version-header): every API response names the full version of the
   * contract, whoever answers it — the controller, the security chain, the size limit, the web
   * server's own refusal — and a page does not.
   */
  @Test
  void everyApiResponseCarriesTheContractsFullVersion() throws Exception {
    String version = contractVersion();
    assertThat(version).matches("1\\.\\d+\\.\\d+");
    Map<String, Api.Response> responses =
        Map.of(
            "200 public", api.get("/api/v1/info", null),
            "200 signed in", api.get("/api/v1/me", "operator"),
            "401", api.get("/api/v1/crises", null),
            "403", api.get("/api/v1/tasks", "management"),
            "404 unknown crisis", api.get("/api/v1/crises/ONBEKEND", "operator"),
            "400 bad query", api.get("/api/v1/crises?size=0", "beheerder"),
            "400 refused by the firewall", api.get("/api/v1/crises/a;b", "operator"),
            "400 refused by the web server", api.get("/api/v1/crises/a%2Fb", "operator"),
            "413",
                api.post(
                    "/api/v1/notifications/acknowledgements",
                    "operator",
                    "x".repeat(3 * 1024 * 1024)));
    responses.forEach(
        (what, r) -> {
          assertThat(r.status())
              .as(what + " " + r)
              .isEqualTo(Integer.parseInt(what.substring(0, 3)));
          assertThat(r.apiVersion()).as(what + " " + r).isEqualTo(version);
        });
    assertThat(api.get("/crises", "operator").apiVersion()).as("a page").isNull();
  }

  @Test
  void swaggerUiAndTheContractArePublic() {
    Api.Response contract = api.get("/openapi/knooppunt-api.yaml", null);
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.body()).startsWith("openapi: 3.0.3");
    Api.Response ui = api.get("/swagger-ui/index.html", null);
    assertThat(ui.status()).as(ui.toString()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
    Api.Response config = api.get("/v3/api-docs/swagger-config", null);
    assertThat(config.status()).as(config.toString()).isEqualTo(200);
    assertThat(config.body()).contains("/openapi/knooppunt-api.yaml");
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/info", null).json().path("mode").asText()).isEqualTo("embedded");
  }
}
