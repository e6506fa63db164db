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
