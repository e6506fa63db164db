package nl.knooppunt.processes;

import java.time.Duration;
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
  AFSCHALING_VOORGESTELD(
      "knooppunt.dreigingsniveau.afschaling-voorgesteld", Variable.CRISIS_ID, Ttl.UNTIL_CAUGHT),
  /**
   * A level 5 linked to a running manhunt (started from the manhunt or by the duty officer with a
   * {@code linkedManhuntId}) tells that manhunt, so its arrest brings the lowering proposal. Key:
   * {@code crisisId} of the manhunt. Variable: {@code gekoppeldDreigingsniveauId}.
   */
  /**
   * An NCTV decider decides without the information of every partner (issue #14 item 3, "besluit
   * zonder volledige informatie"): ends the waiting for information before a level decision. Key:
   * {@code crisisId} of the level-5 instance. Variables: {@code zonderInformatieReden}, {@code
   * zonderInformatieDoor}. No time to live: it only counts while the information is awaited.
   */
  BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE(
      "knooppunt.dreigingsniveau.besluit-zonder-volledige-informatie",
      Variable.CRISIS_ID,
      Duration.ZERO),
  MANHUNT_NIVEAU5_GEKOPPELD(
      "knooppunt.manhunt.dreigingsniveau-gekoppeld", Variable.CRISIS_ID, Ttl.UNTIL_CAUGHT),
  /**
   * A possible terrorist motive became known during the manhunt (it was not known at the start):
   * the region gets the GRIP 3 advice at once and the NCTV considers level 5. Key: {@code crisisId}
   * of the manhunt. Variable: {@code toelichting}. A manhunt that knew the motive at its start does
   * not wait for it.
   */
  TERRORISTISCH_MOTIEF_GEMELD("knooppunt.manhunt.terroristisch-motief", Variable.CRISIS_ID),
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

  /** Times to live (a holder: enum constants are built before the enum's own static fields). */
  static final class Ttl {
    /**
     * For a message that must not be lost while its instance is not yet waiting (e.g. a lowering
     * proposal after an arrest, published before the linked level 5 is in force): ten years, i.e.
     * until caught. The engine correlates a message at most once per process, so a buffered
     * proposal reaches the level 5 once, as soon as it waits for it, and never again.
     */
    static final Duration UNTIL_CAUGHT = Duration.ofDays(3650);

    /** For the other messages: their instance is waiting when they come. */
    static final Duration DEFAULT = Duration.ofHours(1);

    private Ttl() {}
  }

  private final String messageName;
  private final Variable correlationKey;
  private final Duration timeToLive;

  MessageName(String messageName, Variable correlationKey) {
    this(messageName, correlationKey, Ttl.DEFAULT);
  }

  MessageName(String messageName, Variable correlationKey, Duration timeToLive) {
    this.messageName = messageName;
    this.correlationKey = correlationKey;
    this.timeToLive = timeToLive;
  }

  /** How long a published message waits in the engine for an instance to catch it. */
  public Duration timeToLive() {
    return timeToLive;
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
