package nl.knooppunt.gateway.readmodel;

import static nl.knooppunt.gateway.events.EventTypes.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.knooppunt.gateway.directory.Directory;
import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.processes.events.EventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the read model and the logbook, idempotently by event id: an event applied
 * twice (a replay, a redelivery, the gateway's own events coming back from Kafka) changes nothing
 * the second time.
 */
@Component
public class Projector {

  private final ApplicationEventPublisher changes;

  /** Form fields that carry the outcome of a decision task. */
  private static final List<String> DECISION_FIELDS = List.of("uitkomst", "beslissing", "besluit");

  private static final Set<String> LEVEL_ACTIONS_IN_FORCE = Set.of("AFKONDIGEN", "VERLENGEN");

  private final JdbcTemplate jdbc;
  private final Logbook logbook;
  private final ObjectMapper json;
  private final Directory directory;
  private final Summaries summaries;

  public Projector(
      JdbcTemplate jdbc,
      Logbook logbook,
      ObjectMapper json,
      Directory directory,
      Summaries summaries,
      ApplicationEventPublisher changes) {
    this.summaries = summaries;
    this.changes = changes;
    this.jdbc = jdbc;
    this.logbook = logbook;
    this.json = json;
    this.directory = directory;
  }

  /** Applies one event; returns false when it was applied before. */
  @Transactional
  public boolean apply(Envelope e) {
    int fresh =
        jdbc.update(
            "insert into processed_event (event_id, type, processed_at) values (?, ?, now()) on"
                + " conflict do nothing",
            e.id(),
            e.type());
    logbook.append(e, summaries.of(e), write(e.data()), Instant.now());
    if (fresh == 0) {
      return false;
    }
    project(e);
    processInstance(e);
    person(e);
    changes.publishEvent(new ReadModelChanged(e.type(), e.crisisId()));
    return true;
  }

  /** Remembers which crisis a process instance (also a called one) belongs to. */
  private void processInstance(Envelope e) {
    Long key =
        longOf(
            firstNonNullNode(e.data().get("procesInstantie"), e.data().get("processInstanceKey")));
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
  private void person(Envelope e) {
    String name = e.text("actorName");
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

  private void project(Envelope e) {
    Optional<EventType> catalogued = EventType.of(e.type());
    if (catalogued.isPresent()) {
      projectCatalogued(catalogued.get(), e);
      return;
    }
    switch (e.type()) {
      case CRISIS_GEREGISTREERD -> crisisStarted(e);
      case CRISIS_STATUS_GEWIJZIGD -> status(e.crisisId(), e.text("status"), e.time());
      case GEBIED_BEPAALD -> addRegions(e.crisisId(), strings(e.data().get("regions")));
      case BESLUIT_GENOMEN ->
          decision(
              e,
              e.text("decision"),
              firstNonNull(e.text("decidedBy"), e.actor()),
              e.text("motivation"),
              e.text("task"));
      case DREIGINGSNIVEAU_GEREGISTREERD -> threatLevel(e);
      case MELDING_GEESCALEERD -> escalated(e);
      case BIJSTAND_INZET_BEEINDIGD -> {
        jdbc.update("update assistance set status = 'BEEINDIGD' where crisis_id = ?", e.crisisId());
        status(e.crisisId(), "INZET_BEEINDIGD", e.time());
      }
      default -> {
        // logbook only
      }
    }
  }

  /** The event types of the process catalogue ({@link EventType}), as the workers write them. */
  private void projectCatalogued(EventType type, Envelope e) {
    switch (type) {
      case CRISIS_GEOPEND, CRISIS_GESTART -> crisisStarted(e);
      case TAAK_AANGEMAAKT -> taskCreated(e);
      case TAAK_TOEGEWEZEN ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              e.text("assignee"),
              taskKey(e));
      case TAAK_GECLAIMD ->
          jdbc.update(
              "update task set assignee = ? where task_key = ? and state = 'OPEN'",
              firstNonNull(e.text("assignee"), e.actor()),
              taskKey(e));
      case TAAK_VRIJGEGEVEN ->
          jdbc.update(
              "update task set assignee = null where task_key = ? and state = 'OPEN'", taskKey(e));
      case TAAK_VOLTOOID ->
          jdbc.update(
              "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?) where task_key"
                  + " = ? and state <> 'CANCELED'",
              ts(e.time()),
              taskKey(e));
      case TAAK_AFGEROND -> taskCompletedByUser(e);
      case TAAK_GEANNULEERD ->
          jdbc.update(
              "update task set state = 'CANCELED', ended_at = coalesce(ended_at, ?) where task_key ="
                  + " ? and state = 'OPEN'",
              ts(e.time()),
              taskKey(e));
      case CRISIS_AFGESLOTEN ->
          jdbc.update(
              "update crisis set status = 'AFGESLOTEN', closed = true, closed_at = coalesce(closed_at,"
                  + " ?), updated_at = greatest(updated_at, ?) where crisis_id = ?",
              ts(e.time()),
              ts(e.time()),
              e.crisisId());
      case DREIGINGSNIVEAU_GEWIJZIGD -> threatLevel(e);
      case MELDING_VERSTUURD -> notificationSent(e);
      case MELDING_FALLBACK_VERSTUURD -> fallbackSent(e);
      case PROCES_STAAT_STIL -> incidentRaised(e);
      case PROCES_HERSTELD ->
          jdbc.update(
              "update incident set resolved_at = coalesce(resolved_at, ?) where incident_key = ?",
              ts(e.time()),
              longOf(e.data().get("incidentKey")));
      case BERICHT_GEMELD -> {
        String outcome = MESSAGE_PHASES.get(e.text("message"));
        if (outcome != null) {
          status(e.crisisId(), outcome, e.time());
        }
      }
      case MELDING_BEVESTIGD -> notificationAcknowledged(e);
      case BIJSTAND_INZET_GEREGISTREERD -> {
        jdbc.update(
            "insert into assistance (crisis_id, status, exercise) values (?, 'INZET', ?) on"
                + " conflict do nothing",
            e.crisisId(),
            e.exercise());
        jdbc.update(
            "update assistance set status = 'INZET', allocated = coalesce(?, allocated),"
                + " deployment_until = coalesce(?, deployment_until) where crisis_id = ?",
            allocated(e.data()),
            time(firstNonNull(e.text("until"), e.text("inzetEinde"))),
            e.crisisId());
        status(e.crisisId(), "INZET", e.time());
      }
      default -> {
        // logbook only
      }
    }
  }

  /** The amount allocated: {@code allocated}, or the sum of {@code toewijzing[].aantal}. */
  private static Integer allocated(JsonNode data) {
    Integer direct = integer(data.get("allocated"));
    if (direct != null) {
      return direct;
    }
    JsonNode lines = data.path("toewijzing");
    if (lines.isObject()) {
      lines = lines.path("regels");
    }
    if (!lines.isArray() || lines.isEmpty()) {
      return null;
    }
    int sum = 0;
    for (JsonNode line : lines) {
      Integer n = integer(line.get("aantal"));
      sum += n == null ? 0 : n;
    }
    return sum;
  }

  private void escalated(Envelope e) {
    ensureNotification(e);
    jdbc.update(
        "update notification set escalated_at = coalesce(escalated_at, ?) where notification_id ="
            + " ?",
        ts(e.time()),
        notificationId(e));
  }

  /**
   * The notice an event is about. A fallback notice ({@code <id>/fallback}) is the same notice sent
   * again over the reserve channel: it counts as the recipient's one notice of the round.
   */
  private static String notificationId(Envelope e) {
    return primaryNotificationId(firstNonNull(e.text("notificationId"), e.text("notificatieId")));
  }

  /** Suffix of a notice sent again over the fallback contact (the workers' convention). */
  static final String FALLBACK_SUFFIX = "/fallback";

  static String primaryNotificationId(String id) {
    return id != null && id.endsWith(FALLBACK_SUFFIX)
        ? id.substring(0, id.length() - FALLBACK_SUFFIX.length())
        : id;
  }

  private void fallbackSent(Envelope e) {
    ensureNotification(e);
    jdbc.update(
        "update notification set fallback_at = coalesce(fallback_at, ?), fallback_channel ="
            + " coalesce(fallback_channel, ?), escalated_at = coalesce(escalated_at, ?) where"
            + " notification_id = ?",
        ts(e.time()),
        firstNonNull(e.text("channel"), e.text("kanaal")),
        ts(e.time()),
        notificationId(e));
  }

  private void incidentRaised(Envelope e) {
    jdbc.update(
        "insert into incident (incident_key, crisis_id, process_instance_key, process_id,"
            + " element_id, step, error_type, error_message, exercise, created_at) values (?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?) on conflict (incident_key) do nothing",
        longOf(e.data().get("incidentKey")),
        e.crisisId(),
        longOf(e.data().get("processInstanceKey")),
        e.text("processId"),
        e.text("elementId"),
        e.text("step"),
        e.text("errorType"),
        e.text("errorMessage"),
        e.exercise(),
        firstNonNull(time(e.text("createdAt")), ts(e.time())));
  }

  private void crisisStarted(Envelope e) {
    JsonNode area = e.data().has("area") ? e.data().path("area") : e.data().path("gebied");
    String process =
        firstNonNull(
            e.text("process"),
            e.text("soortCrisis"),
            e.text("proces"),
            processFromId(e.crisisId()));
    String title = firstNonNull(e.text("title"), title(process, e.data()));
    jdbc.update(
        "insert into crisis (crisis_id, process_id, title, status, exercise, area_kind, area_codes,"
            + " area_name, regions, started_at, started_by, process_instance_key,"
            + " linked_crisis_id, start_data, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?) on conflict (crisis_id) do update set title = case when"
            + " excluded.status = 'GESTART' then excluded.title else coalesce(crisis.title,"
            + " excluded.title) end, area_kind = coalesce(crisis.area_kind, excluded.area_kind),"
            + " area_codes = case when cardinality(crisis.area_codes) = 0 then excluded.area_codes"
            + " else crisis.area_codes end, area_name = coalesce(crisis.area_name,"
            + " excluded.area_name), regions = case when cardinality(crisis.regions) = 0 then"
            + " excluded.regions else crisis.regions end, started_by = coalesce(crisis.started_by,"
            + " excluded.started_by), started_at = least(crisis.started_at, excluded.started_at),"
            + " process_instance_key = coalesce(crisis.process_instance_key,"
            + " excluded.process_instance_key), linked_crisis_id ="
            + " coalesce(crisis.linked_crisis_id, excluded.linked_crisis_id), start_data ="
            + " coalesce(crisis.start_data, excluded.start_data), updated_at ="
            + " greatest(crisis.updated_at, excluded.updated_at)",
        e.crisisId(),
        process,
        title,
        EventType.CRISIS_GESTART.type().equals(e.type()) ? "GESTART" : "GEREGISTREERD",
        e.exercise(),
        textOf(area, "kind", "soort"),
        strings(area.get("codes")).toArray(String[]::new),
        textOf(area, "name", "naam"),
        regions(e, area).toArray(String[]::new),
        ts(e.time()),
        firstNonNull(
            e.text("startedBy"), e.text("voorgesteldDoor"), e.text("aangevraagdDoor"), e.actor()),
        longOf(
            firstNonNullNode(e.data().get("processInstanceKey"), e.data().get("procesInstantie"))),
        firstNonNull(
            e.text("linkedCrisisId"),
            e.text("gekoppeldeManhuntId"),
            e.text("gekoppeldDreigingsniveauId")),
        e.data().has("start") ? write(e.data().get("start")) : write(e.data()),
        ts(e.time()));
    if ("bijstandsaanvraag".equals(process)) {
      JsonNode start = e.data().has("start") ? e.data().path("start") : e.data();
      JsonNode aanvraag = start.path("aanvraag");
      jdbc.update(
          "insert into assistance (crisis_id, requesting_region, capacity, requested, status,"
              + " exercise) values (?, ?, ?, ?, 'AANGEVRAAGD', ?) on conflict (crisis_id) do update"
              + " set requesting_region = coalesce(assistance.requesting_region,"
              + " excluded.requesting_region), capacity = coalesce(assistance.capacity,"
              + " excluded.capacity), requested = coalesce(assistance.requested,"
              + " excluded.requested)",
          e.crisisId(),
          textOf(aanvraag, "aanvragendeRegio"),
          textOf(aanvraag, "capaciteit"),
          integer(aanvraag.get("aantal")),
          e.exercise());
    }
  }

  /** The regions given, else those of the area (directory). */
  private List<String> regions(Envelope e, JsonNode area) {
    List<String> given = strings(e.data().get("regions"));
    String kind = textOf(area, "kind", "soort");
    if (!given.isEmpty() || kind == null) {
      return given;
    }
    return directory.regionsOf(kind, strings(area.get("codes")));
  }

  /** A title when the producer gave none. */
  private String title(String process, JsonNode d) {
    String area = textOf(d.path("gebied"), "naam");
    return switch (process) {
      case "dreigingsniveau-5" -> "Dreigingsniveau 5" + (area == null ? "" : ": " + area);
      case "manhunt" ->
          "Manhunt"
              + (textOf(d.path("locatie"), "omschrijving") == null
                  ? ""
                  : ": " + textOf(d.path("locatie"), "omschrijving"));
      case "bijstandsaanvraag" -> {
        String capacity = textOf(d.path("aanvraag"), "capaciteit");
        String region = textOf(d.path("aanvraag"), "aanvragendeRegio");
        yield "Bijstand"
            + (capacity == null
                ? ""
                : " "
                    + nl.knooppunt.processes.Labels.value(capacity)
                        .toLowerCase(java.util.Locale.ROOT))
            + (region == null ? "" : " voor " + directory.regionName(region).orElse(region));
      }
      default -> null;
    };
  }

  private static JsonNode firstNonNullNode(JsonNode a, JsonNode b) {
    return a != null && !a.isNull() ? a : b;
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
      Envelope e, String decision, String decidedBy, String motivation, String task) {
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

  private void threatLevel(Envelope e) {
    Integer level = integer(firstNonNullNode(e.data().get("level"), e.data().get("niveau")));
    if (level == null) {
      return;
    }
    String action = firstNonNull(e.text("action"), e.text("actie"));
    OffsetDateTime until = time(firstNonNull(e.text("validUntil"), e.text("geldigTot")));
    List<String[]> areas = new ArrayList<>();
    for (JsonNode r : e.data().path("regios")) {
      areas.add(new String[] {r.asText(), "VEILIGHEIDSREGIO", null});
    }
    for (JsonNode m : e.data().path("gemeenten")) {
      areas.add(new String[] {m.asText(), "GEMEENTE", null});
    }
    for (JsonNode a : e.data().path("areas")) {
      if (a.isTextual()) {
        areas.add(new String[] {a.asText(), null, null});
      } else {
        areas.add(
            new String[] {
              textOf(a, "code"), textOf(a, "kind", "soort"), textOf(a, "name", "naam")
            });
      }
    }
    if (areas.isEmpty()) {
      List<String> codes =
          jdbc.queryForList(
              "select unnest(area_codes) from crisis where crisis_id = ?",
              String.class,
              e.crisisId());
      codes.forEach(c -> areas.add(new String[] {c, null, null}));
    }
    for (String[] a : areas) {
      if (a[0] == null) {
        continue;
      }
      jdbc.update(
          "insert into threat_level_change (event_id, area_code, area_name, level, action,"
              + " crisis_id, valid_from, valid_until, exercise, recorded_at) values (?, ?, ?, ?, ?,"
              + " ?, ?, ?, ?, ?) on conflict do nothing",
          e.id(),
          a[0],
          areaName(a),
          level,
          action,
          e.crisisId(),
          ts(e.time()),
          until,
          e.exercise(),
          ts(e.time()));
      jdbc.update(
          "insert into threat_level (area_code, exercise, area_kind, area_name, level, crisis_id,"
              + " valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (area_code,"
              + " exercise) do update set area_kind = coalesce(excluded.area_kind,"
              + " threat_level.area_kind), area_name = coalesce(excluded.area_name,"
              + " threat_level.area_name), level = excluded.level, crisis_id = excluded.crisis_id,"
              + " valid_from = excluded.valid_from, valid_until = excluded.valid_until",
          a[0],
          e.exercise(),
          areaKind(a),
          areaName(a),
          level,
          e.crisisId(),
          ts(e.time()),
          until);
    }
    addRegions(e.crisisId(), strings(e.data().get("regios")));
    if (action != null) {
      status(
          e.crisisId(),
          LEVEL_ACTIONS_IN_FORCE.contains(action)
              ? ("VERLENGEN".equals(action) ? "VERLENGD" : "NIVEAU_5_VAN_KRACHT")
              : "AFGESCHAALD",
          e.time());
    }
  }

  private String areaKind(String[] a) {
    if (a[1] != null) {
      return a[1];
    }
    return a[0].startsWith("VR") ? "VEILIGHEIDSREGIO" : a[0].startsWith("GM") ? "GEMEENTE" : null;
  }

  /** The given name, else the directory's name of a region or municipality. */
  private String areaName(String[] a) {
    if (a[2] != null) {
      return a[2];
    }
    return directory.regionName(a[0]).or(() -> directory.municipalityName(a[0])).orElse(null);
  }

  private void ensureNotification(Envelope e) {
    jdbc.update(
        "insert into notification (notification_id, crisis_id, exercise) values (?, ?, ?) on"
            + " conflict do nothing",
        notificationId(e),
        e.crisisId(),
        e.exercise());
  }

  private void notificationSent(Envelope e) {
    JsonNode d = e.data();
    String recipient = firstNonNull(e.text("recipientCode"), e.text("ontvanger"));
    String municipality = firstNonNull(e.text("municipalityCode"), code(recipient, "GM\\d{4}"));
    String region = firstNonNull(e.text("vrCode"), code(recipient, "VR\\d{2}"));
    if (region == null && municipality != null) {
      region = directory.regionOfMunicipality(municipality).orElse(null);
    }
    JsonNode requires = firstNonNullNode(d.get("requiresAck"), d.get("bevestigingVereist"));
    String id = notificationId(e);
    String round =
        recipient != null && id != null && id.endsWith("/" + recipient)
            ? id.substring(0, id.length() - recipient.length() - 1)
            : null;
    com.fasterxml.jackson.databind.node.ObjectNode details = json.createObjectNode();
    for (String part : NOTICE_PARTS) {
      if (d.hasNonNull(part)) {
        details.set(part, d.get(part));
      }
    }
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
        firstNonNull(e.text("recipientName"), e.text("ontvangerNaam")),
        municipality,
        region,
        firstNonNull(e.text("kind"), e.text("soort")),
        firstNonNull(e.text("channel"), e.text("kanaal")),
        integer(firstNonNullNode(d.get("round"), d.get("ronde"))),
        requires == null || requires.asBoolean(true),
        e.exercise(),
        ts(e.time()),
        round,
        firstNonNull(e.text("subject"), e.text("onderwerp")),
        firstNonNull(e.text("text"), e.text("tekst")),
        details.isEmpty() ? null : write(details));
  }

  /** The parts of a notice a page shows apart from its text (see the workers' NoticeSender). */
  static final List<String> NOTICE_PARTS =
      List.of("gebied", "geldigTot", "niveau", "verwachting", "contact");

  /** The first match of a code pattern in a recipient code ({@code BM-GM0344} → GM0344). */
  static String code(String text, String pattern) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
    return m.find() ? m.group() : null;
  }

  private void notificationAcknowledged(Envelope e) {
    ensureNotification(e);
    OffsetDateTime at = time(firstNonNull(e.text("acknowledgedAt"), e.text("bevestigdOp")));
    jdbc.update(
        "update notification set acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by ="
            + " coalesce(acknowledged_by, ?), ack_route = coalesce(ack_route, ?) where"
            + " notification_id = ?",
        at == null ? ts(e.time()) : at,
        firstNonNull(e.text("acknowledgedBy"), e.text("bevestigdDoor"), e.actor()),
        e.text("route"),
        notificationId(e));
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

  private void taskCreated(Envelope e) {
    phaseOnTask(e.crisisId(), e.text("elementId"), e.time());
    JsonNode d = e.data();
    jdbc.update(
        "insert into task (task_key, crisis_id, process_id, element_id, name, form_key,"
            + " candidate_groups, candidate_users, assignee, vr_code, state, exercise,"
            + " process_instance_key, created_at, due_at, sla, variables, subject) values (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?) on conflict (task_key) do update"
            + " set"
            + " candidate_groups = excluded.candidate_groups, candidate_users ="
            + " excluded.candidate_users, due_at = coalesce(excluded.due_at, task.due_at),"
            + " variables = coalesce(excluded.variables, task.variables)",
        taskKey(e),
        e.crisisId(),
        e.text("process"),
        e.text("elementId"),
        e.text("name"),
        e.text("formKey"),
        strings(d.get("candidateGroups")).toArray(String[]::new),
        strings(d.get("candidateUsers")).toArray(String[]::new),
        e.text("assignee"),
        e.text("vrCode"),
        e.exercise(),
        longOf(d.get("processInstanceKey")),
        ts(e.time()),
        time(e.text("dueAt")),
        e.text("sla"),
        d.has("variables") ? write(d.get("variables")) : null,
        textOf(d.path("variables").path("ontvanger"), "naam"));
  }

  private void taskCompletedByUser(Envelope e) {
    JsonNode form = e.data().path("form");
    jdbc.update(
        "update task set state = 'COMPLETED', ended_at = coalesce(ended_at, ?), completed_by ="
            + " coalesce(completed_by, ?), completion_data = coalesce(completion_data, ?) where"
            + " task_key = ? and state <> 'CANCELED'",
        ts(e.time()),
        e.actor(),
        form.isObject() ? write(form) : null,
        taskKey(e));
    String decided = textOf(form, "uitkomst");
    if (decided != null
        && PHASE_DECISIONS.contains(e.text("elementId"))
        && DECISION_PHASES.containsKey(decided)) {
      status(e.crisisId(), DECISION_PHASES.get(decided), e.time());
    }
    for (String field : DECISION_FIELDS) {
      if (form.hasNonNull(field) && form.get(field).isTextual()) {
        decision(
            e,
            form.get(field).asText(),
            e.actor(),
            firstNonNull(textOf(form, "motivering"), textOf(form, "toelichting")),
            e.text("name"));
        break;
      }
    }
  }

  // --- helpers

  private static Long taskKey(Envelope e) {
    return longOf(e.data().get("taskKey"));
  }

  static String processFromId(String crisisId) {
    if (crisisId == null) {
      return "onbekend";
    }
    if (crisisId.startsWith("DN5-")) {
      return "dreigingsniveau-5";
    }
    if (crisisId.startsWith("MH-")) {
      return "manhunt";
    }
    if (crisisId.startsWith("BA-")) {
      return "bijstandsaanvraag";
    }
    return "onbekend";
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
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

  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("code").asText(n.toString())));
    } else if (node != null && node.isTextual() && !node.asText().isBlank()) {
      for (String s : node.asText().split(",")) {
        out.add(s.trim());
      }
    }
    return out;
  }

  static Integer integer(JsonNode node) {
    return node == null || node.isNull() || !node.canConvertToInt() && !node.isTextual()
        ? null
        : node.isTextual() ? parseInt(node.asText()) : Integer.valueOf(node.asInt());
  }

  private static Integer parseInt(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  static Long longOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.asLong();
    }
    try {
      return Long.valueOf(node.asText().trim());
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  static String textOf(JsonNode node, String... fields) {
    if (node == null) {
      return null;
    }
    for (String f : fields) {
      JsonNode n = node.get(f);
      if (n != null && !n.isNull()) {
        return n.asText();
      }
    }
    return null;
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
