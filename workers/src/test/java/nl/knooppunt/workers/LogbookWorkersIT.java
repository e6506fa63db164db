package nl.knooppunt.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.Test;

/**
 * What the logbook learns from the workers: a crisis opened and closed with its lessons, a recorded
 * silence, an SLA escalation, a deployment and its extension, the costs.
 */
class LogbookWorkersIT extends WorkersIT {

  @Test
  void aCrisisProcessRegistersItsInstanceAndIsClosedWithItsLessons() {
    String crisisId = "DN5-" + UUID.randomUUID();
    Map<String, Object> gebied =
        Map.of("soort", "PROVINCIE", "codes", List.of("PV26"), "naam", "provincie Utrecht");
    runJob(
        JobTypes.CRISIS_REGISTREREN,
        Map.of("proces", "dreigingsniveau-5"),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            false,
            "gebied",
            gebied,
            "voorgesteldDoor",
            "operator"));
    runJob(
        JobTypes.CRISIS_AFSLUITEN,
        Map.of("proces", "dreigingsniveau-5"),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            false,
            "evaluatie",
            Map.of("watGingGoed", "Regio's wisten het vóór Twitter", "delenMetRegios", true)));

    List<JsonNode> events = awaitRecords(Topic.EVENTS, crisisId, 2);
    assertThat(events)
        .extracting(e -> e.path("id").asText())
        .containsExactly(crisisId + "#geregistreerd", crisisId + "#afgesloten");
    assertThat(events.get(0).path("type").asText())
        .as("the registration names the instance; the start is its starter's fact")
        .isEqualTo(EventType.PROCES_GEREGISTREERD.type());
    assertThat(events.get(0).at("/data/process").asText()).isEqualTo("dreigingsniveau-5");
    assertThat(events.get(0).at("/data/origin/processInstanceKey").asLong()).isPositive();
    assertThat(events.get(1).at("/data/evaluation/watGingGoed").asText()).contains("Twitter");
  }

  @Test
  void aSilentRegionAndAnSlaEscalationAreFactsInTheLogbook() {
    String crisisId = "DN5-" + UUID.randomUUID();
    runJob(
        JobTypes.LOGBOEK_VASTLEGGEN,
        Map.of("gebeurtenis", "STILZWIJGEN_REGIO"),
        Map.of("crisisId", crisisId, "exercise", false, "vrCode", "VR14"));
    runJob(
        JobTypes.SLA_ESCALEREN,
        Map.of("taak", "Informatie_Delen", "escalerenNaar", "landelijk-operator"),
        // the term as the model maps it from the instance's SLA table result (=termijnen.<taak>)
        Map.of("crisisId", crisisId, "exercise", false, "sla", "PT1H"));

    List<JsonNode> events = awaitRecords(Topic.EVENTS, crisisId, 2);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo(EventType.LOGBOEK_FEIT.type());
              assertThat(e.at("/data/fact").asText()).isEqualTo("STILZWIJGEN_REGIO");
              assertThat(e.at("/data/vrCode").asText()).isEqualTo("VR14");
            })
        .anySatisfy(
            e -> {
              assertThat(e.path("type").asText()).isEqualTo(EventType.SLA_ESCALATIE.type());
              assertThat(e.at("/data/escalateTo").asText()).isEqualTo("landelijk-operator");
              assertThat(e.at("/data/sla").asText()).isEqualTo("PT1H");
            });
  }

  @Test
  void aDeploymentRunsFromItsStartForItsDurationThenUntilTheExtensionAndCostsAreKept() {
    String requestId = "BA-" + UUID.randomUUID();
    Map<String, Object> aanvraag =
        Map.of(
            "aanvragendeRegio", "VR09",
            "capaciteit", "BRANDWEER",
            "aantal", 4,
            "locatie", "Utrecht",
            "vanaf", "2019-03-18T11:00:00+01:00",
            "duur", "PT12H",
            "grondslag", "WVR_ART_51");
    Map<String, Object> started =
        runJob(
            JobTypes.BIJSTAND_INZET_REGISTREREN,
            Map.of("actie", "START"),
            Map.of("aanvraagId", requestId, "exercise", false, "aanvraag", aanvraag));
    Map<String, Object> extended =
        runJob(
            JobTypes.BIJSTAND_INZET_REGISTREREN,
            Map.of("actie", "VERLENGEN"),
            Map.of(
                "aanvraagId",
                requestId,
                "exercise",
                false,
                "aanvraag",
                aanvraag,
                "verlengingsbesluit",
                Map.of("uitkomst", "TOEGEKEND", "nieuwEinde", "2019-03-19T23:00:00Z")));
    runJob(
        JobTypes.BIJSTAND_KOSTEN_REGISTREREN,
        Map.of(),
        Map.of(
            "aanvraagId",
            requestId,
            "exercise",
            false,
            "kosten",
            Map.of("totaal", 12500, "regels", List.of(Map.of("vrCode", "VR14", "bedrag", 12500)))));

    assertThat(started).containsEntry("inzetEinde", "2019-03-18T22:00:00Z");
    assertThat(extended).containsEntry("inzetEinde", "2019-03-19T23:00:00Z");
    assertThat(awaitRecords(Topic.EVENTS, requestId, 3))
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            EventType.BIJSTAND_INZET_GEREGISTREERD.type(),
            EventType.BIJSTAND_INZET_GEREGISTREERD.type(),
            EventType.BIJSTAND_KOSTEN_GEREGISTREERD.type());
  }
}
