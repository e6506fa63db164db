package nl.knooppunt.gateway.readmodel;

import static nl.knooppunt.gateway.events.EventTypes.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.knooppunt.gateway.directory.Directory;
import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.Labels;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.Steps;
import nl.knooppunt.processes.events.EventType;
import org.springframework.stereotype.Component;

/**
 * A readable Dutch line per event for the logbook and the timeline: who (by name), what, in words a
 * duty officer reads at 3 a.m. — never a code, an account id or a raw time.
 */
@Component
public class Summaries {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"));
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** What a message to a running process means, said of the person who sent it. */
  private static final Map<String, String> MESSAGES =
      Map.of(
          MessageName.AFSCHALING_VOORGESTELD.messageName(), "stelde afschaling voor",
          MessageName.DADER_AANGEHOUDEN.messageName(), "meldde de aanhouding van de dader(s)",
          MessageName.MANHUNT_BEEINDIGD.messageName(), "meldde het einde van de manhunt",
          MessageName.BIJSTAND_VERLENGING_AANGEVRAAGD.messageName(),
              "vroeg verlenging van de inzet aan",
          MessageName.BIJSTAND_INZET_BEEINDIGD.messageName(), "meldde het einde van de inzet");

  /** Facts the processes record (header {@code gebeurtenis}), in words. */
  private static final Map<String, String> FACTS =
      Map.of(
          "STILZWIJGEN_REGIO", "reageerde niet binnen de termijn op de afstemming",
          "STILZWIJGEN_AANBOD", "deed binnen de termijn geen aanbod (telt als geen aanbod)",
          "VIER_OGEN_GEWEIGERD",
              "Besluit geweigerd: wie voorstelde, mag niet zelf besluiten (vier ogen)");

  private final Directory directory;

  public Summaries(Directory directory) {
    this.directory = directory;
  }

  public String of(Envelope e) {
    String given = e.text("summary");
    if (given != null && !given.isBlank()) {
      return given;
    }
    Optional<EventType> catalogued = EventType.of(e.type());
    if (catalogued.isPresent()) {
      return catalogued(catalogued.get(), e);
    }
    return switch (e.type()) {
      case CRISIS_GEREGISTREERD -> "Crisis geregistreerd: " + nz(e.text("title"));
      case CRISIS_STATUS_GEWIJZIGD -> "Fase: " + Labels.phase(e.text("status"));
      case CRISIS_AFGESLOTEN -> "Crisis afgesloten";
      case GEBIED_BEPAALD -> "Getroffen regio's bepaald: " + regions(e.data().path("regions"));
      case BESLUIT_GENOMEN ->
          "Besluit: "
              + Labels.value(e.text("decision"))
              + " ("
              + Projector.firstNonNull(e.text("decidedBy"), who(e))
              + ")";
      case DREIGINGSNIVEAU_GEREGISTREERD ->
          level(e.text("level"), e.text("action"), e.text("validUntil"));
      case MELDING_VERSTUURD -> "Melding verstuurd aan " + recipient(e);
      case MELDING_BEVESTIGD -> recipientOf(notificationId(e)) + " bevestigde de melding";
      case MELDING_GEESCALEERD -> "Melding aan " + recipientOf(notificationId(e)) + " geëscaleerd";
      case STILZWIJGEN_VASTGELEGD -> region(e.text("vrCode")) + " reageerde niet binnen de termijn";
      case SLA_VERSTREKEN -> "Termijn verstreken: " + step(e, e.text("task"));
      case BIJSTAND_INZET_GEREGISTREERD -> "Bijstandsinzet geregistreerd";
      case BIJSTAND_INZET_BEEINDIGD -> "Bijstandsinzet beëindigd";
      default -> "Gebeurtenis vastgelegd";
    };
  }

  /** The event types of the catalogue. */
  private String catalogued(EventType type, Envelope e) {
    return switch (type) {
      case CRISIS_GEOPEND -> {
        String area = Projector.textOf(e.data().path("gebied"), "naam");
        yield "Crisis geopend: "
            + Labels.process(Projector.firstNonNull(e.text("soortCrisis"), e.text("proces")))
            + (area == null ? "" : ", " + area);
      }
      case CRISIS_AFGESLOTEN -> "Crisis afgesloten na de evaluatie";
      case LOGBOEK_FEIT -> fact(e);
      case DREIGINGSNIVEAU_GEWIJZIGD ->
          level(
              Projector.firstNonNull(e.text("niveau"), e.text("level")),
              Projector.firstNonNull(e.text("actie"), e.text("action")),
              e.text("geldigTot"));
      case MELDING_VERSTUURD ->
          "Melding verstuurd aan "
              + recipient(e)
              + channel(Projector.firstNonNull(e.text("kanaal"), e.text("channel")));
      case MELDING_FALLBACK_VERSTUURD ->
          "Geen bevestiging: melding opnieuw verstuurd aan "
              + recipient(e)
              + " via het reservekanaal"
              + channel(e.text("kanaal"));
      case MELDING_BEVESTIGD ->
          recipientOf(notificationId(e))
              + " bevestigde de melding"
              + (e.actor() == null || "procesengine".equals(e.actor()) ? "" : " (" + who(e) + ")");
      case MELDINGRONDE_VERSTUURD ->
          "Alle "
              + nz(e.text("verstuurd"))
              + " meldingen verstuurd: de publiekscommunicatie mag volgen";
      case MELDINGRONDE_AFGEROND ->
          "Meldronde afgerond: "
              + nz(e.text("bevestigd"))
              + " van "
              + nz(e.text("ontvangers"))
              + " bevestigd";
      case SLA_HERINNERING ->
          "Herinnering: de termijn van " + quoted(step(e, e.text("taak"))) + " is verstreken";
      case SLA_ESCALATIE ->
          "Escalatie naar "
              + group(e.text("escalerenNaar"))
              + ": de termijn van "
              + quoted(step(e, e.text("taak")))
              + (e.text("sla") == null ? "" : " (" + Labels.duration(e.text("sla")) + ")")
              + " is verstreken";
      case COMMUNICATIE_GEPUBLICEERD -> "Publiekscommunicatie gepubliceerd";
      case GRIP_ADVIES_GEGEVEN ->
          "GRIP-advies gegeven"
              + (e.text("gripAdvies") == null ? "" : ": GRIP " + e.text("gripAdvies"))
              + (e.text("vrCode") == null ? "" : " aan " + region(e.text("vrCode")));
      case PUBLIEKSOPROEP_UITGEZET -> "Publieksoproep uitgezet";
      case SITUATIERAPPORT_VERSPREID -> "Situatierapport verspreid";
      case DREIGINGSNIVEAU_VOORGESTELD -> "Gekoppeld dreigingsniveau 5 voorgesteld";
      case AFSCHALING_VOORGESTELD -> "Afschaling van het gekoppelde dreigingsniveau 5 voorgesteld";
      case BIJSTAND_GEVALIDEERD -> "Bijstandsaanvraag gecontroleerd";
      case BIJSTAND_INZET_GEREGISTREERD ->
          "Bijstandsinzet geregistreerd"
              + (e.text("inzetEinde") == null ? "" : " tot " + when(e.text("inzetEinde")));
      case BIJSTAND_KOSTEN_GEREGISTREERD -> "Kosten van de bijstand geregistreerd";
      case CRISIS_GESTART -> who(e) + " startte: " + nz(e.text("title"));
      case BERICHT_GEMELD ->
          who(e) + " " + MESSAGES.getOrDefault(e.text("message"), "gaf een bericht door");
      case TAAK_AANGEMAAKT ->
          "Taak "
              + quoted(e.text("name"))
              + " klaargezet voor "
              + groups(e.data().path("candidateGroups"));
      case TAAK_TOEGEWEZEN -> "Taak " + quoted(e.text("name")) + " toegewezen";
      case TAAK_VOLTOOID -> "Taak " + quoted(e.text("name")) + " voltooid";
      case TAAK_GEANNULEERD -> "Taak " + quoted(e.text("name")) + " vervallen";
      case TAAK_GECLAIMD -> who(e) + " pakte taak " + quoted(e.text("name")) + " op";
      case TAAK_VRIJGEGEVEN -> who(e) + " gaf taak " + quoted(e.text("name")) + " vrij";
      case TAAK_AFGEROND -> {
        String outcome = Projector.textOf(e.data().path("form"), "uitkomst", "beslissing");
        yield who(e)
            + " rondde "
            + quoted(e.text("name"))
            + " af"
            + (outcome == null ? "" : ": " + Labels.value(outcome));
      }
      case PROCES_STAAT_STIL ->
          "Proces staat stil bij "
              + quoted(Projector.firstNonNull(e.text("step"), e.text("elementId")))
              + ": "
              + nz(e.text("errorMessage"));
      case PROCES_HERSTELD -> "Het proces gaat weer verder (stilstand opgelost)";
      case NOTIFICATIE -> "Melding";
      case BEVESTIGING -> "Bevestiging";
    };
  }

  private String fact(Envelope e) {
    String what = e.text("gebeurtenis");
    String text = FACTS.get(what);
    if (text == null) {
      return "Vastgelegd: " + Labels.value(what == null ? "feit" : what);
    }
    return "VIER_OGEN_GEWEIGERD".equals(what) ? text : region(e.text("vrCode")) + " " + text;
  }

  /** "Dreigingsniveau 5 afgekondigd tot wo 19 mrt. 2030 06:00", "... afgeschaald naar 3". */
  private static String level(String level, String action, String until) {
    String tot = until == null ? "" : " tot " + when(until);
    if ("AFSCHALEN".equals(action)) {
      return "Dreigingsniveau afgeschaald naar niveau " + nz(level);
    }
    if ("VERLENGEN".equals(action)) {
      return "Dreigingsniveau " + nz(level) + " verlengd" + tot;
    }
    if ("AFKONDIGEN".equals(action)) {
      return "Dreigingsniveau " + nz(level) + " afgekondigd" + tot;
    }
    return "Dreigingsniveau " + nz(level) + " geregistreerd" + tot;
  }

  /** A time in the pages' one format, with the year. */
  static String when(String iso) {
    OffsetDateTime t = Projector.time(iso);
    return t == null ? nz(iso) : WHEN.format(t.atZoneSameInstant(AMSTERDAM));
  }

  private static String who(Envelope e) {
    String name = e.text("actorName");
    if (name != null && !name.isBlank()) {
      return name;
    }
    return e.actor() == null || "procesengine".equals(e.actor()) ? "Het knooppunt" : e.actor();
  }

  private String recipient(Envelope e) {
    String name = Projector.firstNonNull(e.text("ontvangerNaam"), e.text("recipientName"));
    return name != null
        ? name
        : recipientOf(Projector.firstNonNull(e.text("ontvanger"), e.text("recipientCode")));
  }

  private static String notificationId(Envelope e) {
    return Projector.firstNonNull(e.text("notificationId"), e.text("notificatieId"));
  }

  /**
   * The authority a notice id or code is for ({@code .../BM-GM0344} → Burgemeester van Utrecht).
   */
  private String recipientOf(String idOrCode) {
    if (idOrCode == null) {
      return "de ontvanger";
    }
    String id = Projector.primaryNotificationId(idOrCode);
    String code = id.substring(id.lastIndexOf('/') + 1);
    return directory.authority(code).map(a -> a.name()).orElse(code);
  }

  private static String channel(String channel) {
    return channel == null ? "" : " (" + Labels.channel(channel) + ")";
  }

  private String region(String vrCode) {
    return vrCode == null
        ? "Een regio"
        : directory.regionName(vrCode).map(n -> "Veiligheidsregio " + n).orElse(vrCode);
  }

  private String regions(JsonNode codes) {
    List<String> out = new ArrayList<>();
    codes.forEach(c -> out.add(directory.regionName(c.asText()).orElse(c.asText())));
    return String.join(", ", out);
  }

  private String groups(JsonNode groups) {
    List<String> out = new ArrayList<>();
    groups.forEach(g -> out.add(group(g.asText())));
    return out.isEmpty() ? "de groep" : String.join(", ", out);
  }

  /** A candidate group in words: roles by name, regions by the region's name. */
  String group(String group) {
    if (group == null) {
      return "";
    }
    if (group.startsWith(CandidateGroup.REGIO_PREFIX)) {
      return region(group.substring(CandidateGroup.REGIO_PREFIX.length()));
    }
    if (group.startsWith(CandidateGroup.POLITIE_PREFIX)) {
      return "Politie-eenheid " + group.substring(CandidateGroup.POLITIE_PREFIX.length());
    }
    if (group.startsWith(CandidateGroup.GEZAG_PREFIX)) {
      String gm = group.substring(CandidateGroup.GEZAG_PREFIX.length());
      return "Gezag " + directory.municipalityName(gm).orElse(gm);
    }
    return Labels.group(group).orElse(group);
  }

  private String step(Envelope e, String elementId) {
    String process = Projector.firstNonNull(e.text("proces"), e.text("process"));
    return process == null || elementId == null
        ? nz(elementId)
        : Steps.name(process, elementId).orElse(elementId);
  }

  private static String quoted(String s) {
    return "'" + nz(s) + "'";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
