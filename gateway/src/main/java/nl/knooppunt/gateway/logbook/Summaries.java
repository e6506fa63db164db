package nl.knooppunt.gateway.logbook;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.notification.NoticeIds;
import nl.knooppunt.gateway.readmodel.Columns;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.Labels;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.Steps;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.GripAdviceGiven;
import nl.knooppunt.processes.events.MessageDelivered;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.events.ProcessRegistered;
import nl.knooppunt.processes.events.ProcessStuck;
import nl.knooppunt.processes.events.RoundCompleted;
import nl.knooppunt.processes.events.RoundSent;
import nl.knooppunt.processes.events.SlaPassed;
import nl.knooppunt.processes.events.TaskChanged;
import nl.knooppunt.processes.events.TaskClaimChanged;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import org.springframework.stereotype.Component;

/**
 * A readable Dutch line per event for the logbook and the timeline: who (by name), what, in words a
 * duty officer reads at 3 a.m. — never a code, an account id or a raw time.
 */
@Component
class Summaries {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"));
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** What a message to a running process means, said of the person who sent it. */
  private static final Map<String, String> MESSAGES =
      Map.of(
          MessageName.AFSCHALING_VOORGESTELD.messageName(), "stelde afschaling voor",
          MessageName.DADER_AANGEHOUDEN.messageName(), "meldde de aanhouding van de dader(s)",
          MessageName.TERRORISTISCH_MOTIEF_GEMELD.messageName(),
              "meldde een mogelijk terroristisch motief",
          MessageName.MANHUNT_BEEINDIGD.messageName(), "meldde het einde van de manhunt",
          MessageName.BIJSTAND_VERLENGING_AANGEVRAAGD.messageName(),
              "vroeg verlenging van de inzet aan",
          MessageName.BIJSTAND_INZET_BEEINDIGD.messageName(), "meldde het einde van de inzet",
          MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE.messageName(),
              "besloot zonder volledige informatie van politie, OM en partners verder te gaan");

  /** Facts the processes record (header {@code gebeurtenis}), in words. */
  private static final Map<String, String> FACTS =
      Map.of(
          "STILZWIJGEN_REGIO", "reageerde niet binnen de termijn op de afstemming",
          "STILZWIJGEN_AANBOD", "deed binnen de termijn geen aanbod (telt als geen aanbod)",
          "VIER_OGEN_GEWEIGERD",
              "Besluit geweigerd (vier ogen): wie voorstelde mag niet besluiten, wie besloot of"
                  + " voorstelde mag niet medeondertekenen",
          "MEDEONDERTEKENING_GEWEIGERD",
              "Medeondertekening geweigerd: het besluit is niet van kracht en gaat terug naar de"
                  + " besluitvormer",
          "BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE",
              "Het wachten op informatie van politie, OM en partners is beëindigd: het besluit"
                  + " wordt genomen zonder volledige informatie",
          "VERLOPEN_ZONDER_BESLUIT",
              "Dreigingsniveau 5 verlopen zonder besluit: de eindtijd is bereikt zonder verlenging"
                  + " of afschaling");

  /** Facts about one region: the sentence starts with the region. */
  private static final java.util.Set<String> REGION_FACTS =
      java.util.Set.of("STILZWIJGEN_REGIO", "STILZWIJGEN_AANBOD");

  private final DirectoryAdapter directory;

  public Summaries(DirectoryAdapter directory) {
    this.directory = directory;
  }

  /** A message in words; a decision without full information with its reason. */
  private String message(CloudEvent<? extends EventPayload> e, MessageDelivered m) {
    String line = who(e) + " " + MESSAGES.getOrDefault(m.message(), "gaf een bericht door");
    String reason =
        m.variables() == null
            ? null
            : m.variables().get(Variable.ZONDER_INFORMATIE_REDEN.variableName());
    return MessageName.BESLUIT_ZONDER_VOLLEDIGE_INFORMATIE.messageName().equals(m.message())
            && reason != null
        ? line + ". Reden: " + reason
        : line;
  }

  public String of(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    return switch (e.type()) {
      case CRISIS_GESTART -> who(e) + " startte: " + nz(((CrisisStarted) data).title());
      case PROCES_GEREGISTREERD ->
          "Proces geregistreerd: " + Labels.process(((ProcessRegistered) data).process());
      case CRISIS_AFGESLOTEN -> "Crisis afgesloten na de evaluatie";
      case LOGBOEK_FEIT -> fact((FactRecorded) data);
      case DREIGINGSNIVEAU_GEWIJZIGD -> {
        ThreatLevelChanged d = (ThreatLevelChanged) data;
        yield level(
            String.valueOf(d.level()),
            d.action(),
            d.validUntil() == null ? null : d.validUntil().toString());
      }
      case MELDING_VERSTUURD ->
          "Melding verstuurd aan " + recipient((Notice) data) + channel(((Notice) data).channel());
      case MELDING_FALLBACK_VERSTUURD ->
          "Geen bevestiging: melding opnieuw verstuurd aan "
              + recipient((Notice) data)
              + " via het reservekanaal"
              + channel(((Notice) data).channel());
      case MELDING_BEVESTIGD ->
          recipientOf(((Acknowledgement) data).notificationId())
              + " bevestigde de melding"
              + (Acknowledgement.ROUTE_LINK.equals(((Acknowledgement) data).route())
                  ? " (via persoonlijke link: " + ((Acknowledgement) data).acknowledgedBy() + ")"
                  : e.actor() == null || "procesengine".equals(e.actor())
                      ? ""
                      : " (" + who(e) + ")");
      case MELDINGRONDE_VERSTUURD ->
          "Alle "
              + ((RoundSent) data).sent()
              + " meldingen verstuurd: de publiekscommunicatie mag volgen";
      case MELDINGRONDE_AFGEROND ->
          "Meldronde afgerond: "
              + ((RoundCompleted) data).acknowledged()
              + " van "
              + ((RoundCompleted) data).recipients()
              + " bevestigd";
      case SLA_HERINNERING -> {
        SlaPassed d = (SlaPassed) data;
        yield "Herinnering: de termijn van "
            + quoted(step(d.origin(), d.task()))
            + " is verstreken";
      }
      case SLA_ESCALATIE -> {
        SlaPassed d = (SlaPassed) data;
        yield "Escalatie naar "
            + group(d.escalateTo())
            + ": de termijn van "
            + quoted(step(d.origin(), d.task()))
            + (d.sla() == null ? "" : " (" + Labels.duration(d.sla()) + ")")
            + " is verstreken";
      }
      case COMMUNICATIE_GEPUBLICEERD -> "Publiekscommunicatie gepubliceerd";
      case GRIP_ADVIES_GEGEVEN -> {
        GripAdviceGiven d = (GripAdviceGiven) data;
        yield "GRIP-advies gegeven"
            + (d.gripLevel() == null ? "" : ": GRIP " + d.gripLevel())
            + (d.vrCode() == null ? "" : " aan " + region(d.vrCode()));
      }
      case PUBLIEKSOPROEP_UITGEZET -> "Publieksoproep uitgezet";
      case SITUATIERAPPORT_VERSPREID -> "Situatierapport verspreid";
      case DREIGINGSNIVEAU_VOORGESTELD -> "Gekoppeld dreigingsniveau 5 voorgesteld";
      case AFSCHALING_VOORGESTELD -> "Afschaling van het gekoppelde dreigingsniveau 5 voorgesteld";
      case BIJSTAND_GEVALIDEERD -> "Bijstandsaanvraag gecontroleerd";
      case BIJSTAND_INZET_GEREGISTREERD -> {
        DeploymentRegistered d = (DeploymentRegistered) data;
        yield "Bijstandsinzet geregistreerd"
            + (d.until() == null ? "" : " tot " + when(d.until().toString()));
      }
      case BIJSTAND_KOSTEN_GEREGISTREERD -> "Kosten van de bijstand geregistreerd";
      case BERICHT_GEMELD -> message(e, (MessageDelivered) data);
      case TAAK_AANGEMAAKT ->
          "Taak "
              + quoted(((TaskCreated) data).name())
              + " klaargezet voor "
              + groups(((TaskCreated) data).candidateGroups());
      case TAAK_TOEGEWEZEN -> "Taak " + quoted(((TaskChanged) data).name()) + " toegewezen";
      case TAAK_VOLTOOID -> "Taak " + quoted(((TaskChanged) data).name()) + " voltooid";
      case TAAK_GEANNULEERD -> "Taak " + quoted(((TaskChanged) data).name()) + " vervallen";
      case TAAK_GECLAIMD ->
          who(e) + " pakte taak " + quoted(((TaskClaimChanged) data).name()) + " op";
      case TAAK_VRIJGEGEVEN ->
          who(e) + " gaf taak " + quoted(((TaskClaimChanged) data).name()) + " vrij";
      case TAAK_AFGEROND -> {
        TaskCompletedByUser d = (TaskCompletedByUser) data;
        Object outcome =
            d.form().get("uitkomst") != null
                ? d.form().get("uitkomst")
                : d.form().get("beslissing");
        yield who(e)
            + " rondde "
            + quoted(d.name())
            + " af"
            + (outcome == null ? "" : ": " + Labels.value(String.valueOf(outcome)));
      }
      case PROCES_STAAT_STIL -> {
        ProcessStuck d = (ProcessStuck) data;
        yield "Proces staat stil bij "
            + quoted(d.step() != null ? d.step() : d.elementId())
            + ": "
            + nz(d.errorMessage());
      }
      case PROCES_HERSTELD -> "Het proces gaat weer verder (stilstand opgelost)";
      case PROCES_OPNIEUW_GEPROBEERD -> {
        var r = (nl.knooppunt.processes.events.ProcessRepaired) data;
        yield who(e)
            + " probeerde stap "
            + quoted(stepName(r))
            + " opnieuw (procesinstantie "
            + r.processInstanceKey()
            + ")";
      }
      case PROCES_GEANNULEERD -> {
        var r = (nl.knooppunt.processes.events.ProcessRepaired) data;
        yield who(e)
            + " annuleerde procesinstantie "
            + r.processInstanceKey()
            + " ("
            + r.processId()
            + "): "
            + nz(r.reason());
      }
      case MAATREGELEN_VASTGESTELD ->
          who(e)
              + " legde versie "
              + ((nl.knooppunt.processes.events.MeasuresSet) data).version()
              + " vast van de maatregelen bij dreigingsniveau 5 per rol";
      case VERBETERACTIE_VASTGELEGD -> {
        var a = (nl.knooppunt.processes.events.ImprovementActionRecorded) data;
        yield who(e)
            + " legde verbeteractie "
            + quoted(a.text())
            + " vast voor "
            + a.owner()
            + ", gereed op "
            + a.dueDate();
      }
      case VERBETERACTIE_AFGEROND ->
          who(e)
              + " rondde verbeteractie "
              + ((nl.knooppunt.processes.events.ImprovementActionDone) data).actionId()
              + " af";
      case VERBETERACTIE_STATUS_GEWIJZIGD -> {
        var a = (nl.knooppunt.processes.events.ImprovementActionStatusChanged) data;
        yield who(e)
            + (nl.knooppunt.processes.events.ImprovementActionStatusChanged.DROPPED.equals(
                    a.status())
                ? " liet verbeteractie " + a.actionId() + " vervallen: " + nz(a.reason())
                : " nam verbeteractie " + a.actionId() + " in uitvoering");
      }
      case VERBETERACTIE_HERINNERING -> {
        var r = (nl.knooppunt.processes.events.ImprovementActionReminder) data;
        yield "Herinnering aan "
            + nz(r.owner())
            + ": verbeteractie "
            + r.actionId()
            + (nl.knooppunt.processes.events.ImprovementActionReminder.DUE_TODAY.equals(r.kind())
                ? " moet vandaag gereed zijn"
                : " moet gereed zijn op " + r.dueDate());
      }
      case EVALUATIE_GEDEELD ->
          who(e)
              + " deelde de evaluatie met "
              + String.join(
                  ", ", ((nl.knooppunt.processes.events.EvaluationShared) data).regions());
      case MELDING_AFLEVERPOGING -> {
        var d = (nl.knooppunt.processes.events.DeliveryAttempt) data;
        yield ("SMS".equals(d.channel()) ? "Sms" : "E-mail")
            + " aan "
            + nz(d.person())
            + (d.recipientName() == null ? "" : " (" + d.recipientName() + ")")
            + ": "
            + switch (d.status()) {
              case GEACCEPTEERD -> "afgeleverd";
              case MISLUKT -> "mislukt" + (d.detail() == null ? "" : " (" + d.detail() + ")");
              case ONBESTELBAAR ->
                  "onbestelbaar" + (d.detail() == null ? "" : " (" + d.detail() + ")");
            };
      }
      case CONTACTEN_VASTGESTELD ->
          "Contactketen van "
              + recipientOf(((nl.knooppunt.processes.events.ContactChainSet) data).authorityCode())
              + " gewijzigd";
      case NOTIFICATIE -> "Melding";
      case BEVESTIGING -> "Bevestiging";
      case DREIGINGSNIVEAU_VAN_KRACHT -> "Dreigingsniveau van kracht";
      case LOGBOEK_VERANKERD -> "Logboek verankerd";
    };
  }

  private String fact(FactRecorded d) {
    String what = d.fact();
    String text = FACTS.get(what);
    if (text == null) {
      return "Vastgelegd: " + Labels.value(what == null ? "feit" : what);
    }
    return REGION_FACTS.contains(what) ? region(d.vrCode()) + " " + text : text;
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
    OffsetDateTime t = Columns.time(iso);
    return t == null ? nz(iso) : WHEN.format(t.atZoneSameInstant(AMSTERDAM));
  }

  private static String stepName(nl.knooppunt.processes.events.ProcessRepaired r) {
    if (r.elementId() == null) {
      return "?";
    }
    return nl.knooppunt.processes.Steps.name(r.processId(), r.elementId()).orElse(r.elementId());
  }

  private static String who(CloudEvent<?> e) {
    String name = e.actorname();
    if (name != null && !name.isBlank()) {
      return name;
    }
    return e.actor() == null || "procesengine".equals(e.actor()) ? "Het knooppunt" : e.actor();
  }

  private String recipient(Notice n) {
    return n.recipientName() != null ? n.recipientName() : recipientOf(n.recipientCode());
  }

  /**
   * The authority a notice id or code is for ({@code .../BM-GM0344} → Burgemeester van Utrecht).
   */
  private String recipientOf(String idOrCode) {
    if (idOrCode == null) {
      return "de ontvanger";
    }
    String id = NoticeIds.primary(idOrCode);
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

  private String groups(List<String> groups) {
    List<String> out = new ArrayList<>();
    groups.forEach(g -> out.add(group(g)));
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

  private String step(Origin origin, String elementId) {
    String process = origin == null ? null : origin.process();
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
