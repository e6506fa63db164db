package nl.knooppunt.gateway.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.logbook.Logbook;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MessageDelivered;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.ProcessRegistered;
import nl.knooppunt.processes.events.ProcessResumed;
import nl.knooppunt.processes.events.ProcessStuck;
import nl.knooppunt.processes.events.TaskChanged;
import nl.knooppunt.processes.events.TaskClaimChanged;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the read model and the logbook, idempotently by event id: an event applied
 * twice (a replay, a redelivery, the gateway's own events coming back from Kafka) changes nothing
 * the second time. Every event's data is the record of its type ({@link EventType#payload()}).
 */
@Component
public class Projector {

  private final ApplicationEventPublisher changes;

  /** Form fields that carry the outcome of a decision task. */
  private static final List<String> DECISION_FIELDS = List.of("uitkomst", "beslissing", "besluit");

  private static final Set<String> LEVEL_ACTIONS_IN_FORCE = Set.of("AFKONDIGEN", "VERLENGEN");

  private final JdbcTemplate jdbc;
  private final Logbook logbook;
  private final DirectoryAdapter directory;
  private final Summaries summaries;

  public Projector(
      JdbcTemplate jdbc,
      Logbook logbook,
      DirectoryAdapter directory,
      Summaries summaries,
      ApplicationEventPublisher changes) {
    this.summaries = summaries;
    this.changes = changes;
    this.jdbc = jdbc;
    this.logbook = logbook;
    this.directory = directory;
  }

  /** Applies one event; returns false when it was applied before. */
  @Transactional
  public boolean apply(CloudEvent<? extends EventPayload> e) {
    int fresh =
        jdbc.update(
            "insert into processed_event (event_id, type, processed_at) values (?, ?, now()) on"
                + " conflict do nothing",
            e.id(),
            e.type().type());
    logbook.append(e, summaries.of(e), CloudEventJson.writeData(e.data()), Instant.now());
    if (fresh == 0) {
      return false;
    }
    project(e);
    processInstance(e);
    person(e);
    changes.publishEvent(new ReadModelChanged(e.type().type(), e.crisisId()));
    return true;
  }

  /** Remembers which crisis a process instance (also a called one) belongs to. */
  private void processInstance(CloudEvent<? extends EventPayload> e) {
    Long key = e.data().processInstanceKey();
    if (key == null || e.crisisId() == null) {
      return;
    }
    jdbc.update(
        "insert into process_instance (process_instance_key, crisis_id) values (?, ?) on conflict"
            + " do nothing",
        key,
        e.crisisId());
  }

  /** The name of the person who acted, as the gateway knew it when the event was written. */
  private void person(CloudEvent<? extends EventPayload> e) {
    String name = e.actorname();
    if (e.actor() == null || name == null || name.isBlank()) {
      return;
    }
    jdbc.update(
        "insert into person (username, display_name, updated_at) values (?, ?, ?) on conflict"
            + " (username) do update set display_name = excluded.display_name, updated_at ="
            + " excluded.updated_at where person.updated_at <= excluded.updated_at",
        e.actor(),
        name,
        ts(e.time()));
  }

  private void project(CloudEvent<? extends EventPayload> e) {
    EventPayload data = e.data();
    switch (e.type()) {
      case CRISIS_GESTART -> crisisStarted(e, (CrisisStarted) data);
      case PROCES_GEREGISTREERD -> processRegistered(e, (ProcessRegistered) data);
      case TAAK_AANGEMAAKT -> taskCreated(e, (TaskCreated) data);
      case TAAK_TOEGEWEZEN ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              ((TaskChanged) data).assignee(),
              ((TaskChanged) data).taskKey());
      case TAAK_GECLAIMD ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              firstNonNull(((TaskClaimChanged) data).assignee(), e.actor()),
              ((TaskClaimChanged) data).taskKey());
      case TAAK_VRIJGEGEVEN ->
          jdbc.update(
              "update task set assignee = null where task_key = ? and state = 'OPEN'",
              ((TaskClaimChanged) data).taskKey());
      case TAAK_VOLTOOID ->
          jdbc.update(
              "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?) where task_key"
                  + " = ? and state <> 'CANCELED'",
              ts(e.time()),
              ((TaskChanged) data).taskKey());
      case TAAK_AFGEROND -> taskCompletedByUser(e, (TaskCompletedByUser) data);
      case TAAK_GEANNULEERD ->
          jdbc.update(
              "update task set state = 'CANCELED', ended_at = coalesce(ended_at, ?) where task_key ="
                  + " ? and state = 'OPEN'",
              ts(e.time()),
              ((TaskChanged) data).taskKey());
      case CRISIS_AFGESLOTEN ->
          jdbc.update(
              "update crisis set status = 'AFGESLOTEN', closed = true, closed_at = coalesce(closed_at,"
                  + " ?), updated_at = greatest(updated_at, ?) where crisis_id = ?",
              ts(e.time()),
              ts(e.time()),
              e.crisisId());
      case DREIGINGSNIVEAU_GEWIJZIGD -> threatLevel(e, (ThreatLevelChanged) data);
      case MELDING_VERSTUURD -> notificationSent(e, (Notice) data);
      case MELDING_FALLBACK_VERSTUURD -> fallbackSent(e, (Notice) data);
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
      case MELDING_BEVESTIGD -> notificationAcknowledged(e, (Acknowledgement) data);
      case BIJSTAND_INZET_GEREGISTREERD -> deploymentRegistered(e, (DeploymentRegistered) data);
      default -> {
        // logbook only
      }
    }
  }

  private void deploymentRegistered(CloudEvent<?> e, DeploymentRegistered d) {
    jdbc.update(
        "insert into assistance (crisis_id, status, exercise) values (?, 'INZET', ?) on"
            + " conflict do nothing",
        e.crisisId(),
        e.exercise());
    jdbc.update(
        "update assistance set status = 'INZET', allocated = coalesce(?, allocated),"
            + " deployment_until = coalesce(?, deployment_until) where crisis_id = ?",
        d.allocated(),
        ts(d.until()),
        e.crisisId());
    status(e.crisisId(), "INZET", e.time());
  }

  /**
   * The notice an event is about. A fallback notice ({@code <id>/fallback}) is the same notice sent
   * again over the reserve channel: it counts as the recipient's one notice of the round.
   */
  static String notificationId(String id) {
    return primaryNotificationId(id);
  }

  /** Suffix of a notice sent again over the fallback contact (the workers' convention). */
  static final String FALLBACK_SUFFIX = "/fallback";

  static String primaryNotificationId(String id) {
    return id != null && id.endsWith(FALLBACK_SUFFIX)
        ? id.substring(0, id.length() - FALLBACK_SUFFIX.length())
        : id;
  }

  private void fallbackSent(CloudEvent<?> e, Notice n) {
    ensureNotification(e, n.notificationId());
    jdbc.update(
        "update notification set fallback_at = coalesce(fallback_at, ?), fallback_channel ="
            + " coalesce(fallback_channel, ?), escalated_at = coalesce(escalated_at, ?) where"
            + " notification_id = ?",
        ts(e.time()),
        n.channel(),
        ts(e.time()),
        notificationId(n.notificationId()));
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
    AssistanceStart assistance = d.assistanceStart();
    if (assistance != null) {
      AssistanceRequest request = assistance.aanvraag();
      jdbc.update(
          "insert into assistance (crisis_id, requesting_region, capacity, requested, status,"
              + " exercise) values (?, ?, ?, ?, 'AANGEVRAAGD', ?) on conflict (crisis_id) do update"
              + " set requesting_region = coalesce(assistance.requesting_region,"
              + " excluded.requesting_region), capacity = coalesce(assistance.capacity,"
              + " excluded.capacity), requested = coalesce(assistance.requested,"
              + " excluded.requested)",
          e.crisisId(),
          request == null ? null : request.aanvragendeRegio(),
          request == null || request.capaciteit() == null ? null : request.capaciteit().name(),
          request == null ? null : request.aantal(),
          e.exercise());
    }
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

  /** One area a level applies to: its code, kind and name (kind and name may be unknown). */
  private record LevelArea(String code, String kind, String name) {}

  private void threatLevel(CloudEvent<?> e, ThreatLevelChanged d) {
    Integer level = d.level();
    String action = d.action();
    OffsetDateTime until = ts(d.validUntil());
    List<LevelArea> areas = new ArrayList<>();
    d.regions().forEach(r -> areas.add(new LevelArea(r, "VEILIGHEIDSREGIO", null)));
    d.municipalities().forEach(m -> areas.add(new LevelArea(m, "GEMEENTE", null)));
    if (areas.isEmpty()) {
      jdbc.queryForList(
              "select unnest(area_codes) from crisis where crisis_id = ?",
              String.class,
              e.crisisId())
          .forEach(c -> areas.add(new LevelArea(c, null, null)));
    }
    for (LevelArea a : areas) {
      if (a.code() == null) {
        continue;
      }
      jdbc.update(
          "insert into threat_level_change (event_id, area_code, area_name, level, action,"
              + " crisis_id, valid_from, valid_until, exercise, recorded_at) values (?, ?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?) on conflict do nothing",
          e.id(),
          a.code(),
          areaName(a),
          level,
          action,
          e.crisisId(),
          ts(e.time()),
          until,
          e.exercise(),
          ts(e.time()));
      // an area's level is the one of its latest change: the topic's partitions replay crises
      // in another order than they happened, so an older change never overwrites a newer one
      jdbc.update(
          "insert into threat_level (area_code, exercise, area_kind, area_name, level, crisis_id,"
              + " valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (area_code,"
              + " exercise) do update set area_kind = coalesce(excluded.area_kind,"
              + " threat_level.area_kind), area_name = coalesce(excluded.area_name,"
              + " threat_level.area_name), level = excluded.level, crisis_id = excluded.crisis_id,"
              + " valid_from = excluded.valid_from, valid_until = excluded.valid_until where"
              + " threat_level.valid_from <= excluded.valid_from",
          a.code(),
          e.exercise(),
          areaKind(a),
          areaName(a),
          level,
          e.crisisId(),
          ts(e.time()),
          until);
    }
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

  private static String areaKind(LevelArea a) {
    if (a.kind() != null) {
      return a.kind();
    }
    return a.code().startsWith("VR")
        ? "VEILIGHEIDSREGIO"
        : a.code().startsWith("GM") ? "GEMEENTE" : null;
  }

  /** The given name, else the directory's name of a region or municipality. */
  private String areaName(LevelArea a) {
    if (a.name() != null) {
      return a.name();
    }
    return directory
        .regionName(a.code())
        .or(() -> directory.municipalityName(a.code()))
        .orElse(null);
  }

  private void ensureNotification(CloudEvent<?> e, String notificationId) {
    jdbc.update(
        "insert into notification (notification_id, crisis_id, exercise) values (?, ?, ?) on"
            + " conflict do nothing",
        notificationId(notificationId),
        e.crisisId(),
        e.exercise());
  }

  private void notificationSent(CloudEvent<?> e, Notice n) {
    String recipient = n.recipientCode();
    String municipality = code(recipient, "GM\\d{4}");
    String region = code(recipient, "VR\\d{2}");
    if (region == null && municipality != null) {
      region = directory.regionOfMunicipality(municipality).orElse(null);
    }
    String id = notificationId(n.notificationId());
    String round =
        recipient != null && id != null && id.endsWith("/" + recipient)
            ? id.substring(0, id.length() - recipient.length() - 1)
            : null;
    jdbc.update(
        "insert into notification (notification_id, crisis_id, recipient_code, recipient_name,"
            + " municipality_code, vr_code, kind, channel, round, requires_ack, exercise, sent_at,"
            + " round_ref, subject, body, details)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
            + " (notification_id) do update"
            + " set crisis_id = coalesce(notification.crisis_id, excluded.crisis_id),"
            + " recipient_code = coalesce(excluded.recipient_code, notification.recipient_code),"
            + " recipient_name = coalesce(excluded.recipient_name, notification.recipient_name),"
            + " municipality_code = coalesce(excluded.municipality_code,"
            + " notification.municipality_code), vr_code = coalesce(excluded.vr_code,"
            + " notification.vr_code), kind = coalesce(excluded.kind, notification.kind), channel"
            + " = coalesce(excluded.channel, notification.channel), round ="
            + " greatest(notification.round, excluded.round), requires_ack = excluded.requires_ack,"
            + " sent_at = least(notification.sent_at, excluded.sent_at), round_ref ="
            + " coalesce(notification.round_ref, excluded.round_ref), subject ="
            + " coalesce(notification.subject, excluded.subject), body = coalesce(notification.body,"
            + " excluded.body), details = coalesce(notification.details, excluded.details)",
        id,
        e.crisisId(),
        recipient,
        n.recipientName(),
        municipality,
        region,
        n.kind(),
        n.channel(),
        null,
        n.requiresAck(),
        e.exercise(),
        ts(e.time()),
        round,
        n.subject(),
        n.text(),
        details(n));
  }

  /**
   * The parts of a notice a page shows apart from its text, as the read model keeps them (column
   * {@code details}, read by {@link Queries}); null when it has none.
   */
  static String details(Notice n) {
    Map<String, Object> parts = new LinkedHashMap<>();
    if (n.area() != null) {
      parts.put("gebied", n.area());
    }
    if (n.validUntil() != null) {
      parts.put("geldigTot", n.validUntil().toString());
    }
    if (n.level() != null) {
      parts.put("niveau", n.level());
    }
    if (n.expectation() != null) {
      parts.put("verwachting", n.expectation());
    }
    if (n.contact() != null) {
      parts.put("contact", n.contact());
    }
    return parts.isEmpty() ? null : CloudEventJson.writeValue(parts);
  }

  /** The first match of a code pattern in a recipient code ({@code BM-GM0344} → GM0344). */
  static String code(String text, String pattern) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
    return m.find() ? m.group() : null;
  }

  private void notificationAcknowledged(CloudEvent<?> e, Acknowledgement a) {
    ensureNotification(e, a.notificationId());
    jdbc.update(
        "update notification set acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by ="
            + " coalesce(acknowledged_by, ?), ack_route = coalesce(ack_route, ?) where"
            + " notification_id = ?",
        a.acknowledgedAt() != null ? ts(a.acknowledgedAt()) : ts(e.time()),
        a.acknowledgedBy() != null ? a.acknowledgedBy() : e.actor(),
        a.route(),
        notificationId(a.notificationId()));
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

  private void taskCreated(CloudEvent<?> e, TaskCreated d) {
    phaseOnTask(e.crisisId(), d.elementId(), e.time());
    Object recipient = d.variables().get("ontvanger");
    jdbc.update(
        "insert into task (task_key, crisis_id, process_id, element_id, name, form_key,"
            + " candidate_groups, candidate_users, assignee, vr_code, state, exercise,"
            + " process_instance_key, created_at, due_at, sla, variables, subject) values (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?) on conflict (task_key) do update"
            + " set"
            + " candidate_groups = excluded.candidate_groups, candidate_users ="
            + " excluded.candidate_users, due_at = coalesce(excluded.due_at, task.due_at),"
            + " variables = coalesce(excluded.variables, task.variables)",
        d.taskKey(),
        e.crisisId(),
        d.process(),
        d.elementId(),
        d.name(),
        d.formKey(),
        d.candidateGroups().toArray(String[]::new),
        d.candidateUsers().toArray(String[]::new),
        d.assignee(),
        d.vrCode(),
        e.exercise(),
        d.processInstanceKey(),
        ts(e.time()),
        ts(d.dueAt()),
        d.sla(),
        d.variables().isEmpty() ? null : CloudEventJson.writeValue(d.variables()),
        recipient instanceof Map<?, ?> r && r.get("naam") != null
            ? String.valueOf(r.get("naam"))
            : null);
  }

  private void taskCompletedByUser(CloudEvent<?> e, TaskCompletedByUser d) {
    Map<String, Object> form = d.form();
    jdbc.update(
        "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?), completed_by ="
            + " coalesce(completed_by, ?), completion_data = coalesce(completion_data, ?) where"
            + " task_key = ? and state <> 'CANCELED'",
        ts(e.time()),
        e.actor(),
        CloudEventJson.writeValue(form),
        d.taskKey());
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

  // --- helpers

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static OffsetDateTime time(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (Exception ex) {
      try {
        return ts(Instant.parse(iso));
      } catch (Exception ignored) {
        return null;
      }
    }
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
