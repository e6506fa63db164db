package nl.knooppunt.workers.jobs;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.AuthorityCodes;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.directory.Municipality;
import nl.knooppunt.directory.SafetyRegion;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.GripAdviceGiven;
import nl.knooppunt.processes.events.LevelFiveProposed;
import nl.knooppunt.processes.events.LoweringProposed;
import nl.knooppunt.processes.events.PublicAppealIssued;
import nl.knooppunt.processes.events.SituationReportSent;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.LevelFiveConsideration;
import nl.knooppunt.processes.variables.ManhuntStart;
import nl.knooppunt.processes.variables.PublicAppeal;
import nl.knooppunt.processes.variables.Recipient;
import nl.knooppunt.processes.variables.ThreatLevelStart;
import nl.knooppunt.workers.camunda.EngineRejections;
import nl.knooppunt.workers.notification.NoticeSender;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.springframework.stereotype.Component;

/**
 * The manhunt's side effects: GRIP advice to the affected region, public appeals, situation
 * reports, and the messages that start a linked level 5 (with its {@code crisis.gestart}: this
 * worker starts that crisis) and later propose to lower it.
 */
@Component
public class ManhuntWorkers {

  /** How long a proposed level 5 from a manhunt runs before its first review. */
  static final Duration PROPOSED_LEVEL_5_DURATION = Duration.ofHours(24);

  public record Advice(
      String crisisId, Boolean exercise, ManhuntStart.Location locatie, Integer gripAdvies) {}

  public record Appeal(String crisisId, Boolean exercise, PublicAppeal publieksoproep) {}

  public record Proposal(
      String crisisId,
      Boolean exercise,
      ManhuntStart.Location locatie,
      LevelFiveConsideration overweging,
      String gekoppeldDreigingsniveauId) {}

  public record Report(
      String crisisId,
      Boolean exercise,
      ManhuntStart.Location locatie,
      List<Recipient> ontvangers) {}

  public record StandDown(
      String crisisId,
      Boolean exercise,
      String gekoppeldDreigingsniveauId,
      String afloop,
      String afloopToelichting) {}

  private final Directory directory;
  private final NoticeSender sender;
  private final DomainEvents events;
  private final CamundaClient camunda;
  private final Clock clock;

  /** How long a linked level 5's municipalities have for a local message (a setting). */
  private final java.time.Duration localMessageSla;

  /** How often a linked level 5 asks for situation reports (a setting). */
  private final java.time.Duration reportInterval;

  ManhuntWorkers(
      Directory directory,
      NoticeSender sender,
      DomainEvents events,
      CamundaClient camunda,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value(
              "${" + ThreatLevelStart.SLA_LOKALE_BOODSCHAP_SETTING + ":}")
          String localMessageSla,
      @org.springframework.beans.factory.annotation.Value(
              "${" + ThreatLevelStart.INTERVAL_SITUATIERAPPORT_SETTING + ":}")
          String reportInterval) {
    this.localMessageSla = ThreatLevelStart.setting(localMessageSla);
    this.reportInterval = ThreatLevelStart.setting(reportInterval);
    this.directory = directory;
    this.sender = sender;
    this.events = events;
    this.camunda = camunda;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.MANHUNT_GRIP_ADVISEREN)
  public void adviseGrip(ActivatedJob job, @VariablesAsType Advice advice) {
    SafetyRegion region = regionOf(advice.locatie());
    String reason = job.getCustomHeaders().getOrDefault("reden", "MANHUNT");
    String subject = "Advies: schaal op naar GRIP " + advice.gripAdvies();
    String text =
        "Het Landelijk Knooppunt adviseert Veiligheidsregio "
            + region.name()
            + " direct op te schalen naar GRIP "
            + advice.gripAdvies()
            + " vanwege een manhunt bij "
            + advice.locatie().omschrijving()
            + ("MOGELIJK_TERRORISTISCH_MOTIEF".equals(reason)
                ? ". Er is een mogelijk terroristisch motief: niet wachten op verdere escalatie."
                : ".")
            + " Bevestig de opschaling in het Knooppunt; wijkt de regio naar beneden af, leg dan uit"
            + " waarom.";
    for (String code : adviceRecipients(advice.locatie(), region)) {
      Authority recipient = directory.authority(code).orElseThrow();
      sender.send(
          new OutgoingNotice(
              advice.crisisId() + "/grip-advies/" + code,
              advice.crisisId(),
              Boolean.TRUE.equals(advice.exercise()),
              recipient,
              recipient.primary(),
              "GRIP_ADVIES",
              subject,
              text,
              false),
          EventType.MELDING_VERSTUURD);
    }
    events.log(
        job,
        EventType.GRIP_ADVIES_GEGEVEN,
        advice.crisisId(),
        Boolean.TRUE.equals(advice.exercise()),
        new GripAdviceGiven(region.code(), advice.gripAdvies(), reason, DomainEvents.origin(job)));
  }

  /**
   * Puts out one public appeal: the OvJ's opsporingsbericht with photo/name, or the gezag's
   * NL-Alert and/or Burgernet; the event names who decided it.
   */
  @JobWorker(type = JobTypes.MANHUNT_PUBLIEKSOPROEP_UITZETTEN)
  public void issueAppeals(ActivatedJob job, @VariablesAsType Appeal appeal) {
    PublicAppeal decided = appeal.publieksoproep();
    List<String> channels = new ArrayList<>();
    if (decided != null && Boolean.TRUE.equals(decided.nlAlert())) {
      channels.add("NL_ALERT");
    }
    if (decided != null && Boolean.TRUE.equals(decided.burgernet())) {
      channels.add("BURGERNET");
    }
    if (decided != null && Boolean.TRUE.equals(decided.opsporingsberichtMetFotoNaam())) {
      channels.add("OPSPORINGSBERICHT_FOTO_NAAM");
    }
    events.log(
        job,
        EventType.PUBLIEKSOPROEP_UITGEZET,
        appeal.crisisId(),
        Boolean.TRUE.equals(appeal.exercise()),
        new PublicAppealIssued(
            channels,
            decided == null ? null : decided.besluitDoor(),
            decided == null ? null : decided.toelichting(),
            DomainEvents.origin(job)));
  }

  @JobWorker(type = JobTypes.MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN)
  public Map<String, Object> proposeLevel5(ActivatedJob job, @VariablesAsType Proposal proposal) {
    String linkedId = proposal.gekoppeldDreigingsniveauId();
    LevelFiveConsideration considered = proposal.overweging();
    LevelFiveArea area =
        considered != null && considered.gebied() != null
            ? considered.gebied()
            : provinceOf(proposal.locatie());
    String proposer =
        considered != null && considered.beslisser() != null
            ? considered.beslisser()
            : "manhunt " + proposal.crisisId();
    ThreatLevelStart start =
        new ThreatLevelStart(
            linkedId,
            Boolean.TRUE.equals(proposal.exercise()),
            area,
            considered != null && considered.reden() != null
                ? considered.reden()
                : "Manhunt met mogelijk terroristisch motief",
            proposer,
            clock.instant().plus(PROPOSED_LEVEL_5_DURATION).toString(),
            proposal.crisisId(),
            localMessageSla == null ? null : localMessageSla.toString(),
            reportInterval == null ? null : reportInterval.toString(),
            true);
    boolean exercise = Boolean.TRUE.equals(proposal.exercise());
    // the start of the linked level 5 is this job's fact: it goes out before the level 5 exists
    events.log(
        "crisis-gestart:" + linkedId,
        EventType.CRISIS_GESTART,
        linkedId,
        exercise,
        new CrisisStarted(
            ProcessId.DREIGINGSNIVEAU_5.id(),
            "Dreigingsniveau 5: " + area.naam(),
            Area.of(area),
            List.of(),
            null,
            proposer,
            proposal.crisisId(),
            start,
            null,
            null));
    publishOnce(MessageName.DREIGINGSNIVEAU_VOORSTEL, linkedId, linkedId, start);
    events.log(
        job,
        EventType.DREIGINGSNIVEAU_VOORGESTELD,
        proposal.crisisId(),
        exercise,
        new LevelFiveProposed(linkedId, Area.of(area), DomainEvents.origin(job)));
    return Map.of(Variable.GEKOPPELD_DREIGINGSNIVEAU_ID.variableName(), linkedId);
  }

  @JobWorker(type = JobTypes.MANHUNT_SITUATIERAPPORT_VERSPREIDEN)
  public void distributeReport(ActivatedJob job, @VariablesAsType Report report) {
    List<Recipient> recipients = report.ontvangers() == null ? List.of() : report.ontvangers();
    var now = clock.instant();
    String where = report.locatie() == null ? "onbekend" : report.locatie().omschrijving();
    for (Recipient o : recipients) {
      directory
          .authority(o.code())
          .ifPresent(
              recipient ->
                  sender.send(
                      new OutgoingNotice(
                          report.crisisId()
                              + "/sitrap/"
                              + job.getElementInstanceKey()
                              + "/"
                              + o.code(),
                          report.crisisId(),
                          Boolean.TRUE.equals(report.exercise()),
                          recipient,
                          recipient.primary(),
                          "SITUATIERAPPORT",
                          "Situatierapport manhunt " + where,
                          "Situatierapport van "
                              + OutgoingNotice.dutchDateTime(now)
                              + " over de manhunt bij "
                              + where
                              + ". Het actuele beeld staat in het Knooppunt.",
                          false),
                      EventType.MELDING_VERSTUURD));
    }
    events.log(
        job,
        EventType.SITUATIERAPPORT_VERSPREID,
        report.crisisId(),
        Boolean.TRUE.equals(report.exercise()),
        new SituationReportSent(recipients.size(), now, DomainEvents.origin(job)));
  }

  /** The level 5 that names a linked manhunt ({@code gekoppeldeManhuntId}), if any. */
  public record LinkedLevelFive(String crisisId, String gekoppeldeManhuntId) {}

  /**
   * A level 5 linked to a manhunt (started from it, or by the duty officer with a {@code
   * linkedManhuntId}) tells the manhunt, which then proposes lowering it after an arrest.
   */
  @JobWorker(type = JobTypes.DREIGINGSNIVEAU_MANHUNT_KOPPELEN)
  public void linkManhunt(@VariablesAsType LinkedLevelFive level) {
    String manhuntId = level.gekoppeldeManhuntId();
    if (manhuntId == null || manhuntId.isBlank()) {
      return; // not linked to a manhunt
    }
    publishOnce(
        MessageName.MANHUNT_NIVEAU5_GEKOPPELD,
        manhuntId,
        level.crisisId() + "/manhunt-gekoppeld",
        Map.of(Variable.GEKOPPELD_DREIGINGSNIVEAU_ID.variableName(), level.crisisId()));
  }

  @JobWorker(type = JobTypes.MANHUNT_AFSCHALING_VOORSTELLEN)
  public void proposeLowering(ActivatedJob job, @VariablesAsType StandDown standDown) {
    String linkedId = standDown.gekoppeldDreigingsniveauId();
    if (linkedId == null || linkedId.isBlank()) {
      return; // no level 5 was started for this manhunt
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(
        Variable.AFSCHALING_VOORGESTELD_DOOR.variableName(), "manhunt " + standDown.crisisId());
    variables.put(
        Variable.AFSCHALING_REDEN.variableName(),
        "Manhunt beëindigd ("
            + standDown.afloop()
            + ")"
            + (standDown.afloopToelichting() == null ? "" : ": " + standDown.afloopToelichting()));
    variables.put(Variable.AFSCHALING_BRON.variableName(), "MANHUNT");
    publishOnce(
        MessageName.AFSCHALING_VOORGESTELD,
        linkedId,
        standDown.crisisId() + "/afschaling-voorgesteld",
        variables);
    events.log(
        job,
        EventType.AFSCHALING_VOORGESTELD,
        standDown.crisisId(),
        Boolean.TRUE.equals(standDown.exercise()),
        new LoweringProposed(linkedId, DomainEvents.origin(job)));
  }

  private void publishOnce(
      MessageName message, String correlationKey, String messageId, Object variables) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(message.messageName())
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(message.timeToLive())
          .variables(variables)
          .send()
          .join();
    } catch (ClientException e) {
      if (!EngineRejections.alreadyExists(e)) {
        throw e;
      }
    }
  }

  /**
   * Who gets the GRIP advice: the driehoek of the affected municipality (its mayor, the police
   * chief of the region's unit and the chief public prosecutor of that unit's parket), the region's
   * chair and the region's crisis organisation. Without a municipality the chair is the gezag.
   */
  private List<String> adviceRecipients(ManhuntStart.Location where, SafetyRegion region) {
    List<String> codes = new ArrayList<>();
    if (where.gemeentecode() != null
        && !where.gemeentecode().isBlank()
        && directory.municipality(where.gemeentecode()).isPresent()) {
      codes.add(AuthorityCodes.mayor(where.gemeentecode()));
    }
    directory
        .policeUnit(region.policeUnitCode())
        .ifPresent(
            unit -> {
              codes.add(AuthorityCodes.policeChief(unit.code()));
              codes.add(AuthorityCodes.chiefProsecutor(unit.prosecutorOfficeCode()));
            });
    codes.add(AuthorityCodes.regionChair(region.code()));
    codes.add(region.code());
    return codes;
  }

  private SafetyRegion regionOf(ManhuntStart.Location where) {
    String regionCode =
        where.vrCode() != null
            ? where.vrCode()
            : directory
                .municipality(where.gemeentecode())
                .map(Municipality::regionCode)
                .orElse(null);
    return directory
        .region(regionCode)
        .orElseThrow(
            () -> new IllegalArgumentException("geen veiligheidsregio bij locatie " + where));
  }

  private LevelFiveArea provinceOf(ManhuntStart.Location where) {
    SafetyRegion region = regionOf(where);
    var province = directory.province(region.provinceCode()).orElseThrow();
    return new LevelFiveArea(
        LevelFiveArea.Kind.PROVINCIE, List.of(province.code()), "provincie " + province.name());
  }
}
