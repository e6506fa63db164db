package nl.knooppunt.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The rules the workers enforce, each run through the engine: a one-task process with the job type,
 * and an error boundary that records which business error the worker raised.
 */
class BusinessRulesIT extends WorkersIT {

  @Test
  void theProposerCannotDecideOnLevel5() {
    Map<String, Object> result =
        runTask(
            JobTypes.VIER_OGEN_CONTROLEREN,
            ErrorCode.VIER_OGEN_GESCHONDEN,
            Map.of("voorsteller", "operator.jansen", "beslisser", "Operator.Jansen "));

    assertThat(result).containsEntry("uitkomst", ErrorCode.VIER_OGEN_GESCHONDEN.code());
    assertThat(result.get("foutmelding").toString()).contains("vier ogen");
  }

  @Test
  void anotherDeciderPassesTheFourEyesCheck() {
    Map<String, Object> result =
        runTask(
            JobTypes.VIER_OGEN_CONTROLEREN,
            ErrorCode.VIER_OGEN_GESCHONDEN,
            Map.of("voorsteller", "operator.jansen", "beslisser", "nctv.de-vries"));

    assertThat(result).containsEntry("uitkomst", "GELUKT");
  }

  @Test
  void theDeciderAndTheProposerCannotCoSignButASecondDeciderCan() {
    for (String coSigner : List.of(" NCTV.de-vries", "operator.jansen")) {
      Map<String, Object> refused =
          runTask(
              JobTypes.VIER_OGEN_CONTROLEREN,
              ErrorCode.VIER_OGEN_GESCHONDEN,
              Map.of(
                  "voorsteller",
                  "operator.jansen",
                  "beslisser",
                  "nctv.de-vries",
                  "medeondertekenaar",
                  coSigner));
      assertThat(refused).containsEntry("uitkomst", ErrorCode.VIER_OGEN_GESCHONDEN.code());
      assertThat(refused.get("foutmelding").toString()).contains("medeondertekenen");
    }
    Map<String, Object> coSigned =
        runTask(
            JobTypes.VIER_OGEN_CONTROLEREN,
            ErrorCode.VIER_OGEN_GESCHONDEN,
            Map.of(
                "voorsteller",
                "operator.jansen",
                "beslisser",
                "nctv.de-vries",
                "medeondertekenaar",
                "nctv.bakker"));
    assertThat(coSigned).containsEntry("uitkomst", "GELUKT");
  }

  @Test
  void publicCommunicationWithoutMeaningIsNotPublished() {
    Map<String, Object> result =
        runTask(
            JobTypes.COMMUNICATIE_PUBLICEREN,
            ErrorCode.COMMUNICATIE_ONVOLLEDIG,
            Map.of(
                "crisisId",
                "DN5-COM",
                "exercise",
                false,
                "publiekeCommunicatie",
                Map.of(
                    "fase", "AFKONDIGING",
                    "informeren", "Dreigingsniveau 5 in de provincie Utrecht.",
                    "handelingsperspectief", "Blijf binnen, volg de instructies van de politie.",
                    "duiding", " ")));

    assertThat(result).containsEntry("uitkomst", ErrorCode.COMMUNICATIE_ONVOLLEDIG.code());
    assertThat(result.get("foutmelding").toString()).contains("duiding");
  }

  @Test
  void anUnknownAreaIsABusinessErrorNamingTheCode() {
    Map<String, Object> result =
        runTask(
            JobTypes.GEBIED_BEPALEN,
            ErrorCode.GEBIED_ONBEKEND,
            Map.of("gebied", Map.of("soort", "VEILIGHEIDSREGIO", "codes", List.of("VR42"))));

    assertThat(result).containsEntry("uitkomst", ErrorCode.GEBIED_ONBEKEND.code());
    assertThat(result.get("foutmelding").toString()).contains("VR42");
  }

  @Test
  void policeAssistanceUnderTheWvrRouteIsRefused() {
    Map<String, Object> result =
        runTask(
            JobTypes.BIJSTAND_AANVRAAG_VALIDEREN,
            ErrorCode.AANVRAAG_ONGELDIG,
            Map.of(
                "aanvraagId",
                "BA-1",
                "exercise",
                false,
                "aanvraag",
                request("POLITIE", "WVR_ART_51")));

    assertThat(result).containsEntry("uitkomst", ErrorCode.AANVRAAG_ONGELDIG.code());
    assertThat(result.get("foutmelding").toString()).contains("Politiewet 2012 art. 56");
  }

  @Test
  void aValidRequestFromUtrechtAsksItsNeighboursFirst() {
    Map<String, Object> result =
        runTask(
            JobTypes.BIJSTAND_AANVRAAG_VALIDEREN,
            ErrorCode.AANVRAAG_ONGELDIG,
            Map.of(
                "aanvraagId",
                "BA-2",
                "exercise",
                false,
                "aanvraag",
                request("BRANDWEER", "WVR_ART_51")));

    assertThat(result).containsEntry("uitkomst", "GELUKT");
    @SuppressWarnings("unchecked")
    List<String> candidates = (List<String>) result.get("kandidaatRegios");
    assertThat(candidates.subList(0, 6))
        .containsExactly("VR07", "VR08", "VR13", "VR14", "VR16", "VR18");
  }

  @Test
  void policeAssistanceFromUtrechtAsksTheOtherPoliceUnitsNotTheRegions() {
    Map<String, Object> result =
        runTask(
            JobTypes.BIJSTAND_AANVRAAG_VALIDEREN,
            ErrorCode.AANVRAAG_ONGELDIG,
            Map.of(
                "aanvraagId",
                "BA-4",
                "exercise",
                false,
                "aanvraag",
                request("POLITIE", "POLITIEWET_ART_56")));

    assertThat(result).containsEntry("uitkomst", "GELUKT");
    @SuppressWarnings("unchecked")
    List<String> candidates = (List<String>) result.get("kandidaatRegios");
    // Utrecht is served by Midden-Nederland; its neighbours by these units, nearest first
    assertThat(candidates.subList(0, 4))
        .containsExactly("OOST-NEDERLAND", "AMSTERDAM", "DEN-HAAG", "ROTTERDAM");
    assertThat(candidates).hasSize(9).doesNotContain("MIDDEN-NEDERLAND");
    assertThat(candidates).noneMatch(c -> c.startsWith("VR"));
  }

  @Test
  void theAllocationProposalTakesTheEarliestOffersUntilTheRequestIsCovered() {
    Map<String, Object> result =
        runTask(
            JobTypes.BIJSTAND_TOEWIJZING_VOORSTELLEN,
            ErrorCode.AANVRAAG_ONGELDIG,
            Map.of(
                "aanvraagId", "BA-3",
                "exercise", false,
                "aanvraag", request("BRANDWEER", "WVR_ART_51"),
                "kandidaatRegios", List.of("VR07", "VR08", "VR13", "VR14"),
                "aanbiedingen",
                    List.of(
                        offer("VR07", "AANGEBODEN", 3, "2019-03-18T12:00:00+01:00"),
                        offer("VR08", "GEEN_REACTIE", 0, null),
                        offer("VR13", "AANGEBODEN", 2, "2019-03-18T11:30:00+01:00"),
                        offer("VR14", "AANGEBODEN", 5, "2019-03-18T13:00:00+01:00"))));

    assertThat(result).containsEntry("uitkomst", "GELUKT");
    @SuppressWarnings("unchecked")
    Map<String, Object> proposal = (Map<String, Object>) result.get("toewijzingsvoorstel");
    assertThat(proposal)
        .containsEntry("tekort", 0)
        .containsEntry(
            "regels",
            List.of(Map.of("vrCode", "VR13", "aantal", 2), Map.of("vrCode", "VR07", "aantal", 2)));
  }

  private static Map<String, Object> offer(String region, String answer, int amount, String from) {
    Map<String, Object> offer = new java.util.HashMap<>();
    offer.put("vrCode", region);
    offer.put("reactie", answer);
    offer.put("aantal", amount);
    offer.put("beschikbaarVanaf", from);
    return offer;
  }

  @Test
  void level5ForTheProvinceOfUtrechtIsInForceForIts26GemeentenUntilTheEndTime() {
    String crisisId = "DN5-" + UUID.randomUUID();
    runTask(
        JobTypes.DREIGINGSNIVEAU_REGISTREREN,
        ErrorCode.GEBIED_ONBEKEND,
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            true,
            "niveau",
            5,
            "eindtijd",
            "2019-03-19T06:00:00Z",
            "gebied",
            Map.of("soort", "PROVINCIE", "codes", List.of("PV26"), "naam", "Utrecht")));

    try (KafkaRecords levels = new KafkaRecords(bootstrapServers, topic(Topic.THREAT_LEVELS))) {
      List<ConsumerRecord<String, JsonNode>> mine =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      levels.poll().stream()
                          .filter(r -> crisisId.equals(r.value().path("subject").asText()))
                          .toList(),
                  list -> list.size() >= 26);
      assertThat(mine).hasSize(26);
      assertThat(mine)
          .extracting(ConsumerRecord::key)
          .as("exercise levels never overwrite real ones")
          .allMatch(key -> key.startsWith("OEFENING/GM"))
          .contains("OEFENING/GM0344");
      assertThat(mine)
          .allSatisfy(
              r -> {
                assertThat(r.value().at("/data/level").asInt()).isEqualTo(5);
                assertThat(r.value().at("/data/validUntil").asText())
                    .isEqualTo("2019-03-19T06:00:00Z");
                assertThat(r.value().at("/data/vrCode").asText()).isEqualTo("VR09");
              });
    }
  }

  private static Map<String, Object> request(String capacity, String route) {
    return Map.of(
        "aanvragendeRegio", "VR09",
        "capaciteit", capacity,
        "aantal", 4,
        "locatie", "Utrecht, 24 Oktoberplein",
        "vanaf", "2019-03-18T11:00:00+01:00",
        "duur", "PT12H",
        "grondslag", route);
  }

  /**
   * Runs one job of {@code jobType} with {@code variables}; {@code uitkomst} tells whether the
   * worker completed it ({@code GELUKT}) or raised {@code error} (with its message in {@code
   * foutmelding}).
   */
  private Map<String, Object> runTask(
      String jobType, ErrorCode error, Map<String, Object> variables) {
    String processId = "test-" + jobType.replace('.', '-');
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("taak", t -> t.zeebeJobType(jobType))
            .boundaryEvent("fout")
            .error(error.code())
            .zeebeOutputExpression("\"" + error.code() + "\"", "uitkomst")
            .zeebeOutputExpression("foutmelding", "foutmelding")
            .endEvent("geweigerd")
            .moveToActivity("taak")
            .endEvent("gelukt")
            .zeebeOutputExpression("\"GELUKT\"", "uitkomst")
            .done();
    camunda.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofMinutes(1))
        .send()
        .join()
        .getVariablesAsMap();
  }
}
