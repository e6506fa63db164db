package nl.knooppunt.gateway.crisis;

import static nl.knooppunt.gateway.readmodel.Columns.firstNonNull;
import static nl.knooppunt.gateway.readmodel.Columns.text;
import static nl.knooppunt.gateway.readmodel.Columns.ts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.MessageDelivered;
import nl.knooppunt.processes.events.ProcessRegistered;
import nl.knooppunt.processes.events.ProcessRepaired;
import nl.knooppunt.processes.events.ProcessResumed;
import nl.knooppunt.processes.events.ProcessStuck;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The crisis row and what hangs on it: its start and registration, its phase (moved on by tasks,
 * decisions, level changes, messages and deployments), its decisions, its incidents, its end.
 */
@Component
@Order(10)
class CrisisProjection implements Projection {

  /** Form fields that carry the outcome of a decision task. */
  private static final List<String> DECISION_FIELDS =
      List.of("uitkomst", "beslissing", "besluit", "goedkeuring");

  private static final Set<String> LEVEL_ACTIONS_IN_FORCE = Set.of("AFKONDIGEN", "VERLENGEN");

  /** The fact, and the phase, of a level 5 whose end time passed without a decision. */
  static final String EXPIRED = TaskHeader.LogbookEvent.VERLOPEN_ZONDER_BESLUIT.name();

  /** The phase of a crisis whose own process the beheerder cancelled. */
  static final String CANCELLED = "PROCES_GEANNULEERD";

  private final JdbcTemplate jdbc;
  private final DirectoryAdapter directory;

  CrisisProjection(JdbcTemplate jdbc, DirectoryAdapter directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    switch (e.type()) {
      case CRISIS_GESTART -> crisisStarted(e, (CrisisStarted) data);
      case PROCES_GEREGISTREERD -> processRegistered(e, (ProcessRegistered) data);
      case TAAK_AANGEMAAKT -> phaseOnTask(e.crisisId(), ((TaskCreated) data).elementId(), e.time());
      case TAAK_AFGEROND -> decided(e, (TaskCompletedByUser) data);
      case CRISIS_AFGESLOTEN ->
          jdbc.update(
              "update crisis set status = 'AFGESLOTEN', closed = true, closed_at = coalesce(closed_at,"
                  + " ?), updated_at = greatest(updated_at, ?) where crisis_id = ?",
              ts(e.time()),
              ts(e.time()),
              e.crisisId());
      case DREIGINGSNIVEAU_GEWIJZIGD -> levelChanged(e, (ThreatLevelChanged) data);
      case LOGBOEK_FEIT -> {
        // a level 5 that reached its end undecided says so until it is extended or lowered
        if (EXPIRED.equals(((FactRecorded) data).fact())) {
          status(e.crisisId(), EXPIRED, e.time());
        }
      }
      case PROCES_STAAT_STIL -> incidentRaised(e, (ProcessStuck) data);
      case PROCES_HERSTELD ->
          jdbc.update(
              "update incident set resolved_at = coalesce(resolved_at, ?) where incident_key = ?",
              ts(e.time()),
              ((ProcessResumed) data).incidentKey());
      case BERICHT_GEMELD -> {
        String outcome = MESSAGE_PHASES.get(((MessageDelivered) data).message());
        if (outcome != null) {
          status(e.crisisId(), outcome, e.time());
        }
      }
      case BIJSTAND_INZET_GEREGISTREERD -> status(e.crisisId(), "INZET", e.time());
      case PROCES_GEANNULEERD ->
          // the beheerder cancelled the crisis's own process: nothing moves it on any more, so it
          // leaves the open crises (the threat level it set stays as it is, like the law's state)
          jdbc.update(
              "update crisis set status = '"
                  + CANCELLED
                  + "', closed = true, closed_at = coalesce(closed_at, ?), updated_at ="
                  + " greatest(updated_at, ?) where crisis_id = ? and process_instance_key = ?"
                  + " and not closed",
              ts(e.time()),
              ts(e.time()),
              e.crisisId(),
              ((ProcessRepaired) data).processInstanceKey());
      default -> {
        // not about the crisis row
      }
    }
  }

  private void incidentRaised(CloudEvent<?> e, ProcessStuck d) {
    jdbc.update(
        "insert into incident (incident_key, crisis_id, process_instance_key, process_id,"
            + " element_id, step, error_type, error_message, exercise, created_at) values (?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?) on conflict (incident_key) do nothing",
        d.incidentKey(),
        e.crisisId(),
        d.processInstanceKey(),
        d.processId(),
        d.elementId(),
        d.step(),
        d.errorType(),
        d.errorMessage(),
        e.exercise(),
        d.createdAt() != null ? ts(d.createdAt()) : ts(e.time()));
  }

  /**
   * A crisis was started. Its starter's facts are authoritative: when the registration of its
   * process came first (a crisis started by a message), they fill in the row it left.
   */
  private void crisisStarted(CloudEvent<?> e, CrisisStarted d) {
    // sorted, as every later change keeps them: the same row whichever event came first
    List<String> regions =
        (!d.regions().isEmpty() || d.area() == null || d.area().kind() == null
                ? d.regions()
                : directory.regionsOf(d.area().kind().name(), d.area().codes()))
            .stream().distinct().sorted().toList();
    Object start = d.startVariables();
    jdbc.update(
        "insert into crisis (crisis_id, process_id, title, status, exercise, area_kind, area_codes,"
            + " area_name, regions, started_at, started_by, process_instance_key,"
            + " linked_crisis_id, start_data, updated_at) values (?, ?, ?, 'GESTART', ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?) on conflict (crisis_id) do update set process_id ="
            + " excluded.process_id, title = excluded.title, area_kind = excluded.area_kind,"
            + " area_codes = excluded.area_codes, area_name = excluded.area_name, regions ="
            + " array(select distinct r from unnest(crisis.regions || excluded.regions) r order"
            + " by r), started_at = excluded.started_at, started_by = excluded.started_by,"
            + " process_instance_key = coalesce(excluded.process_instance_key,"
            + " crisis.process_instance_key), linked_crisis_id = coalesce(excluded.linked_crisis_id,"
            + " crisis.linked_crisis_id), start_data = excluded.start_data, updated_at ="
            + " greatest(crisis.updated_at, excluded.updated_at)",
        e.crisisId(),
        d.process(),
        d.title(),
        e.exercise(),
        d.area() == null || d.area().kind() == null ? null : d.area().kind().name(),
        d.area() == null ? new String[0] : d.area().codes().toArray(String[]::new),
        d.area() == null ? null : d.area().name(),
        regions.toArray(String[]::new),
        ts(e.time()),
        d.startedBy() != null ? d.startedBy() : e.actor(),
        d.processInstanceKey(),
        d.linkedCrisisId(),
        start == null ? null : CloudEventJson.writeValue(start),
        ts(e.time()));
  }

  /**
   * The process of a crisis registered itself: the crisis knows its instance. It may come before
   * the start (a crisis started by a message): then it leaves a row the start fills in.
   */
  private void processRegistered(CloudEvent<?> e, ProcessRegistered d) {
    jdbc.update(
        "insert into crisis (crisis_id, process_id, status, exercise, started_at,"
            + " process_instance_key, updated_at) values (?, ?, 'GESTART', ?, ?, ?, ?) on conflict"
            + " (crisis_id) do update set process_instance_key ="
            + " coalesce(crisis.process_instance_key, excluded.process_instance_key), updated_at ="
            + " greatest(crisis.updated_at, excluded.updated_at)",
        e.crisisId(),
        d.process(),
        e.exercise(),
        ts(e.time()),
        d.processInstanceKey(),
        ts(e.time()));
  }

  private void status(String crisisId, String status, Instant time) {
    if (status == null) {
      return;
    }
    jdbc.update(
        "update crisis set status = ?, updated_at = greatest(updated_at, ?) where crisis_id = ? and"
            + " not closed",
        status,
        ts(time),
        crisisId);
  }

  private void addRegions(String crisisId, List<String> regions) {
    if (regions.isEmpty()) {
      return;
    }
    jdbc.update(
        "update crisis set regions = array(select distinct r from unnest(regions || ?::text[]) r"
            + " order by r) where crisis_id = ?",
        regions.toArray(String[]::new),
        crisisId);
  }

  private void decision(
      CloudEvent<?> e, String decision, String decidedBy, String motivation, String task) {
    jdbc.update(
        "insert into decision (event_id, crisis_id, decision, decided_by, decided_at, motivation,"
            + " task_name) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        e.id(),
        e.crisisId(),
        decision,
        decidedBy,
        ts(e.time()),
        motivation,
        task);
    jdbc.update(
        "update crisis set decided_at = greatest(coalesce(decided_at, ?), ?) where crisis_id = ?",
        ts(e.time()),
        ts(e.time()),
        e.crisisId());
  }

  /** A level changed: the crisis gains the regions and enters the phase of the action. */
  private void levelChanged(CloudEvent<?> e, ThreatLevelChanged d) {
    String action = d.action();
    addRegions(e.crisisId(), d.regions());
    if (action != null) {
      status(
          e.crisisId(),
          LEVEL_ACTIONS_IN_FORCE.contains(action)
              ? ("VERLENGEN".equals(action) ? "VERLENGD" : "NIVEAU_5_VAN_KRACHT")
              : "AFGESCHAALD",
          e.time());
    }
  }

  /**
   * The phase a crisis enters when one of its tasks appears, and the phases it may come from (a
   * later task never moves a crisis back: the review before the end time does not make a level in
   * force "in preparation" again).
   */
  private record PhaseRule(String phase, Set<String> from) {}

  private static final Set<String> STARTED = Set.of("GESTART", "GEREGISTREERD");

  private static final java.util.Map<String, PhaseRule> TASK_PHASES =
      java.util.Map.ofEntries(
          java.util.Map.entry("Informatie_Delen", new PhaseRule("VOORBEREIDING", STARTED)),
          java.util.Map.entry("Afstemmen_Lokaal_Gezag", new PhaseRule("VOORBEREIDING", STARTED)),
          java.util.Map.entry(
              "Besluit_Afkondiging",
              new PhaseRule("BESLUITVORMING", Set.of("GESTART", "GEREGISTREERD", "VOORBEREIDING"))),
          // a lowering is prepared (information, alignment with the gezag) before it is decided
          java.util.Map.entry("Informatie_Afschaling", new PhaseRule("AFSCHALING", null)),
          java.util.Map.entry(
              "Afstemmen_Lokaal_Gezag_Afschaling", new PhaseRule("AFSCHALING", null)),
          java.util.Map.entry("Besluit_Afschaling", new PhaseRule("AFSCHALING", null)),
          java.util.Map.entry("Opschaling_Bevestigen", new PhaseRule("MANHUNT_LOOPT", STARTED)),
          java.util.Map.entry("Aanvraag_Beoordelen", new PhaseRule("AANVRAAG", STARTED)),
          java.util.Map.entry(
              "Bijstand_Aanbieden",
              new PhaseRule("AANBODRONDE", Set.of("GESTART", "GEREGISTREERD", "AANVRAAG"))),
          java.util.Map.entry("Evalueren", new PhaseRule("EVALUATIE", null)));

  /** The phase a decision puts a crisis in (the decision field's value). */
  private static final java.util.Map<String, String> DECISION_PHASES =
      java.util.Map.of(
          "NIET_AFKONDIGEN", "NIET_AFGEKONDIGD",
          "TOEGEKEND", "TOEGEKEND",
          "AFGEWEZEN", "AFGEWEZEN",
          "HANDHAVEN", "NIVEAU_5_VAN_KRACHT");

  /** Decision tasks whose outcome sets the phase (not, e.g., the extension of a deployment). */
  private static final Set<String> PHASE_DECISIONS =
      Set.of("Besluit_Afkondiging", "Besluit_Afschaling", "Besluit_Bijstand");

  /** The phase a message to a running manhunt announces. */
  private static final java.util.Map<String, String> MESSAGE_PHASES =
      java.util.Map.of(
          nl.knooppunt.processes.MessageName.DADER_AANGEHOUDEN.messageName(), "AANGEHOUDEN",
          nl.knooppunt.processes.MessageName.MANHUNT_BEEINDIGD.messageName(), "BEEINDIGD");

  private void phaseOnTask(String crisisId, String elementId, Instant time) {
    PhaseRule rule = TASK_PHASES.get(elementId);
    if (rule == null || crisisId == null) {
      return;
    }
    if (rule.from() == null) {
      status(crisisId, rule.phase(), time);
      return;
    }
    jdbc.update(
        "update crisis set status = ?, updated_at = greatest(updated_at, ?) where crisis_id = ? and"
            + " not closed and status = any(?)",
        rule.phase(),
        ts(time),
        crisisId,
        rule.from().toArray(String[]::new));
  }

  /** A decision task completed: the decision, and the phase it puts the crisis in. */
  private void decided(CloudEvent<?> e, TaskCompletedByUser d) {
    Map<String, Object> form = d.form();
    String decided = form.get("uitkomst") instanceof String s ? s : null;
    if (decided != null
        && PHASE_DECISIONS.contains(d.elementId())
        && DECISION_PHASES.containsKey(decided)) {
      status(e.crisisId(), DECISION_PHASES.get(decided), e.time());
    }
    for (String field : DECISION_FIELDS) {
      if (form.get(field) instanceof String outcome) {
        decision(
            e,
            outcome,
            e.actor(),
            firstNonNull(text(form.get("motivering")), text(form.get("toelichting"))),
            d.name());
        break;
      }
    }
  }
}
