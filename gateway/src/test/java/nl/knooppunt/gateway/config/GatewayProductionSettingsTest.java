package nl.knooppunt.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.productioncheck.ProductionSettingsException;
import nl.knooppunt.productioncheck.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The gateway's production-settings check: every missing or embedded-only setting is named. */
class GatewayProductionSettingsTest {

  /** A complete production configuration (Helm style, all on the cluster network). */
  static Map<String, String> production() {
    Map<String, String> s = new HashMap<>();
    s.put(
        "spring.datasource.url",
        "jdbc:postgresql://knooppunt-postgres-rw.postgres.svc:5432/knooppunt?sslmode=verify-full");
    s.put("spring.datasource.username", "knooppunt");
    s.put("spring.datasource.password", "from-a-secret");
    s.put("spring.flyway.user", "knooppunt_owner");
    s.put("spring.flyway.password", "from-another-secret");
    s.put("spring.kafka.bootstrap-servers", "kafka-0.kafka:9093,kafka-1.kafka:9093");
    s.put("spring.kafka.security.protocol", "SASL_SSL");
    s.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
    s.put("spring.kafka.properties.sasl.jaas.config", "ScramLoginModule required;");
    s.put("camunda.client.mode", "self-managed");
    s.put("camunda.client.grpc-address", "http://camunda-zeebe-gateway:26500");
    s.put("camunda.client.rest-address", "http://camunda-zeebe-gateway:8080");
    s.put("camunda.client.auth.method", "oidc");
    s.put("camunda.client.auth.client-id", "knooppunt-gateway");
    s.put("camunda.client.auth.client-secret", "from-a-secret");
    s.put(
        "camunda.client.auth.token-url",
        "https://sso.knooppunt.example/realms/knooppunt/protocol/openid-connect/token");
    s.put(
        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
        "https://sso.knooppunt.example/realms/knooppunt");
    s.put("knooppunt.logbook.key", "from-a-secret-of-at-least-32-characters");
    s.put("knooppunt.bevestiging.sleutel", "c2FtZS1rZXktYXMtdGhlLXdvcmtlcnMtMzItYnl0ZXMh");
    return s;
  }

  private static List<String> problems(Map<String, String> settings) {
    return GatewayProductionSettings.problems(Settings.of(settings));
  }

  @Test
  void aCompleteProductionConfigurationPasses() {
    assertThat(problems(production())).isEmpty();
  }

  @Test
  void theLogbookKeyComesFromASecretOrAKeyFileAndWithoutEitherTheGatewayDoesNotStart() {
    Map<String, String> s = production();
    s.remove("knooppunt.logbook.key");
    assertThat(problems(s)).singleElement().asString().startsWith("knooppunt.logbook.key ");
    s.put("knooppunt.logbook.key-file", "/var/lib/knooppunt/logbook.key");
    assertThat(problems(s)).isEmpty();
  }

  @Test
  void theMigrationsRunAsTheOwnerAndTheGatewayAsAnotherUser() {
    Map<String, String> s = production();
    s.put("spring.flyway.user", "knooppunt");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .startsWith("spring.flyway.user ")
        .contains("is the application user knooppunt");
    s.remove("spring.flyway.user");
    assertThat(problems(s)).singleElement().asString().contains("is not set");
  }

  @Test
  void aConsumerGroupUniquePerReplicaIsRefusedSinceEveryReplicaWouldProjectEveryEvent() {
    Map<String, String> s = production();
    s.put("knooppunt.gateway.events-group", "knooppunt-gateway-read-model");
    s.put("knooppunt.gateway.acknowledgements-group", "knooppunt-gateway-acknowledgements");
    assertThat(problems(s)).isEmpty();
    s.put(
        "knooppunt.gateway.events-group",
        "knooppunt-gateway-read-model-0b7c9a3e-2f41-4d8e-9c1a-5e6f7a8b9c0d");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .startsWith("knooppunt.gateway.events-group ")
        .contains("same consumer group");
  }

  @Test
  void demoContactsAllowedAreRefusedNamingTheSetting() {
    Map<String, String> s = production();
    s.put("knooppunt.contacten.demo-toegestaan", "true");
    assertThat(problems(s))
        .singleElement()
        .asString()
        .startsWith(
            "knooppunt.contacten.demo-toegestaan (KNOOPPUNT_CONTACTEN_DEMOTOEGESTAAN) is true:"
                + " demo contacts reach nobody");
    s.put("knooppunt.contacten.demo-toegestaan", "false");
    assertThat(problems(s)).isEmpty();
  }

  @Test
  void aMissingIssuerIsRefusedNamingIt() {
    Map<String, String> s = production();
    s.remove("spring.security.oauth2.resourceserver.jwt.issuer-uri");
    assertThat(problems(s))
        .containsExactly(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri"
                + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI) is not set: the OIDC"
                + " issuer whose tokens the gateway accepts (users and roles come from its tokens)");
    assertThatThrownBy(() -> GatewayProductionSettings.CHECK.verify(Settings.of(s)))
        .isInstanceOf(ProductionSettingsException.class)
        .hasMessageStartingWith("The gateway will not start in profile 'production' (1 setting(s)")
        .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
  }

  @Test
  void anIssuerOrKeySetOnThisMachineIsRefusedUnlessExplicitlyAllowed() {
    Map<String, String> s = production();
    s.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:8180/realms/k");
    s.put(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "http://127.0.0.1:8180/realms/k/certs");
    assertThat(problems(s))
        .extracting(p -> p.substring(0, p.indexOf(' ')))
        .containsExactly(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
    s.put("knooppunt.production.allow-loopback", "true");
    assertThat(problems(s)).isEmpty();
  }

  @Test
  void theDatabaseMustBeTheInstallationsWithUserAndPassword() {
    Map<String, String> s = production();
    s.put("spring.datasource.url", "jdbc:postgresql://localhost:5432/knooppunt");
    s.put("spring.datasource.password", "");
    s.remove("spring.datasource.username");
    assertThat(problems(s))
        .containsExactly(
            "spring.datasource.url (SPRING_DATASOURCE_URL) is"
                + " 'jdbc:postgresql://localhost:5432/knooppunt', the embedded default: set it to"
                + " the PostgreSQL of the installation",
            "spring.datasource.username (SPRING_DATASOURCE_USERNAME) is not set: the database"
                + " user of the gateway",
            "spring.datasource.password (SPRING_DATASOURCE_PASSWORD) is not set: the database"
                + " password of the gateway");

    // a rehearsal on one machine may use a local PostgreSQL, never gateway.yaml's default
    s.put("knooppunt.production.allow-loopback", "true");
    assertThat(problems(s)).first().asString().contains("the embedded default");
    s.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:25432/knooppunt");
    assertThat(problems(s)).noneMatch(p -> p.startsWith("spring.datasource.url"));
    s.remove("knooppunt.production.allow-loopback");
    assertThat(problems(s))
        .anySatisfy(
            p -> assertThat(p).startsWith("spring.datasource.url").contains("this machine"));
  }

  @Test
  void kafkaAndTheCamundaClientFollowTheSameRulesAsTheWorkers() {
    Map<String, String> s = production();
    s.put("spring.kafka.bootstrap-servers", "localhost:9092");
    s.put("spring.kafka.security.protocol", "PLAINTEXT");
    s.remove("camunda.client.auth.client-secret");
    assertThat(problems(s))
        .containsExactly(
            "spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAPSERVERS) is 'localhost:9092'"
                + " (this machine): the in-process broker's default; list the brokers of the"
                + " Kafka cluster",
            "spring.kafka.security.protocol (SPRING_KAFKA_SECURITY_PROTOCOL) is 'PLAINTEXT': use"
                + " SASL_SSL or SSL, or set knooppunt.production.kafka-plaintext-allowed"
                + " (KNOOPPUNT_PRODUCTION_KAFKAPLAINTEXTALLOWED)=true for a Kafka reachable only"
                + " on a private network",
            "camunda.client.auth.client-secret (CAMUNDA_CLIENT_AUTH_CLIENTSECRET) is not set: the"
                + " OAuth client secret of the gateway");
  }

  @Test
  void aLocalAccountWithAPasswordIsRefusedADisabledOneIsNot() {
    Map<String, String> s = production();
    s.put("knooppunt.security.users.operator.password", "operator-demo");
    s.put("knooppunt.security.users.operator.roles[0]", "LANDELIJK_OPERATOR");
    s.put("knooppunt.security.users.oud.password", "x");
    s.put("knooppunt.security.users.oud.enabled", "false");
    s.put("knooppunt.security.users.leeg.name", "zonder wachtwoord");
    assertThat(problems(s))
        .containsExactly(
            "knooppunt.security.users.operator.password"
                + " (KNOOPPUNT_SECURITY_USERS_OPERATOR_PASSWORD) is set: the production profile"
                + " takes users from OIDC tokens only (ADR 0011); remove the local account"
                + " 'operator' and give the user a role in the identity provider");
  }

  // --- the check in a Spring context -------------------------------------------------------

  /** The gateway's own configuration (gateway.yaml) in profile production, plus {@code args}. */
  private static ConfigurableApplicationContext startWithGatewayYaml(String... args) {
    return new SpringApplicationBuilder(GatewayProductionSettingsCheck.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=gateway")
        .profiles("production")
        .run(args);
  }

  @Test
  void gatewayYamlAloneIsRefusedNamingEachSettingButNoDemoAccount() {
    assertThatThrownBy(GatewayProductionSettingsTest::startWithGatewayYaml)
        .isInstanceOf(ProductionSettingsException.class)
        .satisfies(
            e ->
                assertThat(((ProductionSettingsException) e).problems())
                    .extracting(p -> p.substring(0, p.indexOf(' ')))
                    .containsExactly(
                        "spring.datasource.url",
                        "spring.datasource.password",
                        "spring.flyway.user",
                        "spring.kafka.bootstrap-servers",
                        "spring.kafka.security.protocol",
                        "camunda.client.grpc-address",
                        "camunda.client.rest-address",
                        "camunda.client.auth.method",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        "knooppunt.logbook.key",
                        "knooppunt.bevestiging.sleutel"));
  }

  @Test
  void gatewayYamlWithTheProductionSettingsStarts() {
    List<String> args = new ArrayList<>();
    production().forEach((k, v) -> args.add("--" + k + "=" + v));
    try (ConfigurableApplicationContext context =
        startWithGatewayYaml(args.toArray(String[]::new))) {
      assertThat(context.isActive()).isTrue();
      assertThat(context.getEnvironment().getProperty("knooppunt.security.users.operator.name"))
          .as("the demo accounts are not loaded in production")
          .isNull();
    }
  }

  @Test
  void environmentVariablesAreReadWithRelaxedBinding() {
    Map<String, Object> env = new HashMap<>();
    production()
        .forEach(
            (k, v) ->
                env.put(
                    k.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT), v));
    env.put("KNOOPPUNT_SECURITY_USERS_BEHEERDER_PASSWORD", "geheim");
    new ApplicationContextRunner()
        .withUserConfiguration(GatewayProductionSettingsCheck.class)
        .withPropertyValues("spring.profiles.active=production")
        .withInitializer(
            c ->
                c.getEnvironment()
                    .getPropertySources()
                    .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isInstanceOf(ProductionSettingsException.class)
                    .hasMessageContaining("1 setting(s)")
                    .hasMessageContaining(
                        "knooppunt.security.users.beheerder.password"
                            + " (KNOOPPUNT_SECURITY_USERS_BEHEERDER_PASSWORD) is set"));
  }

  @Test
  void withoutTheProductionProfileNothingIsChecked() {
    new ApplicationContextRunner()
        .withUserConfiguration(GatewayProductionSettingsCheck.class)
        .withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:5432/knooppunt")
        .run(context -> assertThat(context).hasNotFailed());
  }
}
