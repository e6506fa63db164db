package nl.knooppunt.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.Test;

/**
 * The manhunt's workers through the engine: GRIP advice to the region, public appeals, situation
 * reports, and the messages that start a linked level 5 and later propose to lower it.
 */
class ManhuntWorkersIT extends WorkersIT {

  private static final Map<String, Object> UTRECHT_CENTRAAL =
      Map.of(
          "omschrijving", "24 Oktoberplein, Utrecht", "gemeentecode", "GM0344", "vrCode", "VR09");

  @Test
  @SuppressWarnings("unchecked")
  void aManhuntKnownOnlyByItsRegionAlertsTheRegionAndItsNeighbours() {
    // what the manhunt model passes when the gemeente is unknown: the region itself
    Map<String, Object> result =
        runJob(
            JobTypes.GEBIED_BEPALEN,
            Map.of("context", "MANHUNT"),
            Map.of(
                "gebied",
                Map.of(
                    "soort",
                    "VEILIGHEIDSREGIO",
                    "codes",
                    List.of("VR09"),
                    "naam",
                    "A12 ter hoogte van Bunnik")));

    assertThat((List<String>) result.get("betrokkenRegios")).containsExactly("VR09");
    assertThat((List<Map<String, Object>>) result.get("ontvangers"))
        .extracting(o -> (String) o.get("code"))
        .contains("VZ-VR09", "VR09", "BM-GM0344")
        .contains("VZ-VR08", "VR08", "VZ-VR14", "VR14", "VZ-VR07", "VZ-VR13", "VZ-VR16", "VZ-VR18")
        .doesNotHaveDuplicates();
  }

  @Test
  void aPossibleTerroristMotiveSendsGrip3AdviceToTheDriehoekOfUtrechtAndTheRegionsChair() {
    String crisisId = "MH-" + UUID.randomUUID();
    runJob(
        JobTypes.MANHUNT_GRIP_ADVISEREN,
        Map.of("reden", "MOGELIJK_TERRORISTISCH_MOTIEF"),
        Map.of(
            "crisisId", crisisId, "exercise", false, "locatie", UTRECHT_CENTRAAL, "gripAdvies", 3));

    // the driehoek: mayor of Utrecht, police chief Midden-Nederland, chief prosecutor; the chair
    List<JsonNode> notices = awaitRecords(Topic.NOTIFICATIONS, crisisId, 5);
    assertThat(notices)
        .extracting(n -> n.at("/data/recipientCode").asText())
        .containsExactlyInAnyOrder(
            "BM-GM0344", "PC-MIDDEN-NEDERLAND", "HOVJ-MIDDEN-NEDERLAND", "VZ-VR09", "VR09");
    assertThat(notices)
        .allSatisfy(
            n -> {
              assertThat(n.at("/data/subject").asText()).contains("GRIP 3");
              assertThat(n.at("/data/text").asText()).contains("terroristisch motief");
            });
    assertThat(awaitRecords(Topic.EVENTS, crisisId, 3))
        .extracting(e -> e.path("type").asText())
        .contains(EventType.GRIP_ADVIES_GEGEVEN.type());
  }

  @Test
  void theMayorsNlAlertAndBurgernetAreLoggedAsTheGezagsDecision() {
    String crisisId = "MH-" + UUID.randomUUID();
    runJob(
        JobTypes.MANHUNT_PUBLIEKSOPROEP_UITZETTEN,
        Map.of(),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            false,
            "publieksoproep",
            Map.of(
                "nlAlert", true,
                "burgernet", true,
                "opsporingsberichtMetFotoNaam", false,
                "besluitDoor", "burgemeester Utrecht",
                "toelichting", "Blijf binnen in Utrecht-Oost")));

    JsonNode appeal = awaitRecords(Topic.EVENTS, crisisId, 1).get(0);
    assertThat(appeal.path("type").asText()).isEqualTo(EventType.PUBLIEKSOPROEP_UITGEZET.type());
    assertThat(appeal.at("/data/channels").toString()).isEqualTo("[\"NL_ALERT\",\"BURGERNET\"]");
    assertThat(appeal.at("/data/decidedBy").asText()).isEqualTo("burgemeester Utrecht");
  }

  @Test
  void theOfficierVanJustitiesOpsporingsberichtIsLoggedAsTheOvJsDecision() {
    String crisisId = "MH-" + UUID.randomUUID();
    runJob(
        JobTypes.MANHUNT_PUBLIEKSOPROEP_UITZETTEN,
        Map.of(),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            false,
            "publieksoproep",
            Map.of(
                "nlAlert", false,
                "burgernet", false,
                "opsporingsberichtMetFotoNaam", true,
                "besluitDoor", "mr. De Boer")));

    JsonNode appeal = awaitRecords(Topic.EVENTS, crisisId, 1).get(0);
    assertThat(appeal.at("/data/channels").toString())
        .isEqualTo("[\"OPSPORINGSBERICHT_FOTO_NAAM\"]");
    assertThat(appeal.at("/data/decidedBy").asText()).isEqualTo("mr. De Boer");
  }

  @Test
  void aSituationReportGoesToEveryPartnerOfTheManhuntWithoutWaitingForAcks() {
    String crisisId = "MH-" + UUID.randomUUID();
    runJob(
        JobTypes.MANHUNT_SITUATIERAPPORT_VERSPREIDEN,
        Map.of(),
        Map.of(
            "crisisId",
            crisisId,
            "exercise",
            true,
            "locatie",
            UTRECHT_CENTRAAL,
            "ontvangers",
            List.of(
                Map.of("code", "VZ-VR09", "soort", "GEZAG"),
                Map.of("code", "KMAR", "soort", "KMAR"),
                Map.of("code", "HOVJ-MIDDEN-NEDERLAND", "soort", "OM"))));

    List<JsonNode> reports = awaitRecords(Topic.NOTIFICATIONS, crisisId, 3);
    assertThat(reports)
        .allSatisfy(
            r -> {
              assertThat(r.at("/data/kind").asText()).isEqualTo("SITUATIERAPPORT");
              assertThat(r.at("/data/requiresAck").asBoolean()).isFalse();
              assertThat(r.at("/data/subject").asText()).startsWith("OEFENING");
            });
  }

  @Test
  void theNctvProposalStartsALinkedLevel5ForTheProvinceOfTheManhunt() {
    String manhuntId = "MH-" + UUID.randomUUID();
    Map<String, Object> result =
        runJob(
            JobTypes.MANHUNT_DREIGINGSNIVEAU_VOORSTELLEN,
            Map.of(),
            Map.of(
                "crisisId",
                manhuntId,
                "exercise",
                true,
                "locatie",
                UTRECHT_CENTRAAL,
                "gekoppeldDreigingsniveauId",
                manhuntId + "-DN5",
                "overweging",
                Map.of(
                    "voorstellen", true,
                    "reden", "Mogelijk terroristisch motief, dader voortvluchtig",
                    "beslisser", "nctv")));

    assertThat(result).containsEntry("gekoppeldDreigingsniveauId", manhuntId + "-DN5");
    // the manhunt started the linked crisis (its fact); the level 5 registered its own process
    List<JsonNode> linked = awaitRecords(Topic.EVENTS, manhuntId + "-DN5", 2);
    JsonNode started =
        linked.stream()
            .filter(e -> EventType.CRISIS_GESTART.type().equals(e.path("type").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(started.path("id").asText()).isEqualTo("crisis-gestart:" + manhuntId + "-DN5");
    assertThat(started.at("/data/linkedCrisisId").asText()).isEqualTo(manhuntId);
    assertThat(started.at("/data/area/codes/0").asText()).isEqualTo("PV26");
    assertThat(started.at("/data/threatLevelStart/gekoppeldeManhuntId").asText())
        .isEqualTo(manhuntId);
    assertThat(started.at("/data/startedBy").asText()).isEqualTo("nctv");
    assertThat(started.path("exercise").asBoolean()).isTrue();
    JsonNode registered =
        linked.stream()
            .filter(e -> EventType.PROCES_GEREGISTREERD.type().equals(e.path("type").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(registered.at("/data/origin/processInstanceKey").asLong()).isPositive();
    assertThat(linked)
        .as("one start of the linked crisis, by its one producer")
        .filteredOn(e -> EventType.CRISIS_GESTART.type().equals(e.path("type").asText()))
        .hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEndOfAManhuntProposesLoweringToItsLinkedLevel5SayingWhoWhyAndFromWhere()
      throws Exception {
    String manhuntId = "MH-" + UUID.randomUUID();
    String linkedId = manhuntId + "-DN5";
    // the linked level 5 waits as dreigingsniveau-5 does while in force: its boundary event's
    // message and output mapping, taken from the model
    BoundaryEvent inForce;
    try (var in =
        getClass().getClassLoader().getResourceAsStream(ProcessId.DREIGINGSNIVEAU_5.resource())) {
      inForce = Bpmn.readModelFromStream(in).getModelElementById("Afschaling_Voorgesteld");
    }
    Message message =
        ((MessageEventDefinition) inForce.getEventDefinitions().iterator().next()).getMessage();
    assertThat(message.getName()).isEqualTo(MessageName.AFSCHALING_VOORGESTELD.messageName());
    ZeebeOutput mapping =
        inForce.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs().iterator().next();
    BpmnModelInstance levelFive =
        Bpmn.createExecutableProcess("test-niveau-5-van-kracht")
            .startEvent()
            .intermediateCatchEvent(
                "afschaling_voorgesteld",
                e ->
                    e.message(
                            m ->
                                m.name(message.getName())
                                    .zeebeCorrelationKeyExpression(
                                        MessageName.AFSCHALING_VOORGESTELD
                                            .correlationKey()
                                            .variableName()))
                        .zeebeOutput(mapping.getSource(), mapping.getTarget()))
            .endEvent()
            .done();
    camunda.newDeployResourceCommand().addProcessModel(levelFive, "niveau-5.bpmn").send().join();
    CompletableFuture<ProcessInstanceResult> waiting =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("test-niveau-5-van-kracht")
            .latestVersion()
            .variables(Map.of("crisisId", linkedId))
            .withResult()
            .requestTimeout(Duration.ofMinutes(1))
            .send()
            .toCompletableFuture();

    runJob(
        JobTypes.MANHUNT_AFSCHALING_VOORSTELLEN,
        Map.of(),
        Map.of(
            "crisisId",
            manhuntId,
            "exercise",
            false,
            "gekoppeldDreigingsniveauId",
            linkedId,
            "afloop",
            "AANGEHOUDEN",
            "afloopToelichting",
            "Dader aangehouden in Utrecht"));

    var proposal =
        (Map<String, Object>) waiting.join().getVariablesAsMap().get(mapping.getTarget());
    assertThat(mapping.getTarget()).isEqualTo("afschalingsvoorstel");
    assertThat(proposal)
        .containsEntry("voorgesteldDoor", "manhunt " + manhuntId)
        .containsEntry("reden", "Manhunt beëindigd (AANGEHOUDEN): Dader aangehouden in Utrecht")
        .containsEntry("bron", "MANHUNT");
    JsonNode logged =
        awaitRecords(Topic.EVENTS, manhuntId, 1).stream()
            .filter(e -> EventType.AFSCHALING_VOORGESTELD.type().equals(e.path("type").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(logged.at("/data/linkedCrisisId").asText()).isEqualTo(linkedId);
  }

  @Test
  void withoutALinkedLevel5TheEndOfAManhuntProposesNoLowering() {
    String crisisId = "MH-" + UUID.randomUUID();
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("crisisId", crisisId);
    variables.put("exercise", false);
    variables.put("afloop", "AANGEHOUDEN");
    variables.put("gekoppeldDreigingsniveauId", null);

    assertThat(runJob(JobTypes.MANHUNT_AFSCHALING_VOORSTELLEN, Map.of(), variables))
        .containsEntry("crisisId", crisisId);
  }

  @Test
  void aLevel5LinkedByTheDutyOfficerToARunningManhuntTellsThatManhunt() {
    String manhuntId = "MH-" + UUID.randomUUID();
    String levelId = "DN5-" + UUID.randomUUID();
    // the manhunt waits as manhunt.bpmn does while it runs (a message keyed by its crisisId)
    BpmnModelInstance running =
        Bpmn.createExecutableProcess("test-manhunt-loopt")
            .startEvent()
            .intermediateCatchEvent(
                "niveau5_gekoppeld",
                e ->
                    e.message(
                        m ->
                            m.name(MessageName.MANHUNT_NIVEAU5_GEKOPPELD.messageName())
                                .zeebeCorrelationKeyExpression(
                                    MessageName.MANHUNT_NIVEAU5_GEKOPPELD
                                        .correlationKey()
                                        .variableName())))
            .endEvent()
            .done();
    camunda.newDeployResourceCommand().addProcessModel(running, "manhunt-loopt.bpmn").send().join();
    CompletableFuture<ProcessInstanceResult> waiting =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("test-manhunt-loopt")
            .latestVersion()
            .variables(Map.of("crisisId", manhuntId))
            .withResult()
            .requestTimeout(Duration.ofMinutes(1))
            .send()
            .toCompletableFuture();

    runJob(
        JobTypes.DREIGINGSNIVEAU_MANHUNT_KOPPELEN,
        Map.of(),
        Map.of("crisisId", levelId, "gekoppeldeManhuntId", manhuntId));

    assertThat(waiting.join().getVariablesAsMap())
        .containsEntry("gekoppeldDreigingsniveauId", levelId);
  }
}
