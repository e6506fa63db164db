package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every message the processes catch, with the variable whose value is the correlation key. The
 * message variables the publisher sends are listed per message.
 */
public enum MessageName {
  /**
   * A recipient acknowledged a notification. Key: {@code notificatieId}. Variables: {@code
   * bevestigdOp}, {@code bevestigdDoor}.
   */
  MELDING_BEVESTIGD("knooppunt.melding.bevestigd", Variable.NOTIFICATIE_ID),
  /**
   * Every notice of an informeer-gezagen round was sent (not: acknowledged); published by the
   * worker of {@link JobType#MELDING_RONDE_VERSTUURD}. Key: {@code referentie} of the round (the
   * calling process maps the same expression it passes as the call activity's {@code referentie},
   * e.g. {@code crisisId + "/afkondiging"}). No variables.
   */
  MELDINGEN_VERSTUURD("knooppunt.melding.ronde-verstuurd", Variable.REFERENTIE),
  /**
   * Starts a (linked) dreigingsniveau-5 instance (message start event). Key: the new {@code
   * crisisId}. Variables: those of {@link nl.knooppunt.processes.variables.ThreatLevelStart}.
   */
  DREIGINGSNIVEAU_VOORSTEL("knooppunt.dreigingsniveau.voorstel", Variable.CRISIS_ID),
  /**
   * A lowering proposal for a level-5 instance, at any time. Key: {@code crisisId} of the level-5
   * instance. Variables: {@code afschalingVoorgesteldDoor}, {@code afschalingReden}, {@code
   * afschalingBron}.
   */
  AFSCHALING_VOORGESTELD("knooppunt.dreigingsniveau.afschaling-voorgesteld", Variable.CRISIS_ID),
  /**
   * Perpetrator(s) arrested. Key: {@code crisisId} of the manhunt. Variable: {@code toelichting}.
   */
  DADER_AANGEHOUDEN("knooppunt.manhunt.dader-aangehouden", Variable.CRISIS_ID),
  /**
   * Manhunt ended otherwise. Key: {@code crisisId} of the manhunt. Variable: {@code toelichting}.
   */
  MANHUNT_BEEINDIGD("knooppunt.manhunt.beeindigd", Variable.CRISIS_ID),
  /**
   * The requesting region asks to extend a deployment. Key: {@code aanvraagId}. Variables: {@code
   * verlengingTot}, {@code verlengingReden}, {@code verlengingAangevraagdDoor}.
   */
  BIJSTAND_VERLENGING_AANGEVRAAGD(
      "knooppunt.bijstand.verlenging-aangevraagd", Variable.AANVRAAG_ID),
  /** The deployment ended. Key: {@code aanvraagId}. Variable: {@code toelichting}. */
  BIJSTAND_INZET_BEEINDIGD("knooppunt.bijstand.inzet-beeindigd", Variable.AANVRAAG_ID);

  private final String messageName;
  private final Variable correlationKey;

  MessageName(String messageName, Variable correlationKey) {
    this.messageName = messageName;
    this.correlationKey = correlationKey;
  }

  /** The message name used when publishing/correlating. */
  public String messageName() {
    return messageName;
  }

  /** The process variable whose value is the correlation key. */
  public Variable correlationKey() {
    return correlationKey;
  }

  public static Optional<MessageName> of(String name) {
    return Arrays.stream(values()).filter(m -> m.messageName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return messageName;
  }
}
