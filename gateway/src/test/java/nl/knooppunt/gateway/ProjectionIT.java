package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.events.Envelope;
import nl.knooppunt.gateway.events.EventTypes;
import nl.knooppunt.gateway.readmodel.Logbook;
import nl.knooppunt.gateway.readmodel.ReadModelRebuilder;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read model from {@code knooppunt.events.v1} with real Kafka (in-process KRaft) and real
 * PostgreSQL, in a database of its own: duplicates and poison records change nothing, a replay from
 * the start rebuilds the same tables (twice), the logbook keeps one entry per event and verifies; a
 * tampered entry is found.
 */
@SpringBootTest(
    classes = GatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=gateway",
      "camunda.client.enabled=false",
      "knooppunt.security.bcrypt-strength=4",
      "knooppunt.mode=embedded"
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    topics = {Topic.Names.EVENTS, Topic.Names.ACKNOWLEDGEMENTS},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FakeOrchestration.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabases.url("projection"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReadModelRebuilder rebuilder;
  @Autowired Logbook logbook;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  private final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

  private Envelope event(
      String id, String type, String crisis, int second, Map<String, Object> data) {
    ObjectNode d = json.valueToTree(data);
    return new Envelope(
        id, type, "knooppunt-workers", t0.plusSeconds(second), crisis, "workers", false, d);
  }

  private void send(Envelope e) throws Exception {
    kafka.send(Topic.Names.EVENTS, e.crisisId(), e.toJson(json)).get();
  }

  private Map<String, List<String>> snapshot() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String table : ReadModelRebuilder.PROJECTIONS) {
      out.put(
          table,
          jdbc.queryForList(
              "select (to_jsonb(t) - 'processed_at')::text as j from " + table + " t order by 1",
              String.class));
    }
    return out;
  }

  @Test
  @Order(1)
  void eventsProjectIdempotentlyAndAReplayRebuildsTheSameTables() throws Exception {
    String crisis = "DN5-PROJ-" + UUID.randomUUID().toString().substring(0, 6);
    String p = crisis + "-";
    List<Envelope> events =
        List.of(
            event(
                p + "1",
                EventTypes.CRISIS_GEREGISTREERD,
                crisis,
                0,
                Map.of(
                    "process", "dreigingsniveau-5",
                    "title", "Dreigingsniveau 5 provincie Utrecht",
                    "area",
                        Map.of(
                            "soort",
                            "PROVINCIE",
                            "codes",
                            List.of("PV26"),
                            "naam",
                            "provincie Utrecht"),
                    "linkedCrisisId", "MH-1")),
            event(
                p + "2", EventTypes.GEBIED_BEPAALD, crisis, 1, Map.of("regions", List.of("VR09"))),
            event(
                p + "3",
                EventTypes.BESLUIT_GENOMEN,
                crisis,
                60,
                Map.of("decision", "AFKONDIGEN", "decidedBy", "nctv", "motivation", "Concreet")),
            event(
                p + "4",
                EventTypes.DREIGINGSNIVEAU_GEREGISTREERD,
                crisis,
                61,
                Map.of(
                    "level",
                    5,
                    "action",
                    "AFKONDIGEN",
                    "validUntil",
                    "2026-11-30T09:00:00Z",
                    "areas",
                    List.of(
                        Map.of("code", "VR09", "kind", "VEILIGHEIDSREGIO", "name", "Utrecht")))),
            event(
                p + "5",
                EventTypes.MELDING_VERSTUURD,
                crisis,
                62,
                Map.of(
                    "notificationId",
                    p + "n1",
                    "recipientCode",
                    "GM0344",
                    "municipalityCode",
                    "GM0344",
                    "vrCode",
                    "VR09",
                    "round",
                    1)),
            event(
                p + "6",
                EventTypes.MELDING_VERSTUURD,
                crisis,
                62,
                Map.of(
                    "notificationId",
                    p + "n2",
                    "recipientCode",
                    "GM0307",
                    "municipalityCode",
                    "GM0307",
                    "vrCode",
                    "VR09",
                    "round",
                    1)),
            event(
                p + "7",
                EventTypes.MELDING_VERSTUURD,
                crisis,
                62,
                Map.of(
                    "notificationId",
                    p + "n3",
                    "recipientCode",
                    "VR09",
                    "vrCode",
                    "VR09",
                    "round",
                    1)),
            event(
                EventTypes.acknowledgementEventId(p + "n1"),
                EventTypes.MELDING_BEVESTIGD,
                crisis,
                90,
                Map.of(
                    "notificationId",
                    p + "n1",
                    "acknowledgedAt",
                    "2026-11-23T09:01:30Z",
                    "acknowledgedBy",
                    "burgemeester")),
            event(
                EventTypes.acknowledgementEventId(p + "n2"),
                EventTypes.MELDING_BEVESTIGD,
                crisis,
                180,
                Map.of("notificationId", p + "n2", "acknowledgedAt", "2026-11-23T09:03:00Z")),
            event(
                p + "8",
                EventTypes.MELDING_GEESCALEERD,
                crisis,
                400,
                Map.of("notificationId", p + "n3")),
            event(
                p + "9",
                EventType.TAAK_AANGEMAAKT.type(),
                crisis,
                2,
                Map.of(
                    "taskKey", "9007199254740993",
                    "process", "dreigingsniveau-5",
                    "elementId", "Afstemmen_Lokaal_Gezag",
                    "name", "Afstemmen met lokaal gezag",
                    "candidateGroups", List.of("regio-VR09"),
                    "dueAt", "2026-11-23T10:00:02Z",
                    "vrCode", "VR09")),
            event(
                p + "10",
                EventType.TAAK_VOLTOOID.type(),
                crisis,
                50,
                Map.of("taskKey", "9007199254740993")),
            event(p + "11", "nl.knooppunt.iets.onbekends", crisis, 500, Map.of("x", 1)),
            event(
                p + "12",
                EventTypes.CRISIS_STATUS_GEWIJZIGD,
                crisis,
                501,
                Map.of("status", "NIVEAU_5_VAN_KRACHT")));
    for (Envelope e : events) {
      send(e);
    }
    // duplicates (a retried producer, a second acknowledgement) and a poison record
    send(events.get(4));
    send(events.get(7));
    kafka.send(Topic.Names.EVENTS, crisis, "dit is geen event").get();
    kafka.send(Topic.Names.EVENTS, crisis, "{\"type\":\"zonder id\"}").get();
    send(
        event(
            EventTypes.acknowledgementEventId(p + "n1"),
            EventTypes.MELDING_BEVESTIGD,
            crisis,
            999,
            Map.of("notificationId", p + "n1", "acknowledgedAt", "2026-11-23T09:20:00Z")));
    String marker = p + "last";
    send(
        event(
            marker,
            EventTypes.SLA_VERSTREKEN,
            crisis,
            600,
            Map.of("task", "Afstemmen_Lokaal_Gezag")));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from processed_event where event_id = ?",
                        Integer.class,
                        marker)
                    == 1);

    // the projections
    assertThat(
            jdbc.queryForObject(
                "select status from crisis where crisis_id = ?", String.class, crisis))
        .isEqualTo("NIVEAU_5_VAN_KRACHT");
    assertThat(
            jdbc.queryForObject(
                "select array_to_string(regions, ',') from crisis where crisis_id = ?",
                String.class,
                crisis))
        .isEqualTo("VR09");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where crisis_id = ?", Integer.class, crisis))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select acknowledged_at = '2026-11-23T09:01:30Z'::timestamptz from notification"
                    + " where notification_id = ?",
                Boolean.class,
                p + "n1"))
        .as("the first acknowledgement counts, a replayed one never moves it")
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "select level from threat_level where area_code = 'VR09' and not exercise",
                Integer.class))
        .isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select state from task where task_key = 9007199254740993", String.class))
        .isEqualTo("COMPLETED");

    // the API over it
    Api api = new Api(port);
    JsonNode notifications =
        api.get("/api/v1/crises/" + crisis + "/notifications", "operator").json();
    assertThat(notifications).hasSize(3);
    assertThat(notifications.findValuesAsText("status"))
        .containsExactlyInAnyOrder("BEVESTIGD", "BEVESTIGD", "GEESCALEERD");
    JsonNode dashboard = api.get("/api/v1/dashboard", "management").json();
    JsonNode lag = dashboard.path("decisionToLastAcknowledgement").get(0);
    assertThat(lag.path("crisisId").asText()).isEqualTo(crisis);
    assertThat(lag.path("seconds").asLong()).isEqualTo(120);
    assertThat(lag.path("outstanding").asInt()).isEqualTo(1);
    assertThat(dashboard.path("level5Areas").asInt()).isEqualTo(1);
    assertThat(
            api.get("/api/v1/threat-levels", "regio-utrecht").json().get(0).path("level").asInt())
        .isEqualTo(5);

    // one logbook entry per event id, in a valid chain
    List<Logbook.Entry> entries = logbook.ofCrisis(crisis);
    assertThat(entries).hasSize(events.size() + 1);
    assertThat(entries.stream().map(Logbook.Entry::eventId).distinct()).hasSize(entries.size());
    assertThat(logbook.verify().valid()).isTrue();

    // replay from the start, twice: the same tables
    Map<String, List<String>> before = snapshot();
    long logbookSize = jdbc.queryForObject("select count(*) from logbook", Long.class);
    assertThat(rebuilder.rebuild()).isPositive();
    assertThat(snapshot()).isEqualTo(before);
    rebuilder.rebuild();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from logbook", Long.class))
        .as("a replay never appends to the logbook again")
        .isEqualTo(logbookSize);
    assertThat(logbook.verify().valid()).isTrue();
    assertThat(
            api.get("/api/v1/logbook/verification", "management").json().path("valid").asBoolean())
        .isTrue();
  }

  @Test
  @Order(2)
  void theWorkersEventsOfTheCatalogueAndAcknowledgementsFromRegionalSystemsProject()
      throws Exception {
    String crisis = "DN5-WRK-" + UUID.randomUUID().toString().substring(0, 6);
    String notice = crisis + "/afkondiging/BM-GM0344";
    List<Envelope> events =
        List.of(
            event(
                crisis + "#geopend",
                EventType.CRISIS_GEOPEND.type(),
                crisis,
                0,
                Map.of(
                    "proces", "dreigingsniveau-5",
                    "soortCrisis", "dreigingsniveau-5",
                    "procesInstantie", 2251799813685254L,
                    "gebied",
                        Map.of(
                            "soort",
                            "PROVINCIE",
                            "codes",
                            List.of("PV26"),
                            "naam",
                            "provincie Utrecht"),
                    "voorgesteldDoor", "operator")),
            event(
                "77#" + EventType.DREIGINGSNIVEAU_GEWIJZIGD.type(),
                EventType.DREIGINGSNIVEAU_GEWIJZIGD.type(),
                crisis,
                60,
                Map.of(
                    "actie",
                    "AFKONDIGEN",
                    "niveau",
                    5,
                    "geldigTot",
                    "2026-11-30T09:00:00Z",
                    "regios",
                    List.of("VR09"),
                    "gemeenten",
                    List.of("GM0344", "GM0307"))),
            event(
                notice + "#" + EventType.MELDING_VERSTUURD.type(),
                EventType.MELDING_VERSTUURD.type(),
                crisis,
                61,
                Map.of(
                    "notificatieId", notice,
                    "crisisId", crisis,
                    "ontvanger", "BM-GM0344",
                    "ontvangerNaam", "Burgemeester van Utrecht",
                    "kanaal", "EMAIL",
                    "soort", "AFKONDIGING",
                    "bevestigingVereist", true)),
            event(
                "78#" + EventType.LOGBOEK_FEIT.type(),
                EventType.LOGBOEK_FEIT.type(),
                crisis,
                62,
                Map.of("gebeurtenis", "STILZWIJGEN_REGIO", "vrCode", "VR09")));
    for (Envelope e : events) {
      send(e);
    }
    // the mayor acknowledges in a regional system: a record on the acknowledgements topic
    kafka
        .send(
            Topic.Names.ACKNOWLEDGEMENTS,
            notice,
            "{\"specversion\":\"1.0\",\"id\":\"ack-1\",\"type\":\"nl.knooppunt.bevestiging\","
                + "\"source\":\"/regio/utrecht\",\"time\":\"2026-11-23T09:02:00Z\",\"subject\":\""
                + notice
                + "\",\"exercise\":false,\"data\":{\"notificatieId\":\""
                + notice
                + "\",\"bevestigdDoor\":\"burgemeester Utrecht\",\"bevestigdOp\":\"2026-11-23T09:02:00Z\"}}")
        .get();

    Api api = new Api(port);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/v1/crises/" + crisis + "/notifications", "operator")
                        .body()
                        .contains("BEVESTIGD")
                    && jdbc.queryForObject(
                            "select count(*) from processed_event where event_id = ?",
                            Integer.class,
                            "78#" + EventType.LOGBOEK_FEIT.type())
                        == 1);
    JsonNode n = api.get("/api/v1/crises/" + crisis + "/notifications", "gezag-utrecht").json();
    assertThat(n).as("the gezag of Utrecht sees its notice").hasSize(1);
    assertThat(n.get(0).path("municipalityCode").asText()).isEqualTo("GM0344");
    assertThat(n.get(0).path("vrCode").asText()).isEqualTo("VR09");
    assertThat(n.get(0).path("acknowledgedBy").asText()).isEqualTo("burgemeester Utrecht");

    JsonNode crisisDetail = api.get("/api/v1/crises/" + crisis, "operator").json();
    assertThat(crisisDetail.path("crisis").path("process").asText()).isEqualTo("dreigingsniveau-5");
    assertThat(crisisDetail.path("crisis").path("title").asText()).contains("provincie Utrecht");
    assertThat(crisisDetail.path("crisis").path("status").asText())
        .isEqualTo("NIVEAU_5_VAN_KRACHT");
    JsonNode levels = crisisDetail.path("threatLevels");
    assertThat(levels.findValuesAsText("areaCode"))
        .containsExactlyInAnyOrder("VR09", "GM0344", "GM0307");
    assertThat(levels.findValuesAsText("areaName")).contains("Utrecht", "Amersfoort");

    JsonNode evaluation = api.get("/api/v1/crises/" + crisis + "/evaluation", "management").json();
    assertThat(evaluation.path("silences")).as(evaluation.toString()).hasSize(1);
    assertThat(evaluation.path("notificationsAcknowledged").asInt()).isEqualTo(1);
    JsonNode timeline = api.get("/api/v1/crises/" + crisis + "/timeline", "operator").json();
    assertThat(timeline.findValuesAsText("summary"))
        .contains(
            "Veiligheidsregio Utrecht reageerde niet binnen de termijn op de afstemming",
            "Melding verstuurd aan Burgemeester van Utrecht (E-mail)");
  }

  @Test
  @Order(3)
  void theLogbookRefusesChangesAndFindsTamperingBehindItsBack() {
    Api api = new Api(port);
    String crisis =
        jdbc.queryForObject(
            "select crisis_id from logbook where crisis_id is not null order by sequence limit 1",
            String.class);
    // the logbook refuses changes ...
    assertThatThrownBy(
            () -> jdbc.update("update logbook set actor = 'ik' where crisis_id = ?", crisis))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("onveranderlijk");
    assertThatThrownBy(() -> jdbc.update("delete from logbook where crisis_id = ?", crisis))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("onveranderlijk");
    assertThatThrownBy(() -> jdbc.execute("truncate logbook"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("onveranderlijk");

    // ... and a change made behind its back (a superuser disabling the trigger) is found
    long tampered = jdbc.queryForObject("select max(sequence) from logbook", Long.class) - 1;
    jdbc.execute("alter table logbook disable trigger logbook_no_update");
    jdbc.update(
        "update logbook set summary = 'Besluit NIET_AFKONDIGEN' where sequence = ?", tampered);
    jdbc.execute("alter table logbook enable trigger logbook_no_update");
    Logbook.Verification broken = logbook.verify();
    assertThat(broken.valid()).isFalse();
    assertThat(broken.firstBrokenSequence()).isEqualTo(tampered);
    JsonNode report = api.get("/api/v1/logbook/verification", "beheerder").json();
    assertThat(report.path("valid").asBoolean()).isFalse();
    assertThat(report.path("firstBrokenSequence").asLong()).isEqualTo(tampered);
  }
}
