package nl.knooppunt.workers.config;

import java.util.List;
import java.util.function.Function;
import nl.knooppunt.productioncheck.CamundaClientRules;
import nl.knooppunt.productioncheck.KafkaRules;
import nl.knooppunt.productioncheck.ProductionCheck;
import nl.knooppunt.productioncheck.Rule;
import nl.knooppunt.productioncheck.Rules;
import nl.knooppunt.productioncheck.Settings;
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

  /** The workers' check; {@link WorkersProductionSettingsCheck} applies it at start. */
  public static final ProductionCheck CHECK =
      new ProductionCheck(
          APPLICATION,
          List.of(CamundaClientRules.of(APPLICATION), KafkaRules.of(APPLICATION), HUB_CONTACT));

  private WorkersProductionSettings() {}

  /** The problems of these settings; empty when the workers may start in production. */
  public static List<String> problems(Function<String, String> settings) {
    return CHECK.problems(Settings.of(settings));
  }
}
