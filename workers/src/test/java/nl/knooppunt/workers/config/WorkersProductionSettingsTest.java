package nl.knooppunt.workers.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.productioncheck.Inspection;
import nl.knooppunt.productioncheck.ProductionSettingsException;
import nl.knooppunt.workers.delivery.RegisterContactBook;
import nl.knooppunt.workers.delivery.SmsChannel;
import nl.knooppunt.workers.notification.NoticeSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The workers' production-settings check: every missing or embedded-only setting is named. */
class WorkersProductionSettingsTest {

  /** A complete production configuration (compose/Helm style, all on the cluster network). */
  static Map<String, String> production() {
    Map<String, String> s = new HashMap<>();
    s.put("camunda.client.mode", "self-managed");
    s.put("camunda.client.grpc-address", "http://camunda-zeebe-gateway:26500");
    s.put("camunda.client.rest-address", "http://camunda-zeebe-gateway:8080");
    s.put("camunda.client.auth.method", "oidc");
    s.put("camunda.client.auth.client-id", "knooppunt-workers");
    s.put("camunda.client.auth.client-secret", "from-a-secret");
    s.put(
        "camunda.client.auth.token-url",
        "https://sso.knooppunt.example/realms/knooppunt/protocol/openid-connect/token");
    s.put("spring.kafka.bootstrap-servers", "kafka-0.kafka:9093,kafka-1.kafka:9093");
    s.put("spring.kafka.security.protocol", "SASL_SSL");
    s.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
    s.put(
        "spring.kafka.properties.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"w\""
            + " password=\"p\";");
    s.put(NoticeSender.HUB_CONTACT, "Landelijk Knooppunt (NCC), 24/7 bereikbaar via de meldkamer");
    deliverySettings(s);
    return s;
  }

  /** Mail, SMS and the acknowledgement link as production gives them. */
  static void deliverySettings(Map<String, String> s) {
    s.put(RegisterContactBook.DEMO_ALLOWED, "false");
    s.put("spring.mail.host", "smtp-relay.knooppunt.example");
    s.put(SmsChannel.URL, "https://sms-gateway.provider.example/v1/messages");
    s.put(AcknowledgementLinks.KEY_SETTING, "from-a-secret-base64-of-32-bytes");
    s.put(AcknowledgementLinks.BASE_URL_SETTING, "https://knooppunt.example");
  }

  @Test
  void demoContactsAreRefusedAndMailSmsAndTheLinkKeyRequired() {
    Map<String, String> s = production();
    s.put(RegisterContactBook.DEMO_ALLOWED, "true");
    s.remove("spring.mail.host");
    s.remove(SmsChannel.URL);
    s.remove(AcknowledgementLinks.KEY_SETTING);
    s.put(AcknowledgementLinks.BASE_URL_SETTING, "http://localhost:8080");

    assertThat(problems(s))
        .anySatisfy(
            p -> assertThat(p).startsWith(RegisterContactBook.DEMO_ALLOWED).contains("demo"))
        .anySatisfy(p -> assertThat(p).startsWith("spring.mail.host").contains("not set"))
        .anySatisfy(p -> assertThat(p).startsWith(SmsChannel.URL).contains("not set"))
        .anySatisfy(
            p -> assertThat(p).startsWith(AcknowledgementLinks.KEY_SETTING).contains("not set"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(AcknowledgementLinks.BASE_URL_SETTING)
                    .contains("localhost"));
  }

  private static List<String> problems(Map<String, String> settings) {
    return WorkersProductionSettings.problems(settings::get);
  }

  @Test
  void aCompleteProductionConfigurationPasses() {
    assertThat(problems(production())).isEmpty();
  }

  @Test
  void theEmbeddedDefaultsAreRefusedNamingEachSetting() {
    // what the workers get from workers.yaml alone: the client's and Kafka's local defaults
    Map<String, String> s = new HashMap<>();
    s.put("camunda.client.mode", "self-managed");
    s.put("camunda.client.grpc-address", "http://localhost:26500");
    s.put("camunda.client.rest-address", "http://127.0.0.1:8088");
    s.put("spring.kafka.bootstrap-servers", "localhost:9092");
    s.put(NoticeSender.HUB_CONTACT, NoticeSender.DEMO_HUB_CONTACT);

    List<String> problems = problems(s);

    assertThat(problems)
        .anySatisfy(
            p -> assertThat(p).startsWith("camunda.client.grpc-address").contains("localhost"))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.rest-address"))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.auth.method").contains("not set"))
        .anySatisfy(
            p -> assertThat(p).startsWith("spring.kafka.bootstrap-servers").contains("localhost"))
        .anySatisfy(p -> assertThat(p).startsWith("spring.kafka.security.protocol"))
        .anySatisfy(p -> assertThat(p).startsWith(NoticeSender.HUB_CONTACT));
  }

  @Test
  void theDemoNumberUnderEveryNoticeIsRefusedAndTheRealOneRequired() {
    Map<String, String> s = production();
    s.put(NoticeSender.HUB_CONTACT, NoticeSender.DEMO_HUB_CONTACT);
    assertThat(problems(s))
        .containsExactly(
            "knooppunt.workers.hub-contact (KNOOPPUNT_WORKERS_HUBCONTACT) is '"
                + NoticeSender.DEMO_HUB_CONTACT
                + "', the embedded default: give the hub's real 24/7 contact line; it is printed"
                + " under every notice");

    s.remove(NoticeSender.HUB_CONTACT);
    assertThat(problems(s))
        .containsExactly(
            "knooppunt.workers.hub-contact (KNOOPPUNT_WORKERS_HUBCONTACT) is not set: the hub's"
                + " 24/7 contact line printed under every notice");
  }

  @Test
  void theDefaultInWorkersYamlIsTheDemoNumberTheCheckRefuses() throws Exception {
    var yaml =
        new YamlPropertySourceLoader().load("workers.yaml", new ClassPathResource("workers.yaml"));
    assertThat(yaml)
        .anySatisfy(
            source ->
                assertThat(String.valueOf(source.getProperty(NoticeSender.HUB_CONTACT)))
                    .isEqualTo(NoticeSender.DEMO_HUB_CONTACT));
  }

  @Test
  void authMethodNoneIsRefused() {
    Map<String, String> s = production();
    s.put("camunda.client.auth.method", "none");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .startsWith("camunda.client.auth.method (CAMUNDA_CLIENT_AUTH_METHOD) is 'none'");
  }

  @Test
  void aLoopbackAddressIsAcceptedOnlyWithAuthentication() {
    // e.g. a local sidecar proxy in front of the cluster: allowed because the client authenticates
    Map<String, String> s = production();
    s.put("camunda.client.grpc-address", "http://localhost:26500");
    assertThat(problems(s)).isEmpty();

    s.put("camunda.client.auth.method", "none");
    assertThat(problems(s))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.grpc-address"))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.auth.method"));
  }

  @Test
  void oidcNeedsClientIdSecretAndARemoteTokenUrl() {
    Map<String, String> s = production();
    s.remove("camunda.client.auth.client-id");
    s.put("camunda.client.auth.client-secret", "  ");
    s.put("camunda.client.auth.token-url", "http://localhost:18080/realms/x/token");
    assertThat(problems(s))
        .containsExactly(
            "camunda.client.auth.client-id (CAMUNDA_CLIENT_AUTH_CLIENTID) is not set: the OAuth"
                + " client id of the workers",
            "camunda.client.auth.client-secret (CAMUNDA_CLIENT_AUTH_CLIENTSECRET) is not set: the"
                + " OAuth client secret of the workers",
            "camunda.client.auth.token-url (CAMUNDA_CLIENT_AUTH_TOKENURL) is"
                + " 'http://localhost:18080/realms/x/token' (this machine): use the identity"
                + " provider's address");
  }

  @Test
  void basicAuthNeedsUserAndPassword() {
    Map<String, String> s = production();
    s.put("camunda.client.auth.method", "basic");
    assertThat(problems(s))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.auth.username"))
        .anySatisfy(p -> assertThat(p).startsWith("camunda.client.auth.password"))
        .hasSize(2);
  }

  @Test
  void missingAddressesAreNamed() {
    Map<String, String> s = production();
    s.remove("camunda.client.grpc-address");
    s.remove("camunda.client.rest-address");
    s.remove("spring.kafka.bootstrap-servers");
    assertThat(problems(s))
        .containsExactlyInAnyOrder(
            "camunda.client.grpc-address (CAMUNDA_CLIENT_GRPCADDRESS) is not set: the gRPC address"
                + " of the Camunda 8 gateway",
            "camunda.client.rest-address (CAMUNDA_CLIENT_RESTADDRESS) is not set: the REST address"
                + " of the Camunda 8 cluster",
            "spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAPSERVERS) is not set: the Kafka"
                + " cluster's brokers");
  }

  @Test
  void kafkaWithoutTlsNeedsAnExplicitOptOutAndSaslNeedsItsLogin() {
    Map<String, String> s = production();
    s.put("spring.kafka.security.protocol", "PLAINTEXT");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .contains("knooppunt.production.kafka-plaintext-allowed");
    s.put("knooppunt.production.kafka-plaintext-allowed", "true");
    assertThat(problems(s)).isEmpty();

    Map<String, String> sasl = production();
    sasl.remove("spring.kafka.properties.sasl.jaas.config");
    assertThat(problems(sasl))
        .singleElement()
        .asString()
        .startsWith("spring.kafka.properties.sasl.jaas.config");
  }

  @Test
  void aLoopbackBrokerAnywhereInTheListIsRefused() {
    Map<String, String> s = production();
    s.put("spring.kafka.bootstrap-servers", "kafka-0:9093, 127.0.0.1:9092");
    assertThat(problems(s)).singleElement().asString().startsWith("spring.kafka.bootstrap-servers");
  }

  @Test
  void anExplicitOptInAcceptsThisMachineButStillRequiresAuthentication() {
    // e.g. the production profile against the embedded engine and in-process Kafka in a test
    Map<String, String> s = production();
    s.put("camunda.client.grpc-address", "http://localhost:26500");
    s.put("camunda.client.rest-address", "http://localhost:8088");
    s.put("camunda.client.auth.token-url", "http://127.0.0.1:9999/token");
    s.put("spring.kafka.bootstrap-servers", "localhost:19092");
    s.put("knooppunt.production.allow-loopback", "true");
    assertThat(problems(s)).isEmpty();

    s.put("camunda.client.auth.method", "none");
    assertThat(problems(s)).singleElement().asString().startsWith("camunda.client.auth.method");
    s.remove("knooppunt.production.allow-loopback");
    assertThat(problems(s)).hasSize(4);
  }

  @Test
  void saasNeedsClusterRegionAndClient() {
    Map<String, String> s = new HashMap<>();
    s.put("camunda.client.mode", "saas");
    s.put("spring.kafka.bootstrap-servers", "kafka:9093");
    s.put("spring.kafka.security.protocol", "SSL");
    s.put(NoticeSender.HUB_CONTACT, production().get(NoticeSender.HUB_CONTACT));
    deliverySettings(s);
    assertThat(problems(s))
        .extracting(p -> p.substring(0, p.indexOf(' ')))
        .containsExactlyInAnyOrder(
            "camunda.client.cloud.cluster-id",
            "camunda.client.cloud.region",
            "camunda.client.auth.client-id",
            "camunda.client.auth.client-secret");
  }

  // --- the check in a Spring context -------------------------------------------------------

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(WorkersProductionSettingsCheck.class);

  @Test
  void theProductionProfileRefusesToStartAndNamesTheSetting() {
    runner
        .withPropertyValues(
            "spring.profiles.active=production",
            "camunda.client.grpc-address=http://localhost:26500",
            "camunda.client.rest-address=http://localhost:8088",
            "spring.kafka.bootstrap-servers=localhost:9092")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .isInstanceOf(ProductionSettingsException.class)
                  .hasMessageContaining("The workers will not start in profile 'production'")
                  .hasMessageContaining("camunda.client.grpc-address (CAMUNDA_CLIENT_GRPCADDRESS)")
                  .hasMessageContaining("spring.kafka.bootstrap-servers");
            });
  }

  @Test
  void environmentVariablesAreReadWithRelaxedBinding() {
    Map<String, String> env = new HashMap<>();
    production().forEach((k, v) -> env.put(Inspection.environmentVariable(k), v));
    runner
        .withPropertyValues("spring.profiles.active=production")
        .withInitializer(
            c ->
                c.getEnvironment()
                    .getPropertySources()
                    .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new HashMap<>(env))))
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aYamlListOfBootstrapServersIsRead() {
    Map<String, String> s = production();
    s.remove("spring.kafka.bootstrap-servers");
    List<String> pairs = new java.util.ArrayList<>();
    s.forEach((k, v) -> pairs.add(k + "=" + v));
    pairs.add("spring.profiles.active=production");
    pairs.add("spring.kafka.bootstrap-servers[0]=kafka-0:9093");
    pairs.add("spring.kafka.bootstrap-servers[1]=localhost:9092");
    runner
        .withPropertyValues(pairs.toArray(String[]::new))
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .hasMessageContaining("spring.kafka.bootstrap-servers")
                    .hasMessageContaining("kafka-0:9093,localhost:9092"));
  }

  @Test
  void withoutTheProductionProfileNothingIsChecked() {
    runner
        .withPropertyValues("spring.kafka.bootstrap-servers=localhost:9092")
        .run(context -> assertThat(context).hasNotFailed());
  }
}
