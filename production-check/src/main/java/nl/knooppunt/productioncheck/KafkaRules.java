package nl.knooppunt.productioncheck;

import java.util.Locale;

/**
 * The rules of the Kafka client (gateway and workers alike): the cluster's brokers, not the
 * in-process broker on this machine; TLS unless explicitly waived for a private network; a SASL
 * login when SASL is used.
 */
public final class KafkaRules {

  public static final String BOOTSTRAP = "spring.kafka.bootstrap-servers";
  public static final String PROTOCOL = "spring.kafka.security.protocol";
  public static final String SASL_MECHANISM = "spring.kafka.properties.sasl.mechanism";
  public static final String SASL_JAAS = "spring.kafka.properties.sasl.jaas.config";

  /**
   * Explicit opt-out for a Kafka without TLS, e.g. the single-host compose topology where Kafka is
   * only reachable on the private compose network. Never set it for a Kafka on a shared network.
   */
  public static final String PLAINTEXT_ALLOWED = "knooppunt.production.kafka-plaintext-allowed";

  private KafkaRules() {}

  /**
   * @param application who the client is, in the messages: {@code "the workers"}
   */
  public static Rule of(String application) {
    return Rules.all(
        Rules.remoteAddress(
            BOOTSTRAP,
            "the Kafka cluster's brokers",
            "the in-process broker's default; list the brokers of the Kafka cluster"),
        KafkaRules::tls,
        Rules.when(
            i -> protocol(i).startsWith("SASL_"),
            Rules.required(SASL_MECHANISM, "the SASL mechanism, e.g. SCRAM-SHA-512"),
            Rules.required(SASL_JAAS, "the SASL login of " + application + " (JAAS config)")));
  }

  private static String protocol(Inspection i) {
    String protocol = i.value(PROTOCOL);
    return protocol == null ? "PLAINTEXT" : protocol.toUpperCase(Locale.ROOT);
  }

  private static void tls(Inspection i) {
    String p = protocol(i);
    if ((p.equals("PLAINTEXT") || p.equals("SASL_PLAINTEXT")) && !i.isTrue(PLAINTEXT_ALLOWED)) {
      String protocol = i.value(PROTOCOL);
      i.problem(
          PROTOCOL,
          "is "
              + (protocol == null ? "not set (PLAINTEXT)" : "'" + protocol + "'")
              + ": use SASL_SSL or SSL, or set "
              + Inspection.describe(PLAINTEXT_ALLOWED)
              + "=true for a Kafka reachable only on a private network");
    }
  }
}
