package nl.knooppunt.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every Spring, Camunda-client and actuator environment variable that compose and the Helm chart
 * give our apps binds to a property that exists: the names are checked against the configuration
 * metadata of the apps' classpath (Spring Boot, Camunda starter). A misspelt variable would
 * otherwise be ignored silently (e.g. {@code SPRING_KAFKA_SSL_TRUSTSTORE_LOCATION} instead of
 * {@code SPRING_KAFKA_SSL_TRUSTSTORELOCATION}).
 */
class EnvironmentNamesTest {

  static final List<String> CHECKED_PREFIXES =
      List.of("SPRING_", "MANAGEMENT_", "SERVER_", "CAMUNDA_CLIENT_", "CAMUNDA_");
  static Set<String> known = new HashSet<>();
  static Set<String> mapPrefixes = new HashSet<>();
  static Path deploy;

  @BeforeAll
  static void loadMetadata() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String name :
        List.of(
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json")) {
      for (URL url :
          Collections.list(EnvironmentNamesTest.class.getClassLoader().getResources(name))) {
        try (InputStream in = url.openStream()) {
          JsonNode properties = json.readTree(in).path("properties");
          for (JsonNode p : properties) {
            String env = environmentName(p.path("name").asText());
            known.add(env);
            if (p.path("type").asText().startsWith("java.util.Map")) {
              mapPrefixes.add(env + "_");
            }
          }
        }
      }
    }
    assertThat(known).contains("SPRING_KAFKA_BOOTSTRAPSERVERS", "CAMUNDA_CLIENT_GRPCADDRESS");
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/compose"))) {
      dir = dir.getParent();
    }
    deploy = dir.resolve("deploy");
  }

  static String environmentName(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  static List<String> unknown(Iterable<String> names) {
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      if (CHECKED_PREFIXES.stream().noneMatch(n::startsWith) || known.contains(n)) {
        continue;
      }
      if (mapPrefixes.stream().anyMatch(n::startsWith)) {
        continue;
      }
      unknown.add(n);
    }
    return unknown;
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeGivesOurAppsOnlyExistingSettings() throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(deploy.resolve("compose/compose.yaml")));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Set<String> names = new TreeSet<>();
    for (String app : List.of("gateway", "workers")) {
      names.addAll(
          ((Map<String, Object>) ((Map<String, Object>) services.get(app)).get("environment"))
              .keySet());
    }
    assertThat(names).isNotEmpty();
    assertThat(unknown(names)).isEmpty();
  }

  @Test
  void theHelmChartGivesOurAppsOnlyExistingSettings() throws IOException {
    Path chart = deploy.resolve("helm/knooppunt");
    Map<String, Object> values =
        new Yaml().load(Files.readString(chart.resolve("values.yaml"), StandardCharsets.UTF_8));
    Map<String, Object> chartYaml = new Yaml().load(Files.readString(chart.resolve("Chart.yaml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> workers = (Map<String, Object>) values.get("workers");
    workers.put("hubContact", "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 123 4567");
    workers.put("smtpHost", "smtp-relay.knooppunt.example.nl");
    workers.put("mailSender", "knooppunt@knooppunt.example.nl");
    workers.put("smsUrl", "https://sms.provider.example/v1/messages");
    HelmLite helm = new HelmLite(values, chartYaml, "knooppunt");
    helm.helpers(Files.readString(chart.resolve("templates/_helpers.tpl")));
    Set<String> names = new TreeSet<>();
    for (String t :
        List.of("configmap.yaml", "gateway-deployment.yaml", "workers-deployment.yaml")) {
      for (Object doc :
          new Yaml().loadAll(helm.render(Files.readString(chart.resolve("templates/" + t))))) {
        collectEnvNames(doc, names);
      }
    }
    assertThat(names)
        .contains("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "SPRING_KAFKA_SECURITY_PROTOCOL");
    assertThat(unknown(names)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static void collectEnvNames(Object doc, Set<String> names) {
    Map<String, Object> d = (Map<String, Object>) doc;
    if ("ConfigMap".equals(d.get("kind"))) {
      names.addAll(((Map<String, Object>) d.get("data")).keySet());
      return;
    }
    Map<String, Object> spec =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template"))
                .get("spec");
    for (Object c : (List<Object>) spec.get("containers")) {
      for (Object e : (List<Object>) ((Map<String, Object>) c).get("env")) {
        names.add((String) ((Map<String, Object>) e).get("name"));
      }
    }
  }

  @Test
  void theNamingRuleIsSpringsRelaxedBinding() {
    assertThat(environmentName("spring.kafka.ssl.trust-store-location"))
        .isEqualTo("SPRING_KAFKA_SSL_TRUSTSTORELOCATION");
    assertThat(unknown(List.of("SPRING_KAFKA_SSL_TRUSTSTORE_LOCATION")))
        .containsExactly("SPRING_KAFKA_SSL_TRUSTSTORE_LOCATION");
    assertThat(unknown(List.of("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "TZ"))).isEmpty();
  }
}
