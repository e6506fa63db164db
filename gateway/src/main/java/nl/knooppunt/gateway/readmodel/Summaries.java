package nl.knooppunt.gateway.readmodel;

import static nl.knooppunt.gateway.events.EventTypes.*;

import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.processes.events.EventType;

/** A readable Dutch line per event for the logbook and the timeline. */
final class Summaries {

  private Summaries() {}

  static String of(Envelope e) {
    String given = e.text("summary");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String who = e.actor() == null ? "het knooppunt" : e.actor();
    java.util.Optional<EventType> catalogued = EventType.of(e.type());
    if (catalogued.isPresent()) {
      return catalogued(catalogued.get(), e, who);
    }
    return switch (e.type()) {
      case CRISIS_GEREGISTREERD -> "Crisis geregistreerd: " + nz(e.text("title"));
      case CRISIS_STATUS_GEWIJZIGD -> "Status gewijzigd in " + e.text("status");
      case CRISIS_AFGESLOTEN -> "Crisis afgesloten";
      case GEBIED_BEPAALD -> "Getroffen gebied bepaald: " + e.data().path("regions");
      case BESLUIT_GENOMEN ->
          "Besluit "
              + e.text("decision")
              + " door "
              + Projector.firstNonNull(e.text("decidedBy"), who);
      case DREIGINGSNIVEAU_GEREGISTREERD ->
          "Dreigingsniveau "
              + e.text("level")
              + " geregistreerd ("
              + nz(e.text("action"))
              + ")"
              + (e.text("validUntil") == null ? "" : " tot " + e.text("validUntil"));
      case MELDING_VERSTUURD ->
          "Melding verstuurd aan "
              + Projector.firstNonNull(e.text("recipientName"), e.text("recipientCode"))
              + (e.text("channel") == null ? "" : " (" + e.text("channel") + ")");
      case MELDING_BEVESTIGD ->
          "Melding "
              + e.text("notificationId")
              + " bevestigd door "
              + Projector.firstNonNull(e.text("acknowledgedBy"), who);
      case MELDING_GEESCALEERD -> "Melding " + e.text("notificationId") + " geëscaleerd";
      case STILZWIJGEN_VASTGELEGD ->
          "Stilzwijgen vastgelegd"
              + (e.text("vrCode") == null ? "" : " (" + e.text("vrCode") + ")")
              + (e.text("task") == null ? "" : ": " + e.text("task"));
      case SLA_VERSTREKEN -> "SLA verstreken: " + nz(e.text("task"));
      case BIJSTAND_INZET_GEREGISTREERD -> "Bijstandsinzet geregistreerd";
      case BIJSTAND_INZET_BEEINDIGD -> "Bijstandsinzet beëindigd";
      default -> e.type();
    };
  }

  /** The event types of the catalogue, as the workers write them (Dutch field names). */
  private static String catalogued(EventType type, Envelope e, String who) {
    return switch (type) {
      case CRISIS_GEOPEND ->
          "Crisis geopend ("
              + Projector.firstNonNull(e.text("soortCrisis"), e.text("proces"), "")
              + ")"
              + (Projector.textOf(e.data().path("gebied"), "naam") == null
                  ? ""
                  : ": " + Projector.textOf(e.data().path("gebied"), "naam"));
      case CRISIS_AFGESLOTEN -> "Crisis afgesloten";
      case LOGBOEK_FEIT ->
          "Vastgelegd: "
              + Projector.firstNonNull(e.text("gebeurtenis"), "feit")
              + (e.text("vrCode") == null ? "" : " (" + e.text("vrCode") + ")");
      case DREIGINGSNIVEAU_GEWIJZIGD ->
          "Dreigingsniveau "
              + Projector.firstNonNull(e.text("niveau"), e.text("level"), "?")
              + " geregistreerd ("
              + Projector.firstNonNull(e.text("actie"), e.text("action"), "")
              + ")"
              + (e.text("geldigTot") == null ? "" : " tot " + e.text("geldigTot"));
      case MELDING_VERSTUURD ->
          "Melding verstuurd aan "
              + Projector.firstNonNull(
                  e.text("ontvangerNaam"), e.text("ontvanger"), e.text("recipientName"), "?")
              + (e.text("kanaal") == null ? "" : " (" + e.text("kanaal") + ")");
      case MELDING_FALLBACK_VERSTUURD ->
          "Melding opnieuw verstuurd via het reservekanaal aan "
              + Projector.firstNonNull(e.text("ontvangerNaam"), e.text("ontvanger"), "?");
      case MELDING_BEVESTIGD ->
          "Melding "
              + Projector.firstNonNull(e.text("notificationId"), e.text("notificatieId"))
              + " bevestigd door "
              + Projector.firstNonNull(
                  e.text("acknowledgedBy"), e.text("bevestigdDoor"), e.actor());
      case MELDINGRONDE_VERSTUURD ->
          "Alle meldingen verstuurd ("
              + nz(e.text("verstuurd"))
              + "): de publiekscommunicatie mag volgen";
      case MELDINGRONDE_AFGEROND ->
          "Meldingronde afgerond: "
              + nz(e.text("bevestigd"))
              + " van "
              + nz(e.text("ontvangers"))
              + " bevestigd";
      case SLA_HERINNERING -> "Herinnering: SLA van " + nz(e.text("taak")) + " verstreken";
      case SLA_ESCALATIE ->
          "Escalatie naar "
              + nz(e.text("escalerenNaar"))
              + ": SLA van "
              + nz(e.text("taak"))
              + " verstreken";
      case COMMUNICATIE_GEPUBLICEERD -> "Publiekscommunicatie gepubliceerd";
      case GRIP_ADVIES_GEGEVEN -> "GRIP-advies gegeven";
      case PUBLIEKSOPROEP_UITGEZET -> "Publieksoproep uitgezet";
      case SITUATIERAPPORT_VERSPREID -> "Situatierapport verspreid";
      case DREIGINGSNIVEAU_VOORGESTELD -> "Dreigingsniveau 5 voorgesteld";
      case AFSCHALING_VOORGESTELD -> "Afschaling voorgesteld";
      case BIJSTAND_GEVALIDEERD -> "Bijstandsaanvraag gevalideerd";
      case BIJSTAND_INZET_GEREGISTREERD ->
          "Bijstandsinzet geregistreerd"
              + (e.text("inzetEinde") == null ? "" : " tot " + e.text("inzetEinde"));
      case BIJSTAND_KOSTEN_GEREGISTREERD -> "Kosten van de bijstand geregistreerd";
      case CRISIS_GESTART ->
          "Proces " + e.text("process") + " gestart door " + who + ": " + nz(e.text("title"));
      case BERICHT_GEMELD -> "Bericht " + e.text("message") + " gemeld door " + who;
      case TAAK_AANGEMAAKT ->
          "Taak '" + nz(e.text("name")) + "' klaargezet voor " + e.data().path("candidateGroups");
      case TAAK_TOEGEWEZEN ->
          "Taak '" + nz(e.text("name")) + "' toegewezen aan " + nz(e.text("assignee"));
      case TAAK_VOLTOOID -> "Taak '" + nz(e.text("name")) + "' voltooid";
      case TAAK_GEANNULEERD -> "Taak '" + nz(e.text("name")) + "' vervallen";
      case TAAK_GECLAIMD -> who + " claimde taak '" + nz(e.text("name")) + "'";
      case TAAK_VRIJGEGEVEN -> who + " gaf taak '" + nz(e.text("name")) + "' vrij";
      case TAAK_AFGEROND -> {
        String outcome = Projector.textOf(e.data().path("form"), "uitkomst", "beslissing");
        yield who
            + " rondde taak '"
            + nz(e.text("name"))
            + "' af"
            + (outcome == null ? "" : ": " + outcome);
      }
      case NOTIFICATIE -> "Melding";
      case BEVESTIGING -> "Bevestiging";
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
