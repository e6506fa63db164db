package nl.knooppunt.workers.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules for the workers' {@code production} profile: every setting that has an embedded-only
 * default (a Camunda engine or Kafka broker on this machine, no authentication) must be set to
 * something a production cluster can serve. {@link #problems} names each offending setting, with
 * the environment variable that sets it, so the operator can fix them all at once.
 *
 * <p>Pure: reads settings through a lookup (property name → value or {@code null}), so it is tested
 * without a Spring context. {@link ProductionSettingsCheck} applies it at start.
 */
public final class ProductionSettings {

  static final String GRPC_ADDRESS = "camunda.client.grpc-address";
  static final String REST_ADDRESS = "camunda.client.rest-address";
  static final String MODE = "camunda.client.mode";
  static final String AUTH_METHOD = "camunda.client.auth.method";
  static final String CLIENT_ID = "camunda.client.auth.client-id";
  static final String CLIENT_SECRET = "camunda.client.auth.client-secret";
  static final String TOKEN_URL = "camunda.client.auth.token-url";
  static final String USERNAME = "camunda.client.auth.username";
  static final String PASSWORD = "camunda.client.auth.password";
  static final String CLUSTER_ID = "camunda.client.cloud.cluster-id";
  static final String REGION = "camunda.client.cloud.region";
  static final String KAFKA_BOOTSTRAP = "spring.kafka.bootstrap-servers";
  static final String KAFKA_PROTOCOL = "spring.kafka.security.protocol";
  static final String KAFKA_SASL_MECHANISM = "spring.kafka.properties.sasl.mechanism";
  static final String KAFKA_SASL_JAAS = "spring.kafka.properties.sasl.jaas.config";

  /**
   * Explicit opt-out for a Kafka without TLS, e.g. the single-host compose topology where Kafka is
   * only reachable on the private compose network. Never set it for a Kafka on a shared network.
   */
  static final String KAFKA_PLAINTEXT_ALLOWED = "knooppunt.production.kafka-plaintext-allowed";

  /**
   * Explicit opt-in for tests and single-machine rehearsals: addresses on this machine (Camunda,
   * Kafka, token endpoint) are accepted. Everything else is still checked, authentication too.
   */
  static final String ALLOW_LOOPBACK = "knooppunt.production.allow-loopback";

  private static final Set<String> LOOPBACK =
      Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]", "ip6-localhost");
  private static final Set<String> AUTH_METHODS = Set.of("oidc", "basic");

  private final Function<String, String> settings;
  private boolean allowLoopback;

  private ProductionSettings(Function<String, String> settings) {
    this.settings = settings;
  }

  /** The problems of these settings; empty when the workers may start in production. */
  public static List<String> problems(Function<String, String> settings) {
    return new ProductionSettings(settings).check();
  }

  private List<String> check() {
    List<String> problems = new ArrayList<>();
    allowLoopback = "true".equalsIgnoreCase(value(ALLOW_LOOPBACK));
    String mode = lower(value(MODE));
    String method = lower(value(AUTH_METHOD));
    if ("saas".equals(mode)) {
      require(problems, CLUSTER_ID, "the Camunda SaaS cluster id");
      require(problems, REGION, "the Camunda SaaS region");
      require(problems, CLIENT_ID, "the client id of the cluster's API client");
      require(problems, CLIENT_SECRET, "the client secret of the cluster's API client");
    } else {
      endpoint(problems, GRPC_ADDRESS, method, "the gRPC address of the Camunda 8 gateway");
      endpoint(problems, REST_ADDRESS, method, "the REST address of the Camunda 8 cluster");
      auth(problems, method);
    }
    kafka(problems);
    return problems;
  }

  private void auth(List<String> problems, String method) {
    if (method == null || !AUTH_METHODS.contains(method)) {
      problems.add(
          describe(AUTH_METHOD)
              + " is "
              + (method == null ? "not set" : "'" + method + "'")
              + ": a production cluster needs authentication, set it to 'oidc' (or 'basic')");
      return;
    }
    if (method.equals("oidc")) {
      require(problems, CLIENT_ID, "the OAuth client id of the workers");
      require(problems, CLIENT_SECRET, "the OAuth client secret of the workers");
      require(problems, TOKEN_URL, "the token endpoint of the identity provider");
      String tokenUrl = value(TOKEN_URL);
      if (tokenUrl != null && !allowLoopback && isLoopback(hostOf(tokenUrl))) {
        problems.add(
            describe(TOKEN_URL)
                + " points at this machine ("
                + tokenUrl
                + "): use the identity provider's address");
      }
    } else {
      require(problems, USERNAME, "the user of the workers for basic authentication");
      require(problems, PASSWORD, "the password of the workers for basic authentication");
    }
  }

  private void endpoint(List<String> problems, String name, String method, String what) {
    String address = value(name);
    if (address == null) {
      problems.add(describe(name) + " is not set: " + what);
    } else if (!allowLoopback
        && isLoopback(hostOf(address))
        && (method == null || method.equals("none"))) {
      problems.add(
          describe(name)
              + " is '"
              + address
              + "' (this machine, no authentication): the embedded engine's default; "
              + "point it at the Camunda 8 cluster");
    }
  }

  private void kafka(List<String> problems) {
    String bootstrap = value(KAFKA_BOOTSTRAP);
    if (bootstrap == null) {
      problems.add(describe(KAFKA_BOOTSTRAP) + " is not set: the Kafka cluster's brokers");
    } else if (!allowLoopback) {
      for (String server : bootstrap.split(",")) {
        if (isLoopback(hostOf(server.trim()))) {
          problems.add(
              describe(KAFKA_BOOTSTRAP)
                  + " is '"
                  + bootstrap
                  + "' (this machine): the in-process broker's default; "
                  + "list the brokers of the Kafka cluster");
          break;
        }
      }
    }
    String protocol = value(KAFKA_PROTOCOL);
    String p = protocol == null ? "PLAINTEXT" : protocol.toUpperCase(Locale.ROOT);
    if (p.equals("PLAINTEXT") || p.equals("SASL_PLAINTEXT")) {
      if (!"true".equalsIgnoreCase(value(KAFKA_PLAINTEXT_ALLOWED))) {
        problems.add(
            describe(KAFKA_PROTOCOL)
                + " is "
                + (protocol == null ? "not set (PLAINTEXT)" : "'" + protocol + "'")
                + ": use SASL_SSL or SSL, or set "
                + describe(KAFKA_PLAINTEXT_ALLOWED)
                + "=true for a Kafka reachable only on a private network");
      }
    }
    if (p.startsWith("SASL_")) {
      require(problems, KAFKA_SASL_MECHANISM, "the SASL mechanism, e.g. SCRAM-SHA-512");
      require(problems, KAFKA_SASL_JAAS, "the SASL login of the workers (JAAS config)");
    }
  }

  private void require(List<String> problems, String name, String what) {
    if (value(name) == null) {
      problems.add(describe(name) + " is not set: " + what);
    }
  }

  private String value(String name) {
    String v = settings.apply(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The property with the environment variable that sets it: {@code a.b-c (A_BC)}. */
  static String describe(String property) {
    return property + " (" + environmentVariable(property) + ")";
  }

  static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** The host of {@code http://host:port/…}, {@code grpc://host:port}, or {@code host:port}. */
  static String hostOf(String address) {
    String a = address.trim();
    if (!a.contains("://")) {
      a = "tcp://" + a;
    }
    try {
      String host = URI.create(a).getHost();
      if (host != null) {
        return host.toLowerCase(Locale.ROOT);
      }
    } catch (IllegalArgumentException e) {
      // fall through to the plain form
    }
    String rest = a.substring(a.indexOf("://") + 3);
    int end = rest.indexOf('/');
    if (end >= 0) {
      rest = rest.substring(0, end);
    }
    int colon = rest.lastIndexOf(':');
    return (colon > 0 && !rest.endsWith("]") ? rest.substring(0, colon) : rest)
        .toLowerCase(Locale.ROOT);
  }

  static boolean isLoopback(String host) {
    return host != null && (LOOPBACK.contains(host) || host.startsWith("127."));
  }
}
