package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.logbook.Logbook;
import nl.knooppunt.gateway.readmodel.ReadModelRebuilder;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.CrisisStarted;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.Notice;
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.events.ProcessRegistered;
import nl.knooppunt.processes.events.SlaPassed;
import nl.knooppunt.processes.events.TaskChanged;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.events.TaskCreated;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.variables.LevelFiveArea;
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
 * The read model from the events topic with real Kafka (in-process KRaft) and real PostgreSQL, in a
 * database of its own: duplicates and poison records change nothing, a replay from the start
 * rebuilds the same tables (twice), the logbook keeps one entry per event and verifies; a tampered
 * entry is found.
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
    topics = {Topic.Names.EVENTS, Topic.Names.ACKNOWLEDGEMENTS, Topic.Names.LOGBOOK_ANCHORS},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FakeOrchestration.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabases.url("projection"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add(
        "knooppunt.logbook.key", () -> "sleutel-van-het-logboek-voor-deze-test-0123456789");
    registry.add("knooppunt.logbook.anchor-file", () -> ANCHORS.toString());
  }

  private static final java.nio.file.Path ANCHORS = anchorFile();

  private static java.nio.file.Path anchorFile() {
    try {
      return java.nio.file.Files.createTempDirectory("logboek-ankers").resolve("ankers.jsonl");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Autowired nl.knooppunt.gateway.logbook.LogbookAnchors anchors;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReadModelRebuilder rebuilder;
  @Autowired Logbook logbook;
  @LocalServerPort int port;

  private final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

  private CloudEvent<EventPayload> event(
      String id, EventType type, String crisis, int second, String actor, EventPayload data) {
    return new CloudEvent<>(
        id, type, "/knooppunt/workers", t0.plusSeconds(second), crisis, false, actor, null, data);
  }

  private void send(CloudEvent<?> e) throws Exception {
    kafka.send(Topic.Names.EVENTS, e.crisisId(), CloudEventJson.write(e)).get();
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

  private static final Origin JOB = new Origin("dreigingsniveau-5", "Stap", 2251799813685254L);

  private static Notice notice(String id, String crisis, String recipient, String name) {
    return new Notice(
        id,
        crisis,
        recipient,
        name,
        "BURGEMEESTER",
        "EMAIL",
        null,
        true,
        "AFKONDIGING",
        "Dreigingsniveau 5 afgekondigd",
        "tekst",
        "provincie Utrecht",
        Instant.parse("2026-11-30T09:00:00Z"),
        5,
        "Activeer uw crisisorganisatie",
        "070 000 0000",
        null,
        null,
        null,
        true);
  }

  @Test
  @Order(1)
  void eventsProjectIdempotentlyAndAReplayRebuildsTheSameTables() throws Exception {
    String crisis = "DN5-PROJ-" + UUID.randomUUID().toString().substring(0, 6);
    String p = crisis + "-";
    Area utrecht = new Area(LevelFiveArea.Kind.PROVINCIE, List.of("PV26"), "provincie Utrecht");
    List<CloudEvent<EventPayload>> events =
        List.of(
            event(
                p + "1",
                EventType.CRISIS_GESTART,
                crisis,
                0,
                "operator",
                new CrisisStarted(
                    "dreigingsniveau-5",
                    "Dreigingsniveau 5 provincie Utrecht",
                    utrecht,
                    List.of(),
                    null,
                    "operator",
                    "MH-1",
                    null,
                    null,
                    null)),
            event(
                p + "3",
                EventType.TAAK_AFGEROND,
                crisis,
                60,
                "nctv",
                new TaskCompletedByUser(
                    1L,
                    "Besluit afkondiging",
                    "Besluit_Afkondiging",
                    Map.of("uitkomst", "AFKONDIGEN", "motivering", "Concreet"))),
            event(
                p + "4",
                EventType.DREIGINGSNIVEAU_GEWIJZIGD,
                crisis,
                61,
                null,
                new ThreatLevelChanged(
                    "AFKONDIGEN",
                    5,
                    utrecht,
                    Instant.parse("2026-11-30T09:00:00Z"),
                    List.of("VR09"),
                    List.of(),
                    JOB)),
            event(
                p + "5",
                EventType.MELDING_VERSTUURD,
                crisis,
                62,
                null,
                notice(p + "n1", crisis, "BM-GM0344", "Burgemeester van Utrecht")),
            event(
                p + "6",
                EventType.MELDING_VERSTUURD,
                crisis,
                62,
                null,
                notice(p + "n2", crisis, "BM-GM0307", "Burgemeester van Amersfoort")),
            event(
                p + "7",
                EventType.MELDING_VERSTUURD,
                crisis,
                62,
                null,
                notice(p + "n3", crisis, "VR09", "Veiligheidsregio Utrecht")),
            event(
                Acknowledgement.eventId(p + "n1"),
                EventType.MELDING_BEVESTIGD,
                crisis,
                90,
                "burgemeester",
                new Acknowledgement(
                    p + "n1",
                    crisis,
                    "burgemeester",
                    Instant.parse("2026-11-23T09:01:30Z"),
                    "KANAAL")),
            event(
                Acknowledgement.eventId(p + "n2"),
                EventType.MELDING_BEVESTIGD,
                crisis,
                180,
                null,
                new Acknowledgement(
                    p + "n2",
                    crisis,
                    "burgemeester Amersfoort",
                    Instant.parse("2026-11-23T09:03:00Z"),
                    null)),
            event(
                p + "8",
                EventType.MELDING_FALLBACK_VERSTUURD,
                crisis,
                400,
                null,
                notice(p + "n3/fallback", crisis, "VR09", "Veiligheidsregio Utrecht")),
            event(
                p + "9",
                EventType.TAAK_AANGEMAAKT,
                crisis,
                2,
                "procesengine",
                new TaskCreated(
                    9007199254740993L,
                    "dreigingsniveau-5",
                    "Afstemmen_Lokaal_Gezag",
                    2251799813685254L,
                    "Afstemmen met lokaal gezag",
                    null,
                    "PT1H",
                    List.of("regio-VR09"),
                    List.of(),
                    null,
                    Instant.parse("2026-11-23T10:00:02Z"),
                    "VR09",
                    Map.of("crisisId", crisis))),
            event(
                p + "10",
                EventType.TAAK_VOLTOOID,
                crisis,
                50,
                "procesengine",
                new TaskChanged(
                    9007199254740993L,
                    "dreigingsniveau-5",
                    "Afstemmen_Lokaal_Gezag",
                    2251799813685254L,
                    "Afstemmen met lokaal gezag",
                    null,
                    "PT1H",
                    List.of("regio-VR09"),
                    List.of(),
                    null,
                    null,
                    "VR09")));
    for (CloudEvent<?> e : events) {
      send(e);
    }
    // duplicates (a retried producer, a second acknowledgement) and poison records: not JSON,
    // no id, a type outside the contract, data that does not fit its type
    send(events.get(3));
    send(events.get(6));
    kafka.send(Topic.Names.EVENTS, crisis, "dit is geen event").get();
    kafka.send(Topic.Names.EVENTS, crisis, "{\"type\":\"zonder id\"}").get();
    kafka
        .send(
            Topic.Names.EVENTS,
            crisis,
            "{\"specversion\":\"1.0\",\"id\":\""
                + p
                + "x\",\"type\":\"nl.knooppunt.iets.onbekends\",\"source\":\"/x\","
                + "\"time\":\"2026-11-23T09:08:20Z\",\"subject\":\""
                + crisis
                + "\",\"data\":{}}")
        .get();
    kafka
        .send(
            Topic.Names.EVENTS,
            crisis,
            "{\"specversion\":\"1.0\",\"id\":\""
                + p
                + "y\",\"type\":\""
                + EventType.DREIGINGSNIVEAU_GEWIJZIGD.type()
                + "\",\"source\":\"/x\",\"time\":\"2026-11-23T09:08:20Z\",\"subject\":\""
                + crisis
                + "\",\"data\":{\"level\":\"hoog\"}}")
        .get();
    send(
        event(
            Acknowledgement.eventId(p + "n1"),
            EventType.MELDING_BEVESTIGD,
            crisis,
            999,
            null,
            new Acknowledgement(
                p + "n1", crisis, "iemand anders", Instant.parse("2026-11-23T09:20:00Z"), null)));
    String marker = p + "last";
    send(
        event(
            marker,
            EventType.SLA_ESCALATIE,
            crisis,
            600,
            null,
            new SlaPassed("Afstemmen_Lokaal_Gezag", "PT1H", "landelijk-operator", "VR09", JOB)));

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
        .as("the regions of the province, from the directory")
        .isEqualTo("VR09");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where crisis_id = ?", Integer.class, crisis))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select acknowledged_at = '2026-11-23T09:01:30Z'::timestamptz and acknowledged_by"
                    + " = 'burgemeester' from notification where notification_id = ?",
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
    assertThat(
            jdbc.queryForObject(
                "select decided_by from decision where crisis_id = ?", String.class, crisis))
        .isEqualTo("nctv");

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

    // one logbook entry per event id, in a valid chain; what is no event is not in it
    List<Logbook.Entry> entries = logbook.ofCrisis(crisis);
    assertThat(entries).hasSize(events.size() + 1);
    assertThat(entries.stream().map(Logbook.Entry::eventId).distinct()).hasSize(entries.size());
    assertThat(entries).extracting(Logbook.Entry::eventId).doesNotContain(p + "x", p + "y");
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
  void theWorkersEventsAndAcknowledgementsFromRegionalSystemsProjectInAnyOrderOfTheirKeys()
      throws Exception {
    String crisis = "DN5-WRK-" + UUID.randomUUID().toString().substring(0, 6);
    String notice = crisis + "/afkondiging/BM-GM0344";
    Area utrecht = new Area(LevelFiveArea.Kind.PROVINCIE, List.of("PV26"), "provincie Utrecht");
    List<CloudEvent<EventPayload>> events =
        List.of(
            // a level 5 started by a message: its registration may come before its start
            event(
                crisis + "#geregistreerd",
                EventType.PROCES_GEREGISTREERD,
                crisis,
                1,
                null,
                new ProcessRegistered("dreigingsniveau-5", JOB)),
            event(
                "crisis-gestart:" + crisis,
                EventType.CRISIS_GESTART,
                crisis,
                0,
                null,
                new CrisisStarted(
                    "dreigingsniveau-5",
                    "Dreigingsniveau 5: provincie Utrecht",
                    utrecht,
                    List.of(),
                    null,
                    "manhunt MH-1",
                    "MH-1",
                    null,
                    null,
                    null)),
            event(
                "77#" + EventType.DREIGINGSNIVEAU_GEWIJZIGD.type(),
                EventType.DREIGINGSNIVEAU_GEWIJZIGD,
                crisis,
                // the newest change of these areas in this class: an area's level is its latest
                3600,
                null,
                new ThreatLevelChanged(
                    "AFKONDIGEN",
                    5,
                    utrecht,
                    Instant.parse("2026-11-30T09:00:00Z"),
                    List.of("VR09"),
                    List.of("GM0344", "GM0307"),
                    JOB)),
            event(
                notice + "#" + EventType.MELDING_VERSTUURD.type(),
                EventType.MELDING_VERSTUURD,
                crisis,
                61,
                null,
                notice(notice, crisis, "BM-GM0344", "Burgemeester van Utrecht")),
            event(
                "78#" + EventType.LOGBOEK_FEIT.type(),
                EventType.LOGBOEK_FEIT,
                crisis,
                62,
                null,
                new FactRecorded("STILZWIJGEN_REGIO", null, "VR09", JOB)));
    for (CloudEvent<?> e : events) {
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
                + "\",\"exercise\":false,\"data\":{\"notificationId\":\""
                + notice
                + "\",\"acknowledgedBy\":\"burgemeester Utrecht\","
                + "\"acknowledgedAt\":\"2026-11-23T09:02:00Z\"}}")
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
    assertThat(
            jdbc.queryForObject(
                "select process_instance_key from crisis where crisis_id = ?", Long.class, crisis))
        .as("the registration named the instance; the start that came after kept it")
        .isEqualTo(2251799813685254L);
    assertThat(
            jdbc.queryForObject(
                "select started_by from crisis where crisis_id = ?", String.class, crisis))
        .isEqualTo("manhunt MH-1");
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
  void entriesCutOffTheEndAreFoundByTheAnchorKeptOutsideTheDatabase() throws Exception {
    nl.knooppunt.gateway.logbook.LogbookAnchors.Anchor anchor = anchors.anchorNow();
    assertThat(anchor).isNotNull();
    // the same anchor goes to Kafka through the outbox
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                anchors.readKafka().orElseThrow().stream()
                    .anyMatch(a -> a.sequence() == anchor.sequence()));
    Logbook.Verification before = logbook.verify();
    assertThat(before.valid()).isTrue();
    assertThat(before.anchorsChecked()).isGreaterThanOrEqualTo(1);
    assertThat(before.kafkaAnchorsChecked()).isGreaterThanOrEqualTo(1);

    // the owner of the database removes the last entry behind the logbook's back
    jdbc.execute("alter table logbook disable trigger logbook_no_update");
    jdbc.update("delete from logbook where sequence = ?", anchor.sequence());
    jdbc.execute("alter table logbook enable trigger logbook_no_update");

    Logbook.Verification after = logbook.verify();
    assertThat(after.valid()).isFalse();
    assertThat(after.firstBrokenSequence()).isEqualTo(anchor.sequence());
    assertThat(after.reason()).contains("noemt regel " + anchor.sequence()).contains("houdt op");

    // an insider who also removes the anchor file is found by the anchor on Kafka
    java.nio.file.Path aside = ANCHORS.resolveSibling("weggehaald.jsonl");
    java.nio.file.Files.move(ANCHORS, aside);
    try {
      Logbook.Verification withoutFile = logbook.verify();
      assertThat(withoutFile.anchorsChecked()).isZero();
      assertThat(withoutFile.valid()).isFalse();
      assertThat(withoutFile.firstBrokenSequence()).isEqualTo(anchor.sequence());
      assertThat(withoutFile.reason())
          .contains("op Kafka")
          .contains("noemt regel " + anchor.sequence());
    } finally {
      java.nio.file.Files.move(aside, ANCHORS);
    }
  }

  @Test
  @Order(4)
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

  @Test
  @Order(5)
  void anOwnerWhoRewritesAnEntryAndRehashesTheChainWithPlainSha256IsFoundAtThatEntry()
      throws Exception {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from logbook order by sequence");
    long rewritten = (long) rows.get(1).get("sequence");
    jdbc.execute("alter table logbook disable trigger logbook_no_update");
    String previous = (String) rows.get(0).get("hash");
    for (Map<String, Object> row : rows.subList(1, rows.size())) {
      long sequence = (long) row.get("sequence");
      String summary =
          sequence == rewritten ? "Besluit NIET_AFKONDIGEN" : (String) row.get("summary");
      StringBuilder canonical = new StringBuilder();
      for (Object part :
          new Object[] {
            previous,
            sequence,
            row.get("event_id"),
            row.get("crisis_id"),
            row.get("type"),
            ((java.time.OffsetDateTime)
                    jdbc.queryForObject(
                        "select occurred_at from logbook where sequence = ?",
                        java.time.OffsetDateTime.class,
                        sequence))
                .toInstant(),
            ((java.time.OffsetDateTime)
                    jdbc.queryForObject(
                        "select recorded_at from logbook where sequence = ?",
                        java.time.OffsetDateTime.class,
                        sequence))
                .toInstant(),
            row.get("actor"),
            summary,
            row.get("exercise"),
            row.get("data")
          }) {
        canonical.append(part == null ? "" : part.toString()).append('\n');
      }
      String hash =
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(
                          canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      jdbc.update(
          "update logbook set summary = ?, previous_hash = ?, hash = ? where sequence = ?",
          summary,
          previous,
          hash,
          sequence);
      previous = hash;
    }
    jdbc.execute("alter table logbook enable trigger logbook_no_update");

    Logbook.Verification broken = logbook.verify();
    assertThat(broken.valid()).isFalse();
    assertThat(broken.firstBrokenSequence()).isEqualTo(rewritten);
    assertThat(broken.reason()).contains("regel " + rewritten);
    assertThat(broken.kafkaAnchorsChecked()).as("the anchors on Kafka were read").isNotNull();
  }
}
