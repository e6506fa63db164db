package nl.knooppunt.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import nl.knooppunt.directory.AuthorityCodes;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.MeasureRole;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.ContactChainSet;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.MeasuresSet;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.processes.variables.NoticeContent;
import nl.knooppunt.workers.delivery.DeliveryMessage;
import nl.knooppunt.workers.delivery.RegisterContactBook;
import nl.knooppunt.workers.delivery.SmsText;
import nl.knooppunt.workers.notification.CurrentMeasures;
import nl.knooppunt.workers.notification.NoticeSender;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** informeer-gezagen with the real notification workers, engine and Kafka. */
class NotificationWorkersIT extends WorkersIT {

  @Autowired KafkaTemplate<String, byte[]> rawTemplate;
  @Autowired KafkaTemplate<String, String> cloudEventTemplate;
  @Autowired CurrentMeasures currentMeasures;
  @Autowired RegisterContactBook contacts;

  @Test
  void theBeheerdersNewVersionOfTheMeasuresReachesTheNextNoticeToThePoliceWithItsVersion() {
    int next = currentMeasures.current().version() + 1;
    Map<String, List<String>> measures = new java.util.LinkedHashMap<>();
    for (MeasureRole role : MeasureRole.values()) {
      measures.put(role.name(), List.of("Maatregel versie " + next + " voor " + role.label()));
    }
    measures.put(
        MeasureRole.POLITIE_EENHEID.name(),
        List.of(
            "Bewaak het centraal station en de tramlijnen in het gebied.",
            "Deel relevante (opsporings)informatie met de NCTV vóór verlenging."));
    cloudEventTemplate.send(
        topic(Topic.MEASURES),
        Topic.MEASURES_KEY,
        CloudEventJson.write(
            CloudEvent.of(
                    "maatregelen/v" + next,
                    EventType.MAATREGELEN_VASTGESTELD,
                    "/knooppunt/gateway",
                    java.time.Instant.parse("2026-11-23T09:00:00Z"),
                    null,
                    false,
                    new MeasuresSet(next, measures))
                .by("beheerder", "Ruben Kok, beheerder knooppunt")));
    await().atMost(Duration.ofSeconds(30)).until(() -> currentMeasures.current().version() == next);

    Map<String, Object> bericht = new java.util.HashMap<>();
    bericht.put("soort", "VERLENGING");
    bericht.put("onderwerp", "Dreigingsniveau 5 verlengd");
    bericht.put("tekst", "De NCTV heeft dreigingsniveau 5 verlengd voor provincie Utrecht.");
    bericht.put("gebied", "provincie Utrecht");
    bericht.put("geldigTot", "2026-03-19T04:00:00Z");
    bericht.put("niveau", 5);
    String chief = AuthorityCodes.policeChief("MIDDEN-NEDERLAND");
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-MAATREGELEN/verlenging-1", false, List.of(chief), bericht);

    JsonNode notice;
    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      notice =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> find(notices.poll(), "DN5-MAATREGELEN/verlenging-1/" + chief),
                  r -> r != null);
    }
    assertThat(notice.at("/data/text").asText().lines())
        .containsSequence(
            "Maatregelen voor u als politie-eenheid (versie " + next + "):",
            "- Bewaak het centraal station en de tramlijnen in het gebied.",
            "- Deel relevante (opsporings)informatie met de NCTV vóór verlenging.",
            "Bevestig de ontvangst in het Landelijk Knooppunt (Mijn taken).");
    assertThat(notice.at("/data/measuresVersion").asInt()).isEqualTo(next);
    assertThat(notice.at("/data/measuresRole").asText()).isEqualTo("politie-eenheid");

    acknowledge("ack-maatregelen", "DN5-MAATREGELEN/verlenging-1/" + chief, "politiechef");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void anExerciseNoticeReachesTheMayorOfUtrechtMarkedOefeningAndHerAckClosesTheRound()
      throws Exception {
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-OEF1/afkondiging", true, List.of("BM-GM0344"));

    JsonNode notice;
    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      notice =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> find(notices.poll(), "DN5-OEF1/afkondiging/BM-GM0344"), r -> r != null);
    }
    assertThat(notice.path("exercise").asBoolean()).isTrue();
    assertThat(notice.at("/data/subject").asText()).startsWith("OEFENING");
    assertThat(notice.at("/data/text").asText()).contains("OEFENING");
    assertThat(notice.at("/data/recipientName").asText()).isEqualTo("Burgemeester van Utrecht");

    acknowledge("ack-oef1", "DN5-OEF1/afkondiging/BM-GM0344", "burgemeester Utrecht");

    Map<String, Object> result = round.get().getVariablesAsMap();
    @SuppressWarnings("unchecked")
    var outcome = (List<Map<String, Object>>) result.get("bevestigingen");
    assertThat(outcome)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b).containsEntry("ontvanger", "BM-GM0344");
              assertThat(b).containsEntry("status", "BEVESTIGD");
              assertThat(b).containsEntry("route", "KANAAL");
              assertThat(b).containsEntry("bevestigdDoor", "burgemeester Utrecht");
            });
  }

  @Test
  void aDeclarationReachesTheMayorOfUtrechtAsFactsWithADutchEndTimeAndWhatToDo() {
    Map<String, Object> bericht = new java.util.HashMap<>();
    bericht.put("soort", "AFKONDIGING");
    bericht.put("onderwerp", "Dreigingsniveau 5 afgekondigd");
    bericht.put("tekst", "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.");
    bericht.put("gebied", "provincie Utrecht");
    bericht.put("geldigTot", "2026-03-18T22:00:00Z");
    bericht.put("niveau", 5);
    var measures = currentMeasures.current();
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-NACHT/afkondiging", false, List.of("BM-GM0344"), bericht);

    JsonNode notice;
    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      notice =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> find(notices.poll(), "DN5-NACHT/afkondiging/BM-GM0344"), r -> r != null);
    }
    String text = notice.at("/data/text").asText();
    assertThat(text.lines())
        .containsExactly(
            "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.",
            "Gebied: provincie Utrecht",
            "Geldig tot 18 maart 2026 om 23:00",
            "Dreigingsniveau: 5 (kritiek)",
            "Wat wordt van u verwacht: " + NoticeContent.Kind.AFKONDIGING.expectation(),
            "Maatregelen voor u als gemeente (versie " + measures.version() + "):",
            "- " + measures.forRole(MeasureRole.GEMEENTE).get(0),
            "- " + measures.forRole(MeasureRole.GEMEENTE).get(1),
            "- " + measures.forRole(MeasureRole.GEMEENTE).get(2),
            "- " + measures.forRole(MeasureRole.GEMEENTE).get(3),
            "Bevestig de ontvangst in het Landelijk Knooppunt (Mijn taken).",
            "Landelijk Knooppunt (NCC), 24/7 bereikbaar: 070 000 0000 (demonummer)");
    assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContain("OEFENING");

    // the parts travel as their own fields, on the notice and on the logbook's event alike
    JsonNode sent =
        awaitRecords(Topic.EVENTS, "DN5-NACHT", 1).stream()
            .filter(e -> EventType.MELDING_VERSTUURD.type().equals(e.path("type").asText()))
            .filter(e -> e.at("/data/recipientCode").asText().equals("BM-GM0344"))
            .findFirst()
            .orElseThrow();
    for (JsonNode record : List.of(notice, sent)) {
      JsonNode data = record.path("data");
      assertThat(data.path("subject").asText()).isEqualTo("Dreigingsniveau 5 afgekondigd");
      assertThat(data.path("text").asText()).isEqualTo(text);
      assertThat(data.path("area").asText()).isEqualTo("provincie Utrecht");
      assertThat(data.path("validUntil").asText()).isEqualTo("2026-03-18T22:00:00Z");
      assertThat(data.path("level").asInt()).isEqualTo(5);
      assertThat(data.path("expectation").asText())
          .isEqualTo(NoticeContent.Kind.AFKONDIGING.expectation())
          .contains("Activeer uw crisisorganisatie");
      assertThat(data.path("contact").asText()).contains("24/7").contains("demonummer");
      assertThat(data.path("measuresVersion").asInt()).isEqualTo(measures.version());
      assertThat(data.path("measuresRole").asText()).isEqualTo("gemeente");
      assertThat(data.path("measures"))
          .extracting(JsonNode::asText)
          .containsExactlyElementsOf(measures.forRole(MeasureRole.GEMEENTE));
    }

    acknowledge("ack-nacht", "DN5-NACHT/afkondiging/BM-GM0344", "burgemeester Utrecht");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void aJobThatFailsAfterWritingItsNoticeIsRetriedWithTheSameNotificationId() {
    informGezagen(WorkersIT.FLAKY + "DN5-2/afkondiging", false, List.of("VZ-VR09"));

    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      List<ConsumerRecord<String, JsonNode>> forChair =
          await()
              .atMost(Duration.ofMinutes(2))
              .until(
                  () ->
                      notices.poll().stream()
                          .filter(r -> r.value().path("id").asText().startsWith(WorkersIT.FLAKY))
                          .toList(),
                  list -> list.size() >= 2);
      assertThat(forChair)
          .as("the retry wrote the notice again, under the same id: consumers keep one")
          .extracting(r -> r.value().path("id").asText())
          .containsOnly(WorkersIT.FLAKY + "DN5-2/afkondiging/VZ-VR09");
      assertThat(forChair).extracting(ConsumerRecord::key).containsOnly("VZ-VR09");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> nextCall(String recipient, Object calledLast) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("ontvanger", Map.of("code", recipient, "soort", "GEZAG"));
    variables.put("belContact", calledLast);
    return (Map<String, Object>)
        runJob(JobTypes.MELDING_BELCONTACT_BEPALEN, Map.of(), variables).get("belContact");
  }

  @Test
  void aSilentMayorIsCalledThenHerDeputyThenTheRegionsOfficerOnDutyThenNobody() {
    Map<String, Object> mayor = nextCall("BM-GM0344", null);
    assertThat(mayor)
        .containsEntry("ontvanger", "BM-GM0344")
        .containsEntry("volgorde", 1)
        .containsEntry("positie", "HOUDER")
        .containsEntry("naam", "Burgemeester van Utrecht")
        .containsEntry("functie", "burgemeester")
        .containsEntry("demo", true);
    assertThat((String) mayor.get("telefoon")).matches("070 000 \\d{4}");

    Map<String, Object> deputy = nextCall("BM-GM0344", mayor);
    assertThat(deputy)
        .containsEntry("volgorde", 2)
        .containsEntry("positie", "PLAATSVERVANGER")
        .containsEntry("functie", "loco-burgemeester");
    assertThat(deputy.get("telefoon")).isNotEqualTo(mayor.get("telefoon"));

    Map<String, Object> officer = nextCall("BM-GM0344", deputy);
    assertThat(officer)
        .containsEntry("volgorde", 3)
        .containsEntry("positie", "OFFICIER_VAN_DIENST")
        .containsEntry("naam", "Officier van dienst, Veiligheidsregio Utrecht");

    assertThat(nextCall("BM-GM0344", officer)).isNull();
  }

  @Test
  void theOmsChainEndsAtItsOwnParketsOfficerOnDutyAndAnUnknownRecipientGoesStraightToTheOperator() {
    Map<String, Object> deputy = nextCall("HOVJ-MIDDEN-NEDERLAND", Map.of("volgorde", 1));
    assertThat(deputy).containsEntry("functie", "plaatsvervangend hoofdofficier van justitie");
    assertThat(nextCall("HOVJ-MIDDEN-NEDERLAND", deputy))
        .containsEntry("positie", "OFFICIER_VAN_DIENST")
        .containsEntry("functie", "officier van justitie van dienst")
        .containsEntry(
            "naam", "Officier van justitie van dienst, Arrondissementsparket Midden-Nederland");

    assertThat(nextCall("ONBEKEND", null)).isNull();
  }

  @Test
  void level5ForAllTwelveProvincesWritesOneNoticeToEveryGezagAndPartner() {
    BpmnModelInstance fanOut =
        Bpmn.createExecutableProcess("test-landelijke-uitrol")
            .startEvent()
            .serviceTask("gebied", t -> t.zeebeJobType(JobTypes.GEBIED_BEPALEN))
            .callActivity(
                "informeren",
                c ->
                    c.zeebeProcessId(ProcessId.INFORMEER_GEZAGEN.id())
                        .zeebeInputExpression("crisisId", "crisisId")
                        .zeebeInputExpression("exercise", "exercise")
                        .zeebeInputExpression("ontvangers", "ontvangers")
                        .zeebeInputExpression("bericht", "bericht")
                        .zeebeInput("=crisisId + \"/afkondiging\"", "referentie")
                        .zeebeInput("=\"PT1H\"", "slaBevestiging"))
            .endEvent()
            .done();
    camunda.newDeployResourceCommand().addProcessModel(fanOut, "fan-out.bpmn").send().join();
    camunda
        .newCreateInstanceCommand()
        .bpmnProcessId("test-landelijke-uitrol")
        .latestVersion()
        .variables(
            Map.of(
                "crisisId",
                "DN5-NL",
                "exercise",
                false,
                "gebied",
                Map.of(
                    "soort", "PROVINCIE",
                    "codes",
                        List.of(
                            "PV20", "PV21", "PV22", "PV23", "PV24", "PV25", "PV26", "PV27", "PV28",
                            "PV29", "PV30", "PV31"),
                    "naam", "heel Nederland"),
                "bericht",
                Map.of(
                    "soort", "AFKONDIGING",
                    "onderwerp", "Dreigingsniveau 5",
                    "tekst", "Dreigingsniveau 5 geldt voor heel Nederland.")))
        .send()
        .join();

    int expected = 342 + 25 + 25 + 10 + 10 + 4;
    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      List<String> ids =
          await()
              .atMost(Duration.ofMinutes(5))
              .until(
                  () ->
                      notices.poll().stream()
                          .map(r -> r.value().path("id").asText())
                          .filter(id -> id.startsWith("DN5-NL/"))
                          .toList(),
                  list -> list.size() >= expected);
      assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
      assertThat(
              ids.stream()
                  .map(id -> id.substring(id.lastIndexOf('/') + 1))
                  .collect(Collectors.toSet()))
          .contains("BM-GM0344", "BM-GM0363", "VZ-VR13", "PC-LIMBURG", "KMAR", "NCC");
    }
  }

  @Test
  void anUnreadableAcknowledgementGoesToTheDeadLetterTopicWithTheReason() {
    rawTemplate.send(
        new ProducerRecord<>(
            topic(Topic.ACKNOWLEDGEMENTS), "garbage", "dit is geen JSON".getBytes()));
    rawTemplate.send(
        new ProducerRecord<>(
            topic(Topic.ACKNOWLEDGEMENTS),
            "no-id",
            ("{\"specversion\":\"1.0\",\"id\":\"ack-x\",\"type\":\"nl.knooppunt.bevestiging\","
                    + "\"source\":\"/test\",\"time\":\"2026-11-23T10:00:00Z\",\"data\":{}}")
                .getBytes()));

    try (KafkaRecords deadLetters =
        new KafkaRecords(bootstrapServers, topic(Topic.ACKNOWLEDGEMENTS_DEAD_LETTER))) {
      List<ConsumerRecord<String, JsonNode>> dead =
          await().atMost(Duration.ofSeconds(30)).until(deadLetters::poll, list -> list.size() >= 2);
      assertThat(dead).extracting(ConsumerRecord::key).contains("garbage", "no-id");
    }
    // the partition is not blocked: a good acknowledgement after the poison still correlates
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-3/afkondiging", false, List.of("BM-GM0307"));
    acknowledge("ack-3", "DN5-3/afkondiging/BM-GM0307", "burgemeester Amersfoort");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  private CompletableFuture<ProcessInstanceResult> informGezagen(
      String reference, boolean exercise, List<String> recipientCodes) {
    return informGezagen(
        reference,
        exercise,
        recipientCodes,
        Map.of(
            "soort", "AFKONDIGING",
            "onderwerp", "Dreigingsniveau 5 afgekondigd",
            "tekst", "De NCTV heeft dreigingsniveau 5 afgekondigd."));
  }

  private CompletableFuture<ProcessInstanceResult> informGezagen(
      String reference,
      boolean exercise,
      List<String> recipientCodes,
      Map<String, Object> bericht) {
    return informGezagen(reference, exercise, recipientCodes, bericht, false);
  }

  private CompletableFuture<ProcessInstanceResult> informGezagen(
      String reference,
      boolean exercise,
      List<String> recipientCodes,
      Map<String, Object> bericht,
      boolean wholeChain) {
    return informGezagen(reference, exercise, recipientCodes, bericht, wholeChain, "PT15M");
  }

  private CompletableFuture<ProcessInstanceResult> informGezagen(
      String reference,
      boolean exercise,
      List<String> recipientCodes,
      Map<String, Object> bericht,
      boolean wholeChain,
      String sla) {
    return informGezagen(reference, exercise, recipientCodes, bericht, wholeChain, Map.of());
  }

  private CompletableFuture<ProcessInstanceResult> informGezagen(
      String reference,
      boolean exercise,
      List<String> recipientCodes,
      Map<String, Object> bericht,
      boolean wholeChain,
      Map<String, Object> more) {
    Map<String, Object> variables = new java.util.HashMap<>(more);
    variables.put(Variable.HELE_KETEN.variableName(), wholeChain);
    variables.putAll(
        Map.of(
            "crisisId",
            reference.substring(0, reference.indexOf('/')),
            "exercise",
            exercise,
            "ontvangers",
            recipientCodes.stream().map(code -> Map.of("code", code, "soort", "GEZAG")).toList(),
            "bericht",
            bericht,
            "referentie",
            reference,
            "slaBevestiging",
            "PT15M"));
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(ProcessId.INFORMEER_GEZAGEN.id())
        .latestVersion()
        .variables(variables)
        .withResult()
        .requestTimeout(Duration.ofMinutes(1))
        .send()
        .toCompletableFuture();
  }

  private void acknowledge(String ackId, String notificationId, String by) {
    String json =
        CloudEventJson.write(
            CloudEvent.of(
                ackId,
                EventType.BEVESTIGING,
                "/test",
                java.time.Instant.parse("2026-11-23T10:00:00Z"),
                notificationId,
                false,
                new Acknowledgement(notificationId, null, by, null, null)));
    rawTemplate.send(
        new ProducerRecord<>(topic(Topic.ACKNOWLEDGEMENTS), notificationId, json.getBytes()));
  }

  // ------------------------------------------------------------ delivery along the chain --------

  private static final Map<String, Object> DECLARATION =
      Map.of(
          "soort", "AFKONDIGING",
          "onderwerp", "Dreigingsniveau 5 afgekondigd",
          "tekst", "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.",
          "gebied", "provincie Utrecht",
          "geldigTot", "2026-03-19T04:00:00Z",
          "niveau", 5);

  @Test
  void aScenarioExercisesNoticeStaysInTheHubAndReachesNobodysMailOrPhone() throws Exception {
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen(
            "DN5-SCEN/afkondiging",
            true,
            List.of("BM-GM0344"),
            DECLARATION,
            false,
            Map.of(Variable.ALLEEN_IN_KNOOPPUNT.variableName(), true));

    // the notice is in the hub (its topic, the inbox) and the round waits for the acknowledgement
    try (KafkaRecords notices = new KafkaRecords(bootstrapServers, topic(Topic.NOTIFICATIONS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> notices.poll().stream().map(r -> r.value().at("/id").asText()).toList(),
              ids -> ids.contains("DN5-SCEN/afkondiging/BM-GM0344"));
    }
    // the live participant acknowledges in the hub; the round ends, its send job long done
    acknowledge("ack-scen", "DN5-SCEN/afkondiging/BM-GM0344", "oefenende burgemeester");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");

    assertThat(mailTo("houder.bm-gm0344@demo.knooppunt.example", "DN5-SCEN/")).isNull();
    assertThat(SMS.received).noneMatch(m -> m.reference().startsWith("DN5-SCEN/"));
  }

  @Test
  void theHoldersMailSaysWhatWhereUntilWhenAndWhatToDoWithAPersonalLinkThatChecksOut()
      throws Exception {
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-MAIL/afkondiging", false, List.of("BM-GM0344"), DECLARATION);

    MimeMessage mail =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> mailTo("houder.bm-gm0344@demo.knooppunt.example", "DN5-MAIL/"),
                m -> m != null);

    assertThat(mail.getSubject()).isEqualTo("Dreigingsniveau 5 afgekondigd");
    String body = ((String) mail.getContent()).replace("\r\n", "\n");
    assertThat(body.lines())
        .contains(
            "De NCTV heeft dreigingsniveau 5 afgekondigd voor provincie Utrecht.",
            "Gebied: provincie Utrecht",
            "Geldig tot 19 maart 2026 om 05:00",
            "Wat wordt van u verwacht: " + NoticeContent.Kind.AFKONDIGING.expectation(),
            NoticeSender.DEMO_HUB_CONTACT);
    String link =
        body.lines()
            .filter(l -> l.startsWith(DeliveryMessage.CONFIRM_PREFIX))
            .findFirst()
            .orElseThrow()
            .substring(DeliveryMessage.CONFIRM_PREFIX.length());
    assertThat(link).startsWith(BASE_URL + AcknowledgementLinks.PATH);
    AcknowledgementLinks.Checked checked =
        new AcknowledgementLinks(LINK_KEY)
            .check(link.substring((BASE_URL + AcknowledgementLinks.PATH).length()), Instant.now());
    assertThat(checked.verdict()).isEqualTo(AcknowledgementLinks.Verdict.GELDIG);
    assertThat(checked.claims())
        .returns("DN5-MAIL/afkondiging/BM-GM0344", AcknowledgementLinks.Claims::notificationId)
        .returns("BM-GM0344", AcknowledgementLinks.Claims::recipientCode)
        .returns(1, AcknowledgementLinks.Claims::chainOrder);
    // only the holder: the stand-in hears of it after silence
    assertThat(mailTo("plaatsvervanger.bm-gm0344@demo.knooppunt.example", "DN5-MAIL/")).isNull();

    acknowledge("ack-mail", "DN5-MAIL/afkondiging/BM-GM0344", "burgemeester Utrecht");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void aBouncingMailToTheMayorOfDeBiltGoesOutBySmsAtOnceMarkedOefening() {
    String id = "DN5-BOUNCE/afkondiging/" + DemoContactBook.BOUNCING_AUTHORITY;
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen(
            "DN5-BOUNCE/afkondiging",
            true,
            List.of(DemoContactBook.BOUNCING_AUTHORITY),
            DECLARATION);

    List<JsonNode> attempts;
    try (KafkaRecords events = new KafkaRecords(bootstrapServers, topic(Topic.EVENTS))) {
      attempts =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> attempts(events.poll(), id), list -> list.size() >= 2);
    }
    assertThat(attempts)
        .extracting(a -> a.at("/data/channel").asText() + " " + a.at("/data/status").asText())
        .containsExactly("EMAIL ONBESTELBAAR", "SMS GEACCEPTEERD");
    assertThat(attempts.get(0).at("/data/detail").asText()).contains("550");
    assertThat(attempts.get(0).at("/data/subject").asText()).startsWith("OEFENING");
    String number = attempts.get(1).at("/data/address").asText();
    MailAndSmsStandIns.Sms sms =
        SMS.received.stream()
            .filter(m -> m.to().equals(number) && m.reference().startsWith(id + "#"))
            .findFirst()
            .orElseThrow();
    assertThat(sms.text())
        .startsWith(SmsText.EXERCISE_PREFIX)
        .contains("Gebied: provincie Utrecht", BASE_URL + AcknowledgementLinks.PATH)
        .endsWith(NoticeSender.DEMO_HUB_CONTACT);
    assertThat(SmsText.segments(sms.text())).isLessThanOrEqualTo(2);

    acknowledge("ack-bounce", id, "burgemeester De Bilt");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void theRegistersChainReplacesTheDemoChainAndOnlyThePersonOnDutyIsMailed() throws Exception {
    String code = "BM-GM0307";
    Instant now = Instant.now();
    ContactChainSet.Person onDuty =
        new ContactChainSet.Person(
            1,
            "HOUDER",
            "L. de Wit",
            "burgemeester",
            List.of(new ContactChainSet.Address("EMAIL", "l.dewit@register.example")),
            List.of(
                new ContactChainSet.Duty(
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)))));
    ContactChainSet.Person offDuty =
        new ContactChainSet.Person(
            1,
            "HOUDER",
            "K. Bakker",
            "burgemeester",
            List.of(new ContactChainSet.Address("EMAIL", "k.bakker@register.example")),
            List.of(
                new ContactChainSet.Duty(
                    now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(1)))));
    ContactChainSet.Person deputy =
        new ContactChainSet.Person(
            2,
            "PLAATSVERVANGER",
            "M. Jansen",
            "loco-burgemeester",
            List.of(new ContactChainSet.Address("EMAIL", "m.jansen@register.example")),
            List.of());
    cloudEventTemplate.send(
        topic(Topic.CONTACTS),
        code,
        CloudEventJson.write(
            CloudEvent.of(
                    "contacten/" + code + "/v1",
                    EventType.CONTACTEN_VASTGESTELD,
                    "/knooppunt/gateway",
                    now,
                    null,
                    false,
                    new ContactChainSet(
                        code, 1, false, List.of(onDuty, offDuty, deputy), "beheerder"))
                .by("beheerder", "Ruben Kok, beheerder knooppunt")));
    await().atMost(Duration.ofSeconds(30)).until(() -> contacts.holds(code));

    CompletableFuture<ProcessInstanceResult> round =
        informGezagen("DN5-REGISTER/afkondiging", false, List.of(code), DECLARATION);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailTo("l.dewit@register.example", "DN5-REGISTER/"), m -> m != null);
    assertThat(mailTo("k.bakker@register.example", "DN5-REGISTER/")).isNull();
    assertThat(mailTo("m.jansen@register.example", "DN5-REGISTER/")).isNull();
    assertThat(mailTo("houder.bm-gm0307@demo.knooppunt.example", "DN5-REGISTER/")).isNull();

    acknowledge("ack-register", "DN5-REGISTER/afkondiging/" + code, "burgemeester Amersfoort");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void withTheWholeChainEveryPersonOfTheChainIsMailedAtOnce() {
    CompletableFuture<ProcessInstanceResult> round =
        informGezagen(
            "BT-1/test",
            false,
            List.of("BM-GM0345"),
            Map.of(
                "soort", "BEREIKBAARHEIDSTEST",
                "tekst", "Test van de bereikbaarheid van uw contactketen."),
            true);

    for (String person : List.of("houder.bm-gm0345", "plaatsvervanger.bm-gm0345", "ovd.vr09")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> mailTo(person + "@demo.knooppunt.example", "BT-1/"), m -> m != null);
    }

    acknowledge("ack-bt-1", "BT-1/test/BM-GM0345", "burgemeester Veenendaal");
    assertThat(round.join().getVariablesAsMap()).containsKey("bevestigingen");
  }

  @Test
  void afterSilenceTheStandInAndTheOfficerOnDutyAreMailedUnderTheFallbackId() throws Exception {
    // the fallback job as the process runs it once the holder stayed silent past the SLA
    runJob(
        JobTypes.MELDING_FALLBACK_VERSTUREN,
        Map.of(),
        Map.of(
            "crisisId",
            "DN5-STIL",
            "exercise",
            false,
            "notificatieId",
            "DN5-STIL/afkondiging/BM-GM0308",
            "ontvanger",
            Map.of("code", "BM-GM0308", "soort", "GEZAG"),
            "bericht",
            DECLARATION));

    String fallback = "DN5-STIL/afkondiging/BM-GM0308/fallback";
    for (String person : List.of("plaatsvervanger.bm-gm0308", "ovd.vr09")) {
      MimeMessage mail =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> mailTo(person + "@demo.knooppunt.example", fallback), m -> m != null);
      assertThat(linkedNotice((String) mail.getContent())).isEqualTo(fallback);
    }
    // the holder had the first notice; the fallback goes to the others
    assertThat(mailTo("houder.bm-gm0308@demo.knooppunt.example", fallback)).isNull();
  }

  /** The mail to this address whose link is for a notice of this reference, if it came. */
  private static MimeMessage mailTo(String address, String reference) throws Exception {
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients() != null
          && java.util.Arrays.stream(m.getAllRecipients())
              .anyMatch(a -> a.toString().equalsIgnoreCase(address))
          && linkedNotice((String) m.getContent()).startsWith(reference)) {
        return m;
      }
    }
    return null;
  }

  /** The notification id the link in a mail body is for ("" when none). */
  private static String linkedNotice(String body) {
    int at = body.indexOf(AcknowledgementLinks.PATH);
    if (at < 0) {
      return "";
    }
    String token = body.substring(at + AcknowledgementLinks.PATH.length()).split("\\s")[0];
    AcknowledgementLinks.Checked checked =
        new AcknowledgementLinks(LINK_KEY).check(token, Instant.now());
    return checked.claims() == null ? "" : checked.claims().notificationId();
  }

  private static List<JsonNode> attempts(
      List<ConsumerRecord<String, JsonNode>> records, String notificationId) {
    return records.stream()
        .map(ConsumerRecord::value)
        .filter(v -> EventType.MELDING_AFLEVERPOGING.type().equals(v.path("type").asText()))
        .filter(v -> notificationId.equals(v.at("/data/notificationId").asText()))
        .toList();
  }

  private static JsonNode find(List<ConsumerRecord<String, JsonNode>> records, String id) {
    return records.stream()
        .map(ConsumerRecord::value)
        .filter(v -> id.equals(v.path("id").asText()))
        .findFirst()
        .orElse(null);
  }
}
