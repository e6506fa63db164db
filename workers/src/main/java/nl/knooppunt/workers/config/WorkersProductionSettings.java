package nl.knooppunt.workers.config;

import java.util.List;
import java.util.function.Function;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.productioncheck.CamundaClientRules;
import nl.knooppunt.productioncheck.KafkaRules;
import nl.knooppunt.productioncheck.ProductionCheck;
import nl.knooppunt.productioncheck.Rule;
import nl.knooppunt.productioncheck.Rules;
import nl.knooppunt.productioncheck.Settings;
import nl.knooppunt.workers.delivery.RegisterContactBook;
import nl.knooppunt.workers.delivery.SmsChannel;
import nl.knooppunt.workers.notification.NoticeSender;

/**
 * The rules for the workers' {@code production} profile: every setting that has an embedded-only
 * default (a Camunda engine or Kafka broker on this machine, no authentication) must be set to
 * something a production cluster can serve. The rule machinery is shared with the gateway ({@code
 * knooppunt-production-check}); the workers need the Camunda client and Kafka, and the hub's real
 * 24/7 contact line for their notices.
 */
public final class WorkersProductionSettings {

  static final String APPLICATION = "the workers";

  /**
   * The hub's 24/7 contact line under every notice: the demo number of {@code workers.yaml} must
   * not reach a mayor.
   */
  static final Rule HUB_CONTACT =
      Rules.all(
          Rules.required(
              NoticeSender.HUB_CONTACT, "the hub's 24/7 contact line printed under every notice"),
          Rules.notEmbeddedDefault(
              NoticeSender.HUB_CONTACT,
              NoticeSender.DEMO_HUB_CONTACT,
              "give the hub's real 24/7 contact line; it is printed under every notice"));

  /**
   * Delivery by e-mail and SMS along the contact chains (docs/adr/0033): real contacts only, a mail
   * server, an SMS gateway, and the key and public address of the acknowledgement links.
   */
  static final Rule DELIVERY =
      Rules.all(
          Rules.notEmbeddedDefault(
              RegisterContactBook.DEMO_ALLOWED,
              "true",
              "a production hub never delivers to the fictional demo contacts; set it to false"),
          Rules.remoteAddress(
              "spring.mail.host",
              "the SMTP server notices are e-mailed through",
              "give the organisation's mail relay"),
          Rules.remoteAddress(
              SmsChannel.URL,
              "the HTTP SMS gateway notices are texted through",
              "give the SMS provider's gateway"),
          Rules.required(
              AcknowledgementLinks.KEY_SETTING,
              "the shared key (Base64, at least 32 bytes) the acknowledgement links are signed with;"
                  + " the gateway checks them with the same key"),
          Rules.remoteAddress(
              AcknowledgementLinks.BASE_URL_SETTING,
              "the hub's public address (https://…) the acknowledgement links start with",
              "give the address duty officers open the hub with"));

  /** The workers' check; {@link WorkersProductionSettingsCheck} applies it at start. */
  public static final ProductionCheck CHECK =
      new ProductionCheck(
          APPLICATION,
          List.of(
              CamundaClientRules.of(APPLICATION),
              KafkaRules.of(APPLICATION),
              HUB_CONTACT,
              DELIVERY));

  private WorkersProductionSettings() {}

  /** The problems of these settings; empty when the workers may start in production. */
  public static List<String> problems(Function<String, String> settings) {
    return CHECK.problems(Settings.of(settings));
  }
}
