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

/** Registering the level in force, through the engine and onto Kafka. */
class ThreatLevelWorkersIT extends WorkersIT {

  @Test
  void loweringUtrechtToLevel3RegistersLevel3ForEveryGemeenteWithoutAnEndTime() {
    String crisisId = "DN5-" + UUID.randomUUID();
    // as in dreigingsniveau-5 after "Afschalen": level 5's end time is still in the instance
    Map<String, Object> variables =
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            false,
            "niveau",
            3,
            "eindtijd",
            "2026-03-19T06:00:00Z",
            "besluit",
            Map.of("uitkomst", "AFKONDIGEN", "eindtijd", "2026-03-19T06:00:00Z"),
            "gebied",
            Map.of("soort", "PROVINCIE", "codes", List.of("PV26"), "naam", "provincie Utrecht"));

    runJob(JobTypes.DREIGINGSNIVEAU_REGISTREREN, Map.of("actie", "AFSCHALEN"), variables);

    List<JsonNode> levels = awaitRecords(Topic.THREAT_LEVELS, crisisId, 26);
    assertThat(levels).hasSize(26);
    assertThat(levels)
        .extracting(r -> r.at("/data/municipalityCode").asText())
        .contains("GM0344", "GM0307")
        .doesNotHaveDuplicates();
    assertThat(levels)
        .allSatisfy(
            r -> {
              assertThat(r.at("/data/level").asInt()).isEqualTo(3);
              assertThat(r.at("/data/action").asText()).isEqualTo("AFSCHALEN");
              assertThat(r.at("/data/validUntil").isNull())
                  .as("a lowered level holds until the next change: no end time")
                  .isTrue();
            });

    JsonNode logged =
        awaitRecords(Topic.EVENTS, crisisId, 1).stream()
            .filter(e -> EventType.DREIGINGSNIVEAU_GEWIJZIGD.type().equals(e.path("type").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(logged.at("/data/level").asInt()).isEqualTo(3);
    assertThat(logged.at("/data/action").asText()).isEqualTo("AFSCHALEN");
    assertThat(
            logged.at("/data/validUntil").isMissingNode() || logged.at("/data/validUntil").isNull())
        .isTrue();
    assertThat(logged.at("/data/municipalities")).hasSize(26);
    assertThat(logged.at("/data/regions/0").asText()).isEqualTo("VR09");
  }

  @Test
  void thePublicCommunicationCarriesTheLocalMessagesOfTheMunicipalitiesThatAddedOne() {
    String crisisId = "DN5-" + UUID.randomUUID();
    runJob(
        JobTypes.COMMUNICATIE_PUBLICEREN,
        Map.of("fase", "AFKONDIGING"),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            true,
            "publiekeCommunicatie",
            Map.of(
                "fase", "AFKONDIGING",
                "informeren", "Dreigingsniveau 5 in de provincie Utrecht.",
                "handelingsperspectief", "Volg de aanwijzingen van de lokale autoriteiten.",
                "duiding", "De dreiging is acuut.",
                "kanalen", List.of("NL_ALERT")),
            "lokaleBoodschappen",
            List.of(
                Map.of(
                    "gemeente",
                    "GM0344",
                    "boodschap",
                    "Blijf binnen in de binnenstad",
                    "opgesteldDoor",
                    "woordvoerder Utrecht"))));

    JsonNode published =
        awaitRecords(Topic.EVENTS, crisisId, 1).stream()
            .filter(e -> EventType.COMMUNICATIE_GEPUBLICEERD.type().equals(e.path("type").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(published.at("/data/inform").asText())
        .isEqualTo("OEFENING — Dreigingsniveau 5 in de provincie Utrecht.");
    assertThat(published.at("/data/localMessages")).hasSize(1);
    assertThat(published.at("/data/localMessages/0/municipality").asText()).isEqualTo("GM0344");
    assertThat(published.at("/data/localMessages/0/message").asText())
        .isEqualTo("OEFENING — Blijf binnen in de binnenstad");
    assertThat(published.at("/data/localMessages/0/by").asText()).isEqualTo("woordvoerder Utrecht");
  }
}
