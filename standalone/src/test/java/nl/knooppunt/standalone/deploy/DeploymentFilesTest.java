package nl.knooppunt.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.directory.SafetyRegion;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The production topology in {@code deploy/} is checked without Docker or Kubernetes: the compose
 * file, the Dockerfiles, the Keycloak realm, the Kafka topic definitions, and the Helm chart
 * rendered by {@link HelmLite} (no {@code helm} binary is available from Debian or npm).
 */
class DeploymentFilesTest {

  static Path deploy;

  /** Keys whose values are secrets: they may only be references, never values. */
  static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|secret|jaas|credential|private_?key|_pw$).*");

  /** A compose variable reference: ${VAR}, ${VAR:?message}, ${VAR?message}. */
  static final Pattern VAR_REF = Pattern.compile("^\\$\\{[A-Z][A-Z0-9_]*(:?\\?[^}]*)?\\}$");

  /** Keys that name a Kubernetes Secret (or a key in one), not a secret value. */
  static final Set<String> SECRET_REFERENCE_KEYS =
      Set.of("existingSecret", "existingSecretKey", "secretName", "tlsSecret", "truststoreSecret");

  @BeforeAll
  static void findDeploy() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/compose"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root with deploy/compose").isNotNull();
    deploy = dir.resolve("deploy");
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Yaml yaml() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    return new Yaml(o);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String path) {
    Object current = node;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(part);
    }
    return (T) current;
  }

  /** An image reference is pinned: it has a tag (or digest) and the tag is not latest. */
  static void assertPinned(String where, String image) {
    assertThat(image).as(where + ": image").isNotBlank();
    String afterSlash = image.substring(image.lastIndexOf('/') + 1);
    boolean digest = image.contains("@sha256:");
    assertThat(digest || afterSlash.contains(":"))
        .as(where + ": image '" + image + "' has a tag")
        .isTrue();
    String tag = afterSlash.substring(afterSlash.indexOf(':') + 1);
    assertThat(tag).as(where + ": tag of '" + image + "'").isNotEqualToIgnoringCase("latest");
    assertThat(tag).as(where + ": tag of '" + image + "'").isNotBlank();
  }

  /** Walks a parsed YAML tree, calling back with (dotted path, value) for every scalar. */
  static void walk(String path, Object node, BiConsumer<String, Object> scalar) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, scalar));
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        walk(path + "[" + i + "]", l.get(i), scalar);
      }
    } else {
      scalar.accept(path, node);
    }
  }

  static String lastKey(String path) {
    String p = path.replaceAll("\\[\\d+]$", "");
    return p.substring(p.lastIndexOf('.') + 1);
  }

  // ------------------------------------------------------------------------------------------
  @Nested
  class Compose {

    Map<String, Object> compose;
    Map<String, Object> services;
    Map<String, String> envExample;

    @org.junit.jupiter.api.BeforeEach
    void load() {
      compose = map(yaml().load(read(deploy.resolve("compose/compose.yaml"))));
      services = map(compose.get("services"));
      envExample = new LinkedHashMap<>();
      for (String line : read(deploy.resolve("compose/.env.example")).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int eq = line.indexOf('=');
          envExample.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    }

    /** environment as a map, whether written as a map or as a list of KEY=value. */
    Map<String, String> environment(Map<String, Object> service) {
      Map<String, String> env = new LinkedHashMap<>();
      Object e = service.get("environment");
      if (e instanceof Map<?, ?> m) {
        m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
      } else if (e instanceof List<?> l) {
        for (Object item : l) {
          String s = String.valueOf(item);
          int eq = s.indexOf('=');
          env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
        }
      }
      return env;
    }

    String resolveVars(String s) {
      Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)[^}]*}").matcher(s);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String v = envExample.get(m.group(1));
        assertThat(v).as(".env.example defines " + m.group(1)).isNotNull();
        m.appendReplacement(b, Matcher.quoteReplacement(v));
      }
      m.appendTail(b);
      return b.toString();
    }

    @Test
    void hasTheWholeTopology() {
      assertThat(services)
          .containsKeys(
              "camunda",
              "elasticsearch",
              "kafka",
              "topic-init",
              "postgres",
              "keycloak",
              "gateway",
              "workers",
              "proxy");
    }

    @Test
    void everyServiceHasAPinnedImage() {
      services.forEach(
          (name, s) -> {
            String image = (String) map(s).get("image");
            assertThat(image).as(name + " has an image").isNotNull();
            assertPinned("compose service " + name, resolveVars(image));
          });
      assertThat(at(services, "camunda.image").toString()).startsWith("camunda/camunda:8.8.");
      assertThat(at(services, "kafka.image").toString()).startsWith("apache/kafka:");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
      services.forEach(
          (name, s) -> {
            if ("no".equals(map(s).get("restart"))) {
              return; // one-shot job (topic-init)
            }
            Object test = at(s, "healthcheck.test");
            assertThat(test).as(name + " healthcheck").isNotNull();
            assertThat(at(s, "restart").toString()).as(name + " restart").isNotEqualTo("no");
          });
    }

    @Test
    void noSecretIsInline() {
      services.forEach(
          (name, s) ->
              environment(map(s))
                  .forEach(
                      (k, v) -> {
                        if (SECRET_KEY.matcher(k).matches()) {
                          assertThat(v)
                              .as(name + ": " + k + " must come from .env as ${VAR}")
                              .matches(VAR_REF);
                        }
                      }));
      envExample.forEach(
          (k, v) -> {
            if (SECRET_KEY.matcher(k).matches() || k.equals("KAFKA_CLUSTER_ID")) {
              assertThat(v).as(".env.example " + k).isEqualTo("change-me");
            }
          });
      assertThat(read(deploy.resolve("compose/.gitignore")).lines()).contains(".env");
    }

    @Test
    void ourAppsRunTwiceFromTheirDockerfilesInTheProductionProfile() {
      for (String app : List.of("gateway", "workers")) {
        Map<String, Object> s = map(services.get(app));
        assertThat((Integer) at(s, "deploy.replicas"))
            .as(app + " replicas")
            .isGreaterThanOrEqualTo(2);
        String dockerfile = at(s, "build.dockerfile");
        assertThat(dockerfile).isEqualTo("deploy/docker/" + app + ".Dockerfile");
        assertThat(deploy.getParent().resolve(dockerfile)).exists();
        assertThat(s).doesNotContainKey("container_name"); // would forbid replicas
        Map<String, String> env = environment(s);
        assertThat(env)
            .containsEntry("SPRING_PROFILES_ACTIVE", "production")
            .containsEntry("CAMUNDA_CLIENT_AUTH_METHOD", "oidc")
            .containsKeys("CAMUNDA_CLIENT_AUTH_CLIENTID", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET");
        assertThat(env.get("CAMUNDA_CLIENT_GRPCADDRESS")).doesNotContain("localhost");
        assertThat(env.get("KNOOPPUNT_KAFKA_BOOTSTRAP")).doesNotContain("localhost");
        assertThat(at(s, "depends_on.topic-init.condition").toString())
            .isEqualTo("service_completed_successfully");
      }
      assertThat(environment(map(services.get("gateway"))))
          .containsKeys(
              "KNOOPPUNT_JDBC_URL",
              "KNOOPPUNT_JDBC_PASSWORD",
              "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
    }

    @Test
    void camundaIsASecuredOrchestrationClusterWithSecondaryStorage() {
      Map<String, String> env = environment(map(services.get("camunda")));
      assertThat(env)
          .containsEntry("CAMUNDA_SECURITY_AUTHENTICATION_METHOD", "oidc")
          .containsEntry("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "false")
          .containsEntry("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "true")
          .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch");
      assertThat(env.values()).contains("knooppunt-workers", "knooppunt-gateway");
    }

    @Test
    void everyVariableTheComposeFileUsesIsInEnvExample() {
      String text =
          read(deploy.resolve("compose/compose.yaml"))
              .lines()
              .filter(l -> !l.trim().startsWith("#"))
              .collect(Collectors.joining("\n"));
      Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)([^}]*)}").matcher(text);
      Set<String> missing = new TreeSet<>();
      while (m.find()) {
        boolean hasDefault = m.group(2).startsWith(":-");
        if (!hasDefault && !envExample.containsKey(m.group(1))) {
          missing.add(m.group(1));
        }
      }
      assertThat(missing).as("variables without a default missing in .env.example").isEmpty();
    }

    /**
     * Two gateways behind nginx without affinity (docs/adr/0038): every replica in the same
     * consumer groups (each event projected once), and the proxy round robin, not sticky.
     */
    @Test
    void theGatewayReplicasShareTheirConsumerGroupsBehindARoundRobinProxy() {
      assertThat(environment(map(services.get("gateway"))))
          .containsEntry("KNOOPPUNT_GATEWAY_EVENTS_GROUP", "knooppunt-gateway-read-model")
          .containsEntry(
              "KNOOPPUNT_GATEWAY_ACKNOWLEDGEMENTS_GROUP", "knooppunt-gateway-acknowledgements");
      String nginx =
          read(deploy.resolve("compose/nginx/knooppunt.conf"))
              .lines()
              .filter(l -> !l.trim().startsWith("#"))
              .collect(Collectors.joining("\n"));
      assertThat(nginx)
          .contains("upstream knooppunt_gateway")
          .doesNotContain("ip_hash", "sticky", "hash ");
    }

    /** The workers' environment in compose passes the workers' own production-settings check. */
    @Test
    void theWorkersSettingsPassTheirProductionCheck() {
      Map<String, Object> env = new HashMap<>();
      environment(map(services.get("workers"))).forEach((k, v) -> env.put(k, resolveVars(v)));
      assertThat(ProductionSettingsLookup.problems(env)).isEmpty();
    }

    /** The gateway's environment in compose passes the gateway's production-settings check. */
    @Test
    void theGatewaySettingsPassTheirProductionCheck() {
      Map<String, Object> env = new HashMap<>();
      environment(map(services.get("gateway"))).forEach((k, v) -> env.put(k, resolveVars(v)));
      assertThat(ProductionSettingsLookup.gatewayProblems(env)).isEmpty();
    }

    @Test
    void everyKeycloakPlaceholderIsPassedToKeycloak() {
      String realm = read(deploy.resolve("compose/keycloak/realm-knooppunt.json"));
      Set<String> placeholders = new TreeSet<>();
      Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(realm);
      while (m.find()) {
        placeholders.add(m.group(1));
      }
      assertThat(placeholders).isNotEmpty();
      assertThat(environment(map(services.get("keycloak"))).keySet()).containsAll(placeholders);
    }
  }

  // ------------------------------------------------------------------------------------------
  @Nested
  class Realm {

    JsonNode realm;

    @org.junit.jupiter.api.BeforeEach
    void load() throws IOException {
      realm =
          new ObjectMapper()
              .readTree(read(deploy.resolve("compose/keycloak/realm-knooppunt.json")));
    }

    Stream<JsonNode> all(String field) {
      return StreamSupport.stream(realm.get(field).spliterator(), false);
    }

    @Test
    void hasARealmRoleForEveryRoleOfTheGateway() {
      Set<Rol> mapped =
          StreamSupport.stream(realm.at("/roles/realm").spliterator(), false)
              .map(r -> Rol.parse(r.get("name").asText()).orElseThrow())
              .collect(Collectors.toSet());
      assertThat(mapped).containsExactlyInAnyOrder(Rol.values());
    }

    @Test
    void hasAGroupPerVeiligheidsregioCarryingItsCode() {
      Directory directory = Directory.load(new DemoContactBook());
      Map<String, String> groups = new HashMap<>();
      all("groups")
          .filter(g -> g.get("name").asText().startsWith("regio-"))
          .forEach(
              g -> {
                groups.put(g.get("name").asText(), g.at("/attributes/vr_code/0").asText());
                assertThat(g.at("/realmRoles/0").asText()).isEqualTo("regio");
              });
      assertThat(groups).hasSize(25);
      for (SafetyRegion r : directory.regions()) {
        assertThat(groups).containsEntry("regio-" + r.code(), r.code());
      }
    }

    @Test
    void demoUsersCoverEveryRoleAndHaveNoInlinePassword() {
      Set<String> roles = new TreeSet<>();
      all("users")
          .forEach(
              u -> {
                u.get("realmRoles").forEach(r -> roles.add(r.asText()));
                u.get("groups")
                    .forEach(
                        g ->
                            roles.add(
                                g.asText().startsWith("/regio-")
                                    ? "regio"
                                    : g.asText().startsWith("/politie-") ? "politie" : "?"));
                u.get("credentials")
                    .forEach(
                        c -> {
                          assertThat(c.get("value").asText()).matches(VAR_REF);
                          assertThat(c.get("temporary").asBoolean()).isTrue();
                        });
              });
      for (Rol r : Rol.values()) {
        assertThat(roles.stream().anyMatch(n -> Rol.parse(n).orElse(null) == r))
            .as("a demo user with role " + r)
            .isTrue();
      }
      assertThat(all("users").map(u -> u.get("username").asText()))
          .contains("operator", "nctv", "nctv2", "regio-utrecht", "gezag-utrecht");
    }

    @Test
    void clientSecretsArePlaceholdersAndScopeClaimsAreMapped() {
      all("clients")
          .filter(c -> c.has("secret"))
          .forEach(c -> assertThat(c.get("secret").asText()).matches(VAR_REF));
      assertThat(all("clients").map(c -> c.get("clientId").asText()))
          .contains(
              "knooppunt-web", "knooppunt-gateway", "knooppunt-workers", "orchestration-cluster");
      JsonNode web =
          all("clients")
              .filter(c -> c.get("clientId").asText().equals("knooppunt-web"))
              .findFirst()
              .orElseThrow();
      assertThat(web.get("publicClient").asBoolean()).isTrue();
      assertThat(
              StreamSupport.stream(web.get("protocolMappers").spliterator(), false)
                  .map(m -> m.at("/config/claim.name").asText()))
          .contains("vr_code", "police_unit", "municipality_code");
    }
  }

  // ------------------------------------------------------------------------------------------
  @Nested
  class Dockerfiles {

    @Test
    void buildLayeredNonRootImagesWithHealthchecks() {
      for (String app : List.of("gateway", "workers")) {
        String df = read(deploy.resolve("docker/" + app + ".Dockerfile"));
        List<String> from =
            df.lines().filter(l -> l.startsWith("FROM ")).map(l -> l.split("\\s+")[1]).toList();
        assertThat(from).as(app + " stages").hasSize(2);
        from.forEach(image -> assertPinned(app + ".Dockerfile", image));
        assertThat(from.get(0)).contains("jdk");
        assertThat(from.get(1)).contains("jre");
        assertThat(df)
            .contains("./mvnw -B -q -pl " + app + " -am package -DskipTests")
            .contains("-Djarmode=tools -jar /src/app.jar extract --layers --launcher")
            .contains("org.springframework.boot.loader.launch.JarLauncher")
            .contains("HEALTHCHECK")
            .contains("/actuator/health/liveness")
            .contains("SPRING_PROFILES_ACTIVE=production");
        String user =
            df.lines().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        assertThat(deploy.resolve("docker/" + app + ".Dockerfile.dockerignore")).exists();
      }
    }

    /**
     * The reactor reads every module's pom: a module added to the parent is copied too (the modules
     * of the build, not those of a profile such as {@code bench}, which an image never builds).
     */
    @Test
    void copyThePomOfEveryModule() {
      String parent = read(deploy.getParent().resolve("pom.xml"));
      int profiles = parent.indexOf("<profiles>");
      Matcher m =
          Pattern.compile("<module>([^<]+)</module>")
              .matcher(profiles < 0 ? parent : parent.substring(0, profiles));
      List<String> modules = new ArrayList<>();
      while (m.find()) {
        modules.add(m.group(1));
      }
      assertThat(modules).contains("production-check", "gateway", "workers");
      for (String app : List.of("gateway", "workers")) {
        String df = read(deploy.resolve("docker/" + app + ".Dockerfile"));
        for (String module : modules) {
          assertThat(df)
              .as(app + ".Dockerfile")
              .contains("COPY " + module + "/pom.xml " + module + "/");
        }
        // compile dependencies of both apps: their sources are built in the image
        assertThat(df).contains("COPY production-check/ production-check/");
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  @Nested
  class Topics {

    record TopicSpec(int partitions, Map<String, String> config) {}

    Map<String, TopicSpec> fromScript() {
      String script = read(deploy.resolve("compose/kafka/create-topics.sh"));
      Map<String, TopicSpec> topics = new LinkedHashMap<>();
      Matcher m = Pattern.compile("\"(knooppunt\\.[^|]+)\\|(\\d+)\\|([^\"]*)\"").matcher(script);
      while (m.find()) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String kv : m.group(3).split(",")) {
          config.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        topics.put(m.group(1), new TopicSpec(Integer.parseInt(m.group(2)), config));
      }
      return topics;
    }

    Map<String, Map<String, Object>> fromHelm() {
      Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
      for (Object doc : yaml().loadAll(read(deploy.resolve("helm/kafka/topics.yaml")))) {
        assertThat((String) at(doc, "kind")).isEqualTo("KafkaTopic");
        topics.put(at(doc, "spec.topicName"), map(at(doc, "spec")));
      }
      return topics;
    }

    @Test
    void everyTopicOfTheCatalogueIsDeclaredInComposeAndKubernetesAlike() {
      Set<String> catalogue =
          Stream.of(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
      Map<String, TopicSpec> script = fromScript();
      Map<String, Map<String, Object>> helm = fromHelm();
      assertThat(script.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
      assertThat(helm.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
      script.forEach(
          (name, spec) -> {
            Map<String, Object> h = helm.get(name);
            assertThat(h.get("partitions")).as(name).isEqualTo(spec.partitions());
            Map<String, Object> hc = map(h.get("config"));
            spec.config()
                .forEach(
                    (k, v) ->
                        assertThat(String.valueOf(hc.get(k))).as(name + " " + k).isEqualTo(v));
          });
    }

    @Test
    void kubernetesTopicsAreReplicatedThreeTimesWithTwoInSync() {
      fromHelm()
          .forEach(
              (name, spec) -> {
                assertThat(spec.get("replicas")).as(name).isEqualTo(3);
                assertThat(map(spec.get("config")).get("min.insync.replicas"))
                    .as(name)
                    .isEqualTo(2);
                assertThat((Integer) spec.get("partitions")).as(name).isGreaterThanOrEqualTo(3);
              });
    }

    @Test
    void theLogbookIsKeptForeverAndThreatLevelsAreCompacted() {
      Map<String, TopicSpec> script = fromScript();
      assertThat(script.get(Topic.EVENTS.topicName()).config())
          .containsEntry("retention.ms", "-1")
          .containsEntry("retention.bytes", "-1")
          .containsEntry("cleanup.policy", "delete");
      assertThat(script.get(Topic.THREAT_LEVELS.topicName()).config())
          .containsEntry("cleanup.policy", "compact");
      String sh = read(deploy.resolve("compose/kafka/create-topics.sh"));
      assertThat(sh).contains("min.insync.replicas=${ISR}").contains("--if-not-exists");
    }
  }

  // ------------------------------------------------------------------------------------------
  @Nested
  class Helm {

    Path chart;
    Map<String, Object> values;
    Map<String, Object> chartYaml;

    @org.junit.jupiter.api.BeforeEach
    void load() {
      chart = deploy.resolve("helm/knooppunt");
      values = map(yaml().load(read(chart.resolve("values.yaml"))));
      chartYaml = map(yaml().load(read(chart.resolve("Chart.yaml"))));
      // the one value an operator must give: the knooppunt's 24/7 contact line in every notice
      map(values.get("workers")).put("hubContact", OPERATOR_HUB_CONTACT);
      operatorDelivery(values);
    }

    /** The values an operator must give for delivery by e-mail and SMS. */
    static void operatorDelivery(Map<String, Object> vals) {
      map(vals.get("workers")).put("smtpHost", "smtp-relay.knooppunt.example.nl");
      map(vals.get("workers")).put("mailSender", "knooppunt@knooppunt.example.nl");
      map(vals.get("workers")).put("smsUrl", "https://sms.provider.example/v1/messages");
    }

    static final String OPERATOR_HUB_CONTACT =
        "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 123 4567";

    @Test
    void theChartRefusesToRenderWithoutTheHubContactOfTheNotices() {
      map(values.get("workers")).put("hubContact", "");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> render(values))
          .hasMessageContaining("workers.hubContact is required");
    }

    List<Map<String, Object>> render(Map<String, Object> vals) {
      HelmLite helm = new HelmLite(vals, chartYaml, "knooppunt");
      List<Map<String, Object>> docs = new ArrayList<>();
      try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
        List<Path> all = files.sorted().toList();
        all.stream().filter(p -> p.toString().endsWith(".tpl")).forEach(p -> helm.helpers(read(p)));
        for (Path p : all) {
          if (!p.toString().endsWith(".yaml")) {
            continue;
          }
          String rendered = helm.render(read(p));
          for (Object doc : yaml().loadAll(rendered)) {
            if (doc != null) {
              docs.add(map(doc));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return docs;
    }

    List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
      return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    @Test
    void chartAndValuesAreComplete() {
      assertThat(chartYaml).containsEntry("apiVersion", "v2").containsKeys("version", "appVersion");
      assertThat(at(values, "image.tag").toString())
          .isNotBlank()
          .isNotEqualToIgnoringCase("latest");
      assertThat((Integer) at(values, "gateway.replicas")).isGreaterThanOrEqualTo(2);
      assertThat((Integer) at(values, "workers.replicas")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void prometheusScrapesTheGatewayOnAManagementPortThatNoServiceExposes() {
      List<Map<String, Object>> docs = render(values);
      Map<String, Object> gateway =
          ofKind(docs, "Deployment").stream()
              .filter(d -> at(d, "metadata.name").toString().endsWith("gateway"))
              .findFirst()
              .orElseThrow();
      String management = at(values, "gateway.managementPort").toString();
      assertThat(
              String.valueOf(
                  (Object)
                      map(at(gateway, "spec.template.metadata.annotations"))
                          .get("prometheus.io/port")))
          .isEqualTo(management);
      Object container = list(at(gateway, "spec.template.spec.containers")).get(0);
      assertThat(list(at(container, "env")))
          .anySatisfy(
              e -> {
                assertThat(at(e, "name").toString()).isEqualTo("MANAGEMENT_SERVER_PORT");
                assertThat(at(e, "value").toString()).isEqualTo(management);
              });
      assertThat(at(container, "readinessProbe.httpGet.port").toString()).isEqualTo("management");
      for (Map<String, Object> service : ofKind(docs, "Service")) {
        for (Object port : list(at(service, "spec.ports"))) {
          assertThat(String.valueOf((Object) at(port, "targetPort")))
              .isNotIn(management, "management");
          assertThat(String.valueOf((Object) at(port, "port"))).isNotEqualTo(management);
        }
      }
    }

    @Test
    void rendersTwoDeploymentsWithReplicasProbesResourcesAndNonRootPods() {
      List<Map<String, Object>> deployments = ofKind(render(values), "Deployment");
      assertThat(deployments).hasSize(2);
      for (Map<String, Object> d : deployments) {
        String name = at(d, "metadata.name");
        assertThat((Integer) at(d, "spec.replicas")).as(name).isGreaterThanOrEqualTo(2);
        assertThat((Boolean) at(d, "spec.template.spec.securityContext.runAsNonRoot")).isTrue();
        Map<String, Object> selector = at(d, "spec.selector.matchLabels");
        assertThat(map(at(d, "spec.template.metadata.labels"))).containsAllEntriesOf(selector);
        for (Object c : list(at(d, "spec.template.spec.containers"))) {
          assertPinned(name, at(c, "image"));
          assertThat(at(c, "livenessProbe.httpGet.path").toString())
              .isEqualTo("/actuator/health/liveness");
          assertThat(at(c, "readinessProbe.httpGet.path").toString())
              .isEqualTo("/actuator/health/readiness");
          assertThat(map(at(c, "resources.requests"))).containsKeys("cpu", "memory");
          assertThat(map(at(c, "resources.limits"))).containsKey("memory");
          assertThat((Boolean) at(c, "securityContext.allowPrivilegeEscalation")).isFalse();
          assertThat(list(at(c, "envFrom"))).isNotEmpty();
          for (Object e : list(at(c, "env"))) {
            String envName = at(e, "name");
            if (SECRET_KEY.matcher(envName).matches()) {
              assertThat(map(e)).as(name + " " + envName).doesNotContainKey("value");
              assertThat((Object) at(e, "valueFrom.secretKeyRef.key"))
                  .as(name + " " + envName + " from a Secret")
                  .isNotNull();
            }
          }
        }
      }
    }

    @Test
    void theGatewayReplicasShareTheirConsumerGroupsAndTheIngressHasNoAffinity() {
      List<Map<String, Object>> docs = render(values);
      Map<String, Object> gateway =
          ofKind(docs, "Deployment").stream()
              .filter(d -> at(d, "metadata.name").toString().endsWith("-gateway"))
              .findFirst()
              .orElseThrow();
      Map<String, Object> env = new HashMap<>();
      for (Object c : list(at(gateway, "spec.template.spec.containers"))) {
        for (Object e : list(at(c, "env"))) {
          env.put(at(e, "name"), map(e).get("value"));
        }
      }
      assertThat(env)
          .containsEntry("KNOOPPUNT_GATEWAY_EVENTS_GROUP", "knooppunt-gateway-read-model")
          .containsEntry(
              "KNOOPPUNT_GATEWAY_ACKNOWLEDGEMENTS_GROUP", "knooppunt-gateway-acknowledgements");
      for (Map<String, Object> ingress : ofKind(docs, "Ingress")) {
        assertThat(map(at(ingress, "metadata.annotations")).keySet())
            .noneMatch(k -> k.contains("affinity") || k.contains("session-cookie"));
      }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetSelectingItsPods() {
      List<Map<String, Object>> docs = render(values);
      List<Map<String, Object>> pdbs = ofKind(docs, "PodDisruptionBudget");
      for (Map<String, Object> d : ofKind(docs, "Deployment")) {
        Map<String, Object> podLabels = at(d, "spec.template.metadata.labels");
        assertThat(pdbs)
            .as("PDB for " + at(d, "metadata.name"))
            .anySatisfy(
                p -> {
                  assertThat(podLabels).containsAllEntriesOf(at(p, "spec.selector.matchLabels"));
                  assertThat((Integer) at(p, "spec.minAvailable")).isGreaterThanOrEqualTo(1);
                  assertThat((Integer) at(p, "spec.minAvailable"))
                      .isLessThan((Integer) at(d, "spec.replicas"));
                });
      }
    }

    @Test
    void theGatewayIsReachableThroughServiceAndIngress() {
      List<Map<String, Object>> docs = render(values);
      Map<String, Object> service =
          ofKind(docs, "Service").stream()
              .filter(s -> at(s, "metadata.name").equals("knooppunt-gateway"))
              .findFirst()
              .orElseThrow();
      List<Map<String, Object>> ingresses = ofKind(docs, "Ingress");
      assertThat(ingresses).hasSize(1);
      Object path = list(at(list(at(ingresses.get(0), "spec.rules")).get(0), "http.paths")).get(0);
      assertThat(at(path, "backend.service.name").toString())
          .isEqualTo(at(service, "metadata.name"));
      assertThat(list(at(ingresses.get(0), "spec.tls"))).isNotEmpty();

      Map<String, Object> noIngress = yaml().load(read(chart.resolve("values.yaml")));
      map(at(noIngress, "gateway.ingress")).put("enabled", false);
      map(noIngress.get("workers")).put("hubContact", OPERATOR_HUB_CONTACT);
      operatorDelivery(noIngress);
      assertThat(ofKind(render(noIngress), "Ingress")).isEmpty();
    }

    /** ConfigMap + container env of the workers (secrets filled in) pass their production check. */
    @Test
    void theWorkersSettingsPassTheirProductionCheck() {
      assertThat(ProductionSettingsLookup.problems(containerEnvironment("-workers"))).isEmpty();
    }

    /** ConfigMap + container env of the gateway (secrets filled in) pass its production check. */
    @Test
    void theGatewaySettingsPassTheirProductionCheck() {
      assertThat(ProductionSettingsLookup.gatewayProblems(containerEnvironment("-gateway")))
          .isEmpty();
    }

    private Map<String, Object> containerEnvironment(String deploymentSuffix) {
      List<Map<String, Object>> docs = render(values);
      Map<String, Object> env = new HashMap<>(map(ofKind(docs, "ConfigMap").get(0).get("data")));
      Map<String, Object> deployment =
          ofKind(docs, "Deployment").stream()
              .filter(d -> at(d, "metadata.name").toString().endsWith(deploymentSuffix))
              .findFirst()
              .orElseThrow();
      for (Object e :
          list(at(list(at(deployment, "spec.template.spec.containers")).get(0), "env"))) {
        Object value = map(e).get("value");
        env.put(
            at(e, "name"),
            value != null ? value : "from-secret-" + at(e, "valueFrom.secretKeyRef.key"));
      }
      return env;
    }

    @Test
    void theConfigMapHoldsNoSecretAndSelectsTheProductionProfile() {
      Map<String, Object> cm = ofKind(render(values), "ConfigMap").get(0);
      Map<String, Object> data = map(cm.get("data"));
      assertThat(data).containsEntry("SPRING_PROFILES_ACTIVE", "production");
      assertThat(data.keySet()).noneMatch(k -> SECRET_KEY.matcher(k).matches());
      assertThat(data)
          .containsKeys(
              "CAMUNDA_CLIENT_GRPCADDRESS",
              "CAMUNDA_CLIENT_RESTADDRESS",
              "CAMUNDA_CLIENT_AUTH_TOKENURL",
              "KNOOPPUNT_KAFKA_BOOTSTRAP",
              "SPRING_KAFKA_SECURITY_PROTOCOL",
              "KNOOPPUNT_JDBC_URL",
              "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
    }

    @Test
    void everyYamlUnderHelmParsesPinsItsImagesAndKeepsSecretsOut() throws IOException {
      List<Path> files;
      try (Stream<Path> s = Files.walk(deploy.resolve("helm"))) {
        files =
            s.filter(p -> p.toString().endsWith(".yaml"))
                .filter(p -> !p.toString().contains("/templates/"))
                .toList();
      }
      assertThat(files).hasSizeGreaterThanOrEqualTo(5);
      for (Path f : files) {
        for (Object doc : yaml().loadAll(read(f))) {
          walk(
              "",
              doc,
              (path, value) -> {
                String key = lastKey(path);
                String where = deploy.relativize(f) + " " + path;
                if (key.equals("image") && value instanceof String s) {
                  assertPinned(where, s);
                }
                if (key.equals("tag")) {
                  assertThat(String.valueOf(value)).as(where).isNotBlank().isNotEqualTo("latest");
                }
                if (SECRET_KEY.matcher(key).matches() && !SECRET_REFERENCE_KEYS.contains(key)) {
                  assertThat(value == null || String.valueOf(value).isEmpty())
                      .as(where + " is a secret value inline")
                      .isTrue();
                }
              });
        }
      }
    }

    @Test
    void camundaChartIsPinnedAndTheClusterIsReplicated() {
      Map<String, Object> camunda =
          yaml().load(read(deploy.resolve("helm/camunda-platform/values.yaml")));
      assertThat(at(camunda, "orchestration.image.tag").toString()).startsWith("8.8.");
      assertThat(Integer.parseInt(at(camunda, "orchestration.clusterSize")))
          .isGreaterThanOrEqualTo(3);
      assertThat(at(camunda, "orchestration.replicationFactor").toString()).isEqualTo("3");
      assertThat((Boolean) at(camunda, "orchestration.podDisruptionBudget.enabled")).isTrue();
      assertThat(at(camunda, "orchestration.security.authentication.method").toString())
          .isEqualTo("oidc");
      assertThat(
              list(at(camunda, "orchestration.security.initialization.defaultRoles.admin.clients")))
          .contains("knooppunt-workers", "knooppunt-gateway");
      String install = read(deploy.resolve("helm/install.sh"));
      Matcher v = Pattern.compile("CAMUNDA_CHART_VERSION=(\\d+\\.\\d+\\.\\d+)").matcher(install);
      assertThat(v.find()).isTrue();
      assertThat(v.group(1)).startsWith("13.");
      assertThat(install).contains("--version \"$CAMUNDA_CHART_VERSION\"");
      assertThat(read(deploy.resolve("helm/camunda-platform/values.yaml")))
          .contains("camunda/camunda-platform " + v.group(1));
    }
  }
}
