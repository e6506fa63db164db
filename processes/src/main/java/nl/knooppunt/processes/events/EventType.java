package nl.knooppunt.processes.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the hub, with the record of its data ({@link #payload()}) and the one
 * producer of its fact (see the payload's Javadoc and docs/adr/0016). Domain events travel on
 * {@link Topic#EVENTS}; the notice, the acknowledgement and the level in force on their own topics.
 * The logbook shows every event on {@link Topic#EVENTS}; the read model projects them.
 */
public enum EventType {
  // --- produced by the gateway (API commands, the user-task listeners, the incident watcher)
  /**
   * This crisis was started: by the gateway (API), or by the manhunt worker (its linked level 5).
   */
  CRISIS_GESTART("nl.knooppunt.crisis.gestart", CrisisStarted.class),
  /** A message was delivered to a running process (lowering, extension, arrest, end). */
  BERICHT_GEMELD("nl.knooppunt.bericht.gemeld", MessageDelivered.class),
  /** A notice was acknowledged (from the API or a regional system); the gateway only. */
  MELDING_BEVESTIGD("nl.knooppunt.melding.bevestigd", Acknowledgement.class),
  /** Task listener {@code creating}: a user task appeared. */
  TAAK_AANGEMAAKT("nl.knooppunt.taak.aangemaakt", TaskCreated.class),
  /** Task listener {@code assigning}. */
  TAAK_TOEGEWEZEN("nl.knooppunt.taak.toegewezen", TaskChanged.class),
  /** Task listener {@code completing}. */
  TAAK_VOLTOOID("nl.knooppunt.taak.voltooid", TaskChanged.class),
  /** Task listener {@code canceling}. */
  TAAK_GEANNULEERD("nl.knooppunt.taak.geannuleerd", TaskChanged.class),
  /** A user claimed a task. */
  TAAK_GECLAIMD("nl.knooppunt.taak.geclaimd", TaskClaimChanged.class),
  /** A user gave a task back to its groups. */
  TAAK_VRIJGEGEVEN("nl.knooppunt.taak.vrijgegeven", TaskClaimChanged.class),
  /** A user completed a task with a form (the decision, with who and when). */
  TAAK_AFGEROND("nl.knooppunt.taak.afgerond", TaskCompletedByUser.class),
  /** A step of a process cannot go on (an incident at the engine). */
  PROCES_STAAT_STIL("nl.knooppunt.proces.staat-stil", ProcessStuck.class),
  /** The incident was resolved (retried or the instance cancelled): the process goes on. */
  PROCES_HERSTELD("nl.knooppunt.proces.hersteld", ProcessResumed.class),
  /** The beheerder retried the step of an incident (retries back, incident resolved). */
  PROCES_OPNIEUW_GEPROBEERD("nl.knooppunt.proces.opnieuw-geprobeerd", ProcessRepaired.class),
  /** The beheerder cancelled a process instance, with a reason. */
  PROCES_GEANNULEERD("nl.knooppunt.proces.geannuleerd", ProcessRepaired.class),
  /**
   * The beheerder set a new version of the level-5 measures per role: on {@link Topic#EVENTS} (the
   * logbook, the read model) and on the compacted {@link Topic#MEASURES} (the workers).
   */
  MAATREGELEN_VASTGESTELD("nl.knooppunt.maatregelen.vastgesteld", MeasuresSet.class),
  /** An improvement action of an evaluation was recorded (text, owner, due date). */
  VERBETERACTIE_VASTGELEGD(
      "nl.knooppunt.verbeteractie.vastgelegd", ImprovementActionRecorded.class),
  /** An improvement action was marked done. */
  VERBETERACTIE_AFGEROND("nl.knooppunt.verbeteractie.afgerond", ImprovementActionDone.class),
  /** An improvement action was taken in hand or dropped (with the reason). */
  VERBETERACTIE_STATUS_GEWIJZIGD(
      "nl.knooppunt.verbeteractie.status-gewijzigd", ImprovementActionStatusChanged.class),
  /** The owner of an open improvement action was reminded of its due date (once per kind). */
  VERBETERACTIE_HERINNERING(
      "nl.knooppunt.verbeteractie.herinnering", ImprovementActionReminder.class),
  /** The evaluation was shared with the regions in scope. */
  /**
   * The contact register's chain of one authority changed (on the compacted {@link Topic#CONTACTS},
   * key = authority code; the workers read it).
   */
  CONTACTEN_VASTGESTELD("nl.knooppunt.contacten.vastgesteld", ContactChainSet.class),
  EVALUATIE_GEDEELD("nl.knooppunt.evaluatie.gedeeld", EvaluationShared.class),

  // --- produced by the workers (the jobs of the processes)
  /** The process of a crisis registered itself: its instance key (the registration job). */
  PROCES_GEREGISTREERD("nl.knooppunt.proces.geregistreerd", ProcessRegistered.class),
  CRISIS_AFGESLOTEN("nl.knooppunt.crisis.afgesloten", CrisisClosed.class),
  /** A fact for the logbook (header {@code gebeurtenis} of the BPMN task names it). */
  LOGBOEK_FEIT("nl.knooppunt.logboek.feit", FactRecorded.class),
  DREIGINGSNIVEAU_GEWIJZIGD("nl.knooppunt.dreigingsniveau.gewijzigd", ThreatLevelChanged.class),
  MELDING_VERSTUURD("nl.knooppunt.melding.verstuurd", Notice.class),
  MELDING_FALLBACK_VERSTUURD("nl.knooppunt.melding.fallback-verstuurd", Notice.class),
  /** One attempt to deliver a notice by e-mail or SMS to one person of the chain. */
  MELDING_AFLEVERPOGING("nl.knooppunt.melding.afleverpoging", DeliveryAttempt.class),
  /** Every notice of a round is out (before the public hears it); acknowledgements follow. */
  MELDINGRONDE_VERSTUURD("nl.knooppunt.melding.ronde-verstuurd", RoundSent.class),
  MELDINGRONDE_AFGEROND("nl.knooppunt.melding.ronde-afgerond", RoundCompleted.class),
  SLA_HERINNERING("nl.knooppunt.sla.herinnering", SlaPassed.class),
  SLA_ESCALATIE("nl.knooppunt.sla.escalatie", SlaPassed.class),
  COMMUNICATIE_GEPUBLICEERD(
      "nl.knooppunt.communicatie.gepubliceerd", PublicCommunicationPublished.class),
  GRIP_ADVIES_GEGEVEN("nl.knooppunt.manhunt.grip-advies", GripAdviceGiven.class),
  PUBLIEKSOPROEP_UITGEZET("nl.knooppunt.manhunt.publieksoproep", PublicAppealIssued.class),
  SITUATIERAPPORT_VERSPREID("nl.knooppunt.manhunt.situatierapport", SituationReportSent.class),
  DREIGINGSNIVEAU_VOORGESTELD("nl.knooppunt.dreigingsniveau.voorgesteld", LevelFiveProposed.class),
  AFSCHALING_VOORGESTELD(
      "nl.knooppunt.dreigingsniveau.afschaling-voorgesteld", LoweringProposed.class),
  BIJSTAND_GEVALIDEERD("nl.knooppunt.bijstand.gevalideerd", AssistanceValidated.class),
  BIJSTAND_INZET_GEREGISTREERD(
      "nl.knooppunt.bijstand.inzet-geregistreerd", DeploymentRegistered.class),
  BIJSTAND_KOSTEN_GEREGISTREERD(
      "nl.knooppunt.bijstand.kosten-geregistreerd", CostsRegistered.class),

  // --- on their own topics
  /** A notice to one recipient (on {@link Topic#NOTIFICATIONS}; the workers). */
  NOTIFICATIE("nl.knooppunt.notificatie", Notice.class),
  /**
   * An acknowledgement of a notice (on {@link Topic#ACKNOWLEDGEMENTS}: regional systems and the
   * gateway's API).
   */
  BEVESTIGING("nl.knooppunt.bevestiging", Acknowledgement.class),
  /** The level in force in one municipality (on {@link Topic#THREAT_LEVELS}; the workers). */
  DREIGINGSNIVEAU_VAN_KRACHT("nl.knooppunt.dreigingsniveau.van-kracht", ThreatLevelInForce.class),
  /**
   * An anchor of the logbook's chain (on {@link Topic#LOGBOOK_ANCHORS}; the gateway, beside its
   * anchor file).
   */
  LOGBOEK_VERANKERD("nl.knooppunt.logboek.verankerd", LogbookAnchored.class);

  private final String type;
  private final Class<? extends EventPayload> payload;

  EventType(String type, Class<? extends EventPayload> payload) {
    this.type = type;
    this.payload = payload;
  }

  /** The CloudEvents {@code type} attribute. */
  public String type() {
    return type;
  }

  /** The record of this type's {@code data}. */
  public Class<? extends EventPayload> payload() {
    return payload;
  }

  public static Optional<EventType> of(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  @Override
  public String toString() {
    return type;
  }
}
