package nl.knooppunt.processes.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The domain events on {@link Topic#EVENTS} (and the notice/acknowledgement types on their own
 * topics). The logbook shows every one; the read model projects them.
 */
public enum EventType {
  CRISIS_GEOPEND("nl.knooppunt.crisis.geopend"),
  CRISIS_AFGESLOTEN("nl.knooppunt.crisis.afgesloten"),
  /** A fact for the logbook (header {@code gebeurtenis} of the BPMN task names it). */
  LOGBOEK_FEIT("nl.knooppunt.logboek.feit"),
  DREIGINGSNIVEAU_GEWIJZIGD("nl.knooppunt.dreigingsniveau.gewijzigd"),
  MELDING_VERSTUURD("nl.knooppunt.melding.verstuurd"),
  MELDING_FALLBACK_VERSTUURD("nl.knooppunt.melding.fallback-verstuurd"),
  MELDING_BEVESTIGD("nl.knooppunt.melding.bevestigd"),
  /** Every notice of a round is out (before the public hears it); acknowledgements follow. */
  MELDINGRONDE_VERSTUURD("nl.knooppunt.melding.ronde-verstuurd"),
  MELDINGRONDE_AFGEROND("nl.knooppunt.melding.ronde-afgerond"),
  SLA_HERINNERING("nl.knooppunt.sla.herinnering"),
  SLA_ESCALATIE("nl.knooppunt.sla.escalatie"),
  COMMUNICATIE_GEPUBLICEERD("nl.knooppunt.communicatie.gepubliceerd"),
  GRIP_ADVIES_GEGEVEN("nl.knooppunt.manhunt.grip-advies"),
  PUBLIEKSOPROEP_UITGEZET("nl.knooppunt.manhunt.publieksoproep"),
  SITUATIERAPPORT_VERSPREID("nl.knooppunt.manhunt.situatierapport"),
  DREIGINGSNIVEAU_VOORGESTELD("nl.knooppunt.dreigingsniveau.voorgesteld"),
  AFSCHALING_VOORGESTELD("nl.knooppunt.dreigingsniveau.afschaling-voorgesteld"),
  BIJSTAND_GEVALIDEERD("nl.knooppunt.bijstand.gevalideerd"),
  BIJSTAND_INZET_GEREGISTREERD("nl.knooppunt.bijstand.inzet-geregistreerd"),
  BIJSTAND_KOSTEN_GEREGISTREERD("nl.knooppunt.bijstand.kosten-geregistreerd"),
  // --- produced by the gateway (API commands and the user-task listeners)
  /** A duty officer (or region) started a process through the API. */
  CRISIS_GESTART("nl.knooppunt.crisis.gestart"),
  /** A message was delivered to a running process (lowering, extension, arrest, end). */
  BERICHT_GEMELD("nl.knooppunt.bericht.gemeld"),
  /** Task listener {@code creating}: a user task appeared. */
  TAAK_AANGEMAAKT("nl.knooppunt.taak.aangemaakt"),
  /** Task listener {@code assigning}. */
  TAAK_TOEGEWEZEN("nl.knooppunt.taak.toegewezen"),
  /** Task listener {@code completing}. */
  TAAK_VOLTOOID("nl.knooppunt.taak.voltooid"),
  /** Task listener {@code canceling}. */
  TAAK_GEANNULEERD("nl.knooppunt.taak.geannuleerd"),
  /** A user claimed a task. */
  TAAK_GECLAIMD("nl.knooppunt.taak.geclaimd"),
  /** A user gave a task back to its groups. */
  TAAK_VRIJGEGEVEN("nl.knooppunt.taak.vrijgegeven"),
  /** A user completed a task with a form (the decision, with who and when). */
  TAAK_AFGEROND("nl.knooppunt.taak.afgerond"),
  /**
   * A step of a process cannot go on (an incident at the engine: a worker failed out of retries, an
   * unhandled error, a wrong expression). Produced by the gateway's incident watcher.
   */
  PROCES_STAAT_STIL("nl.knooppunt.proces.staat-stil"),
  /** The incident was resolved (retried or the instance cancelled): the process goes on. */
  PROCES_HERSTELD("nl.knooppunt.proces.hersteld"),
  /** A notice to one recipient (on {@link Topic#NOTIFICATIONS}). */
  NOTIFICATIE("nl.knooppunt.notificatie"),
  /** An acknowledgement of a notice (on {@link Topic#ACKNOWLEDGEMENTS}). */
  BEVESTIGING("nl.knooppunt.bevestiging");

  private final String type;

  EventType(String type) {
    this.type = type;
  }

  public String type() {
    return type;
  }

  public static Optional<EventType> of(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  @Override
  public String toString() {
    return type;
  }
}
