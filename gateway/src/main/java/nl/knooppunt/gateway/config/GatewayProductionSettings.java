package nl.knooppunt.gateway.config;

import java.util.List;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.productioncheck.CamundaClientRules;
import nl.knooppunt.productioncheck.Inspection;
import nl.knooppunt.productioncheck.KafkaRules;
import nl.knooppunt.productioncheck.ProductionCheck;
import nl.knooppunt.productioncheck.Rule;
import nl.knooppunt.productioncheck.Rules;
import nl.knooppunt.productioncheck.Settings;

/**
 * The rules for the gateway's {@code production} profile (machinery shared with the workers in
 * {@code knooppunt-production-check}): the read model's PostgreSQL, Kafka and the Camunda client
 * like the workers, the OIDC issuer whose tokens it accepts, and no local account (users come from
 * tokens only, ADR 0011).
 */
public final class GatewayProductionSettings {

  static final String APPLICATION = "the gateway";

  static final String JDBC_URL = "spring.datasource.url";
  static final String JDBC_USER = "spring.datasource.username";
  static final String JDBC_PASSWORD = "spring.datasource.password";
  static final String FLYWAY_USER = "spring.flyway.user";
  static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
  static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
  static final String LOCAL_ACCOUNTS = "knooppunt.security.users";
  static final String LOGBOOK_KEY = "knooppunt.logbook.key";
  static final String LOGBOOK_KEY_FILE = "knooppunt.logbook.key-file";

  /**
   * Whether demo contacts may be used (the contact register, docs/adr/0035): true in the embedded
   * default, false in gateway.yaml's production profile; a production gateway refuses {@code true}.
   */
  public static final String DEMO_CONTACTS = "knooppunt.contacten.demo-toegestaan";

  /** The consumer group of the projection: the same for every replica (docs/adr/0038). */
  static final String EVENTS_GROUP = "knooppunt.gateway.events-group";

  /** The consumer group of the acknowledgements: the same for every replica. */
  static final String ACKNOWLEDGEMENTS_GROUP = "knooppunt.gateway.acknowledgements-group";

  /** The default of gateway.yaml when {@code KNOOPPUNT_JDBC_URL} is not set. */
  static final String EMBEDDED_JDBC_URL = "jdbc:postgresql://localhost:5432/knooppunt";

  /** The gateway's check; {@link GatewayProductionSettingsCheck} applies it at start. */
  public static final ProductionCheck CHECK =
      new ProductionCheck(
          APPLICATION,
          List.of(
              database(),
              GatewayProductionSettings::ownerIsNotTheApplicationUser,
              KafkaRules.of(APPLICATION),
              CamundaClientRules.of(APPLICATION),
              oidc(),
              GatewayProductionSettings::logbookKey,
              Rules.required(
                  AcknowledgementLinks.KEY_SETTING,
                  "the key of the personal acknowledgement links in e-mail and SMS, the same as"
                      + " the workers' (Base64 of at least 32 random bytes, from a secret); without"
                      + " it every link is refused (docs/adr/0033)"),
              GatewayProductionSettings::sharedConsumerGroups,
              GatewayProductionSettings::noLocalAccounts,
              GatewayProductionSettings::noDemoContacts));

  private GatewayProductionSettings() {}

  /** The problems of these settings; empty when the gateway may start in production. */
  public static List<String> problems(Settings settings) {
    return CHECK.problems(settings);
  }

  private static Rule database() {
    return Rules.all(
        Rules.required(JDBC_URL, "the JDBC URL of the read model's PostgreSQL"),
        Rules.notEmbeddedDefault(
            JDBC_URL, EMBEDDED_JDBC_URL, "set it to the PostgreSQL of the installation"),
        Rules.notOnThisMachine(
            JDBC_URL, "the embedded default's database; use the PostgreSQL of the installation"),
        Rules.required(JDBC_USER, "the database user of the gateway"),
        Rules.required(JDBC_PASSWORD, "the database password of the gateway"));
  }

  /**
   * Flyway runs as the database's owner, the gateway as an application user that cannot alter the
   * logbook's table or triggers nor change its rows (V15, docs/operations.md).
   */
  private static void ownerIsNotTheApplicationUser(Inspection i) {
    String owner = i.value(FLYWAY_USER);
    String app = i.value(JDBC_USER);
    if (owner == null || owner.equals(app)) {
      i.problem(
          FLYWAY_USER,
          (owner == null ? "is not set" : "is the application user " + app)
              + ": the database's owner, who runs the migrations; the gateway connects as "
              + JDBC_USER
              + ", a user that may not alter the logbook (docs/operations.md)");
    }
  }

  private static Rule oidc() {
    return Rules.all(
        Rules.remoteAddress(
            ISSUER_URI,
            "the OIDC issuer whose tokens the gateway accepts (users and roles come from its"
                + " tokens)",
            "use the identity provider's address"),
        Rules.notOnThisMachine(JWK_SET_URI, "use the identity provider's key set"));
  }

  /**
   * The logbook chain's key, never in the database: from a secret, or (the embedded hub in profile
   * production) a key file in its data directory.
   */
  private static void logbookKey(Inspection i) {
    if (i.value(LOGBOOK_KEY) == null && i.value(LOGBOOK_KEY_FILE) == null) {
      i.problem(
          LOGBOOK_KEY,
          "is not set: the logbook chain's secret key (at least 32 characters, from a secret;"
              + " never in the database), or "
              + LOGBOOK_KEY_FILE
              + " naming a file that holds it");
    }
  }

  /**
   * Every gateway replica consumes in the same groups, so each event is projected once and each
   * acknowledgement counted once (docs/adr/0038); a group made unique per replica (a random id in
   * it) would make every replica apply every event.
   */
  private static void sharedConsumerGroups(Inspection i) {
    for (String group : List.of(EVENTS_GROUP, ACKNOWLEDGEMENTS_GROUP)) {
      String value = i.value(group);
      if (value != null && PER_REPLICA.matcher(value).find()) {
        i.problem(
            group,
            "is unique per replica ("
                + value
                + "): every replica of the gateway must be in the same consumer group, or each"
                + " applies every event (docs/adr/0038); leave it unset or give every replica the"
                + " same name");
      }
    }
  }

  private static final java.util.regex.Pattern PER_REPLICA =
      java.util.regex.Pattern.compile(
          "\\$\\{|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * The embedded default's accounts (gateway.yaml) are not loaded in production; an account
   * configured anyway would never work, so it is named rather than silently ignored.
   */
  private static void noLocalAccounts(Inspection i) {
    for (String name : i.children(LOCAL_ACCOUNTS)) {
      String account = LOCAL_ACCOUNTS + "." + name;
      if (i.value(account + ".password") != null
          && !"false".equals(i.value(account + ".enabled"))) {
        i.problem(
            account + ".password",
            "is set: the production profile takes users from OIDC tokens only (ADR 0011); remove"
                + " the local account '"
                + name
                + "' and give the user a role in the identity provider");
      }
    }
  }

  /**
   * Demo contacts reach nobody: a production hub with them allowed would show fictional chains and
   * let the workers fall back to them (docs/adr/0035).
   */
  private static void noDemoContacts(Inspection i) {
    if (i.isTrue(DEMO_CONTACTS)) {
      i.problem(
          DEMO_CONTACTS,
          "is true: demo contacts reach nobody; set it to false and keep the real contacts in the"
              + " contact register (/contacten)");
    }
  }
}
