package nl.knooppunt.processes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.knooppunt.processes.variables.AcknowledgementResult;
import nl.knooppunt.processes.variables.AssistanceAllocation;
import nl.knooppunt.processes.variables.AssistanceCosts;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.processes.variables.AssistanceStart;
import nl.knooppunt.processes.variables.Evaluation;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.ManhuntStart;
import nl.knooppunt.processes.variables.PublicCommunication;
import nl.knooppunt.processes.variables.ThreatLevelStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event contract: every type has a record, every record is some type's, and every event goes
 * through JSON and comes back as the same record; what is not an event is refused, saying why.
 */
class EventContractTest {

  private static final Instant T = Instant.parse("2026-03-18T16:00:00.123456Z");
  private static final Origin JOB =
      new Origin("dreigingsniveau-5", "Registreren", 2251799813685254L);
  private static final Area UTRECHT =
      new Area(LevelFiveArea.Kind.PROVINCIE, List.of("PV26"), "provincie Utrecht");

  /** One filled-in example of every record, every field set, nested ones too. */
  static final Map<Class<? extends EventPayload>, EventPayload> EXAMPLES = examples();

  private static Map<Class<? extends EventPayload>, EventPayload> examples() {
    AssistanceRequest request =
        new AssistanceRequest(
            "VR09",
            AssistanceRequest.Capacity.BRANDWEER,
            4,
            "Utrecht Centraal",
            "2026-03-18T17:00:00Z",
            "PT12H",
            AssistanceRequest.LegalBasis.WVR_ART_51);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("crisisId", "DN5-1");
    variables.put("ontvanger", Map.of("code", "BM-GM0344", "naam", "Burgemeester van Utrecht"));
    variables.put("regios", List.of("VR09", "VR08"));
    variables.put("niveau", 5);
    List<EventPayload> all =
        List.of(
            new CrisisStarted(
                "dreigingsniveau-5",
                "Dreigingsniveau 5: provincie Utrecht",
                UTRECHT,
                List.of("VR09"),
                2251799813685254L,
                "operator",
                "MH-1",
                new ThreatLevelStart(
                    "DN5-1",
                    true,
                    new LevelFiveArea(
                        LevelFiveArea.Kind.PROVINCIE, List.of("PV26"), "provincie Utrecht"),
                    "Aanslag",
                    "operator",
                    "2026-03-19T05:00:00Z",
                    "MH-1",
                    "PT30M",
                    "PT30M",
                    true),
                new ManhuntStart(
                    "MH-1",
                    true,
                    new ManhuntStart.Location("tram", "GM0344", "VR09"),
                    "2026-03-18T15:00:00Z",
                    new ManhuntStart.Perpetrators(true, 1, "man, 30"),
                    true,
                    "operator"),
                new AssistanceStart("BA-1", "BA-1", true, request, "regio-utrecht", "DN5-1")),
            new ProcessRegistered("dreigingsniveau-5", JOB),
            new CrisisClosed(
                new Evaluation(
                    "Snel gemeld",
                    List.of("Bereikbaarheid"),
                    List.of(new Evaluation.Action("Lijst bijwerken", "NCC", "2026-04-01")),
                    true,
                    "nctv"),
                JOB),
            new FactRecorded("VIER_OGEN_GEWEIGERD", "AFKONDIGING", "VR09", JOB),
            new ThreatLevelChanged(
                "AFKONDIGEN", 5, UTRECHT, T, List.of("VR09"), List.of("GM0344", "GM0307"), JOB),
            new ThreatLevelInForce("GM0344", "Utrecht", "VR09", 5, T, "AFKONDIGEN", "DN5-1"),
            new Notice(
                "DN5-1/afkondiging/BM-GM0344",
                "DN5-1",
                "BM-GM0344",
                "Burgemeester van Utrecht",
                "BURGEMEESTER",
                "EMAIL",
                "burgemeester@utrecht.example",
                true,
                "AFKONDIGING",
                "Dreigingsniveau 5 afgekondigd",
                "Regel 1\nRegel 2",
                "provincie Utrecht",
                T,
                5,
                "Bevestig de ontvangst",
                "070 000 0000",
                1,
                "gemeente",
                List.of("Breng de driehoek bijeen."),
                true),
            new Acknowledgement(
                "DN5-1/afkondiging/BM-GM0344", "DN5-1", "burgemeester", T, "KANAAL"),
            new RoundSent("DN5-1/afkondiging", 26, JOB),
            new ImprovementActionRecorded(
                "MH-1/va/1",
                "Contactlijst buurregio's bijwerken",
                "Veiligheidsregio Utrecht",
                "2026-06-01",
                "De buurregio was niet bereikbaar",
                "Houd de contactlijst van buurregio's actueel",
                "AFSTEMMING_LOKAAL_GEZAG",
                List.of("bereikbaarheid"),
                true),
            new ImprovementActionDone("MH-1/va/1", "Lijst bijgewerkt en beoefend"),
            new ImprovementActionStatusChanged("MH-1/va/1", "VERVALLEN", "Vervangen door VA-2"),
            new ImprovementActionReminder(
                "MH-1/va/1", "VOORAF", "Veiligheidsregio Utrecht", "2026-06-01"),
            new EvaluationShared(List.of("VR09", "VR08")),
            new DeliveryAttempt(
                "DN5-1/afkondiging/BM-GM0344",
                "DN5-1",
                "BM-GM0344",
                "Burgemeester van Utrecht",
                1,
                "Burgemeester van Utrecht",
                "EMAIL",
                "burgemeester@utrecht.demo.knooppunt.example",
                true,
                DeliveryAttempt.Status.ONBESTELBAAR,
                "550 5.1.1 mailbox unavailable",
                "Afkondiging dreigingsniveau 5",
                "Dreigingsniveau 5 …",
                T,
                JOB),
            new ContactChainSet(
                "BM-GM0344",
                2,
                true,
                List.of(
                    new ContactChainSet.Person(
                        3,
                        "OFFICIER_VAN_DIENST",
                        "J. de Vries",
                        "officier van dienst bevolkingszorg",
                        List.of(
                            new ContactChainSet.Address("SMS", "+31612345678"),
                            new ContactChainSet.Address("EMAIL", "ovd@vru.demo.knooppunt.example")),
                        List.of(new ContactChainSet.Duty(T, T.plusSeconds(7 * 24 * 3600))))),
                "beheerder"),
            new LogbookAnchored(
                120L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                T,
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"),
            new MeasuresSet(
                2,
                Map.of(
                    "GEMEENTE", List.of("Breng de driehoek bijeen.", "Geef handelingsperspectief."),
                    "OM", List.of("Neem de leiding van het opsporingsonderzoek."))),
            new RoundCompleted(
                "DN5-1/afkondiging",
                2,
                1,
                0,
                1,
                List.of(
                    new RoundCompleted.Outcome(
                        "BM-GM0344",
                        "DN5-1/afkondiging/BM-GM0344",
                        AcknowledgementResult.Status.BEVESTIGD,
                        AcknowledgementResult.Route.KANAAL,
                        "2026-03-18T16:05:00Z",
                        "burgemeester",
                        null)),
                JOB),
            new SlaPassed("Besluit_Afkondiging", "PT1H", "landelijk-operator", "VR09", JOB),
            new PublicCommunicationPublished(
                "AFKONDIGING",
                "Er geldt niveau 5",
                "Blijf alert",
                "De dreiging is hoog",
                List.of(PublicCommunication.Channel.NL_ALERT),
                List.of(
                    new PublicCommunicationPublished.LocalMessage(
                        "GM0344", "Blijf binnen in de binnenstad", "woordvoerder Utrecht")),
                JOB),
            new GripAdviceGiven("VR09", 4, "MOGELIJK_TERRORISTISCH_MOTIEF", JOB),
            new PublicAppealIssued(List.of("NL_ALERT", "BURGERNET"), "ovj", "Dader gewapend", JOB),
            new SituationReportSent(12, T, JOB),
            new LevelFiveProposed("DN5-2", UTRECHT, JOB),
            new LoweringProposed("DN5-2", JOB),
            new AssistanceValidated("BA-1", request, List.of("VR08", "VR10"), JOB),
            new DeploymentRegistered(
                "START",
                "BA-1",
                T,
                new AssistanceAllocation(
                    List.of(new AssistanceAllocation.Line("VR08", 3)), "Buurregio eerst"),
                JOB),
            new CostsRegistered(
                "BA-1",
                new AssistanceCosts(
                    List.of(new AssistanceCosts.Line("VR08", new BigDecimal("1200.50"), "Inzet")),
                    new BigDecimal("1200.50"),
                    "Volgens tarief"),
                JOB),
            new MessageDelivered(
                "knooppunt.dreigingsniveau.afschaling-voorgesteld",
                "DN5-1",
                Map.of("afschalingReden", "Dader aangehouden")),
            new TaskCreated(
                4503599627370497L,
                "dreigingsniveau-5",
                "Besluit_Afkondiging",
                2251799813685254L,
                "Besluit afkondiging",
                "besluit-afkondiging",
                "PT1H",
                List.of("nctv-besluitvormer"),
                List.of("nctv"),
                "nctv",
                T,
                "VR09",
                variables),
            new TaskChanged(
                4503599627370497L,
                "dreigingsniveau-5",
                "Besluit_Afkondiging",
                2251799813685254L,
                "Besluit afkondiging",
                "besluit-afkondiging",
                "PT1H",
                List.of("nctv-besluitvormer"),
                List.of(),
                "nctv",
                T,
                "VR09"),
            new TaskClaimChanged(4503599627370497L, "Besluit afkondiging", "Besluit_X", "nctv"),
            new TaskCompletedByUser(
                4503599627370497L,
                "Besluit afkondiging",
                "Besluit_Afkondiging",
                Map.of("uitkomst", "AFKONDIGEN", "motivering", "Concreet")),
            new ProcessStuck(
                2251799813685999L,
                2251799813685254L,
                "dreigingsniveau-5",
                "Registreren",
                "Niveau registreren",
                "JOB_NO_RETRIES",
                "Kafka niet bereikbaar",
                T),
            new ProcessResumed(2251799813685999L),
            new ProcessRepaired(
                2251799813685254L,
                "dreigingsniveau-5",
                null,
                "Registreren",
                "Gebied onleesbaar, crisis opnieuw gestart"));
    Map<Class<? extends EventPayload>, EventPayload> byClass = new LinkedHashMap<>();
    all.forEach(p -> byClass.put(p.getClass(), p));
    return byClass;
  }

  @Test
  void everyEventTypeHasARecordAndEveryRecordIsSomeTypesData() {
    Set<Class<?>> permitted = Set.of(EventPayload.class.getPermittedSubclasses());
    Set<Class<?>> used =
        Arrays.stream(EventType.values()).map(EventType::payload).collect(Collectors.toSet());
    assertThat(used).as("every payload of a type is a permitted record").allMatch(Class::isRecord);
    assertThat(used).containsExactlyInAnyOrderElementsOf(permitted);
    assertThat(EXAMPLES.keySet()).as("an example of every record").isEqualTo(permitted);
    assertThat(Arrays.stream(EventType.values()).map(EventType::type).distinct())
        .as("type names are unique")
        .hasSize(EventType.values().length);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventGoesThroughJsonAndComesBackAsTheSameRecord(EventType type) {
    CloudEvent<EventPayload> event =
        CloudEvent.of(
                "e-" + type.name(), type, "/test", T, "DN5-1", true, EXAMPLES.get(type.payload()))
            .by("nctv", "Nina de Vries (NCTV)");

    String json = CloudEventJson.write(event);
    CloudEvent<EventPayload> back = CloudEventJson.read(json);

    assertThat(back).isEqualTo(event);
    assertThat(back.data()).isInstanceOf(type.payload());
    assertThat(fieldsOfData(json))
        .as("the JSON of the data is exactly the record's components, nothing derived")
        .containsExactlyElementsOf(
            Arrays.stream(type.payload().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .toList());
    assertThat(json)
        .contains("\"specversion\":\"1.0\"")
        .contains("\"type\":\"" + type.type() + "\"")
        .contains("\"time\":\"2026-03-18T16:00:00.123456Z\"")
        .contains("\"actorname\":\"Nina de Vries (NCTV)\"");
  }

  @Test
  void aLoweredLevelWithoutAnEndTimeTravelsAsAnExplicitNull() {
    ThreatLevelChanged lowered =
        new ThreatLevelChanged("AFSCHALEN", 3, UTRECHT, null, List.of("VR09"), List.of(), JOB);
    String json =
        CloudEventJson.write(
            CloudEvent.of(
                "e", EventType.DREIGINGSNIVEAU_GEWIJZIGD, "/w", T, "DN5-1", false, lowered));

    assertThat(json).contains("\"validUntil\":null");
    assertThat(((ThreatLevelChanged) CloudEventJson.read(json).data()).validUntil()).isNull();
  }

  @Test
  void anEventCarriesOnlyTheRecordOfItsType() {
    assertThatThrownBy(
            () ->
                CloudEvent.of(
                    "e",
                    EventType.MELDING_BEVESTIGD,
                    "/test",
                    T,
                    "DN5-1",
                    false,
                    new ProcessResumed(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Acknowledgement");
  }

  @Test
  void whatIsNoEventOfTheContractIsRefusedSayingWhy() {
    assertThatThrownBy(() -> CloudEventJson.read("dit is geen event"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CloudEventJson.read("{\"specversion\":\"1.0\",\"type\":\"x\"}"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("id is missing");
    assertThatThrownBy(() -> CloudEventJson.read(event("nl.knooppunt.iets.onbekends", "{}")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("unknown type nl.knooppunt.iets.onbekends");
    assertThatThrownBy(
            () ->
                CloudEventJson.read(
                    event(EventType.DREIGINGSNIVEAU_GEWIJZIGD.type(), "{\"level\":\"hoog\"}")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("data is no ThreatLevelChanged");
    assertThatThrownBy(
            () ->
                CloudEventJson.read(
                    event(EventType.BEVESTIGING.type(), "{\"acknowledgedBy\":\"burgemeester\"}")))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("notificationId is required");
    assertThatThrownBy(
            () ->
                CloudEventJson.read(
                    event(EventType.BEVESTIGING.type(), "{\"notificatieId\":\"x\"}")))
        .as("the first version's Dutch field names are not this contract")
        .isInstanceOf(UnreadableEventException.class);
  }

  @Test
  void anAcknowledgementFromARegionalSystemNeedsOnlyTheNoticeAndWho() {
    CloudEvent<EventPayload> ack =
        CloudEventJson.read(
            event(
                EventType.BEVESTIGING.type(),
                "{\"notificationId\":\"DN5-1/afkondiging/BM-GM0344\",\"acknowledgedBy\":\"bm\","
                    + "\"extraVeld\":1}"));

    assertThat(ack.data())
        .isEqualTo(new Acknowledgement("DN5-1/afkondiging/BM-GM0344", null, "bm", null, null));
    assertThat(ack.exercise()).isFalse();
    assertThat(ack.actor()).isNull();
  }

  @Test
  void anAcknowledgementIsOneEventWhicheverPathItTakes() {
    assertThat(Acknowledgement.eventId("DN5-1/afkondiging/BM-GM0344"))
        .isEqualTo("melding-bevestigd:DN5-1/afkondiging/BM-GM0344");
    assertThat(EventType.MELDING_BEVESTIGD.payload()).isEqualTo(EventType.BEVESTIGING.payload());
  }

  private static List<String> fieldsOfData(String json) {
    try {
      List<String> names = new java.util.ArrayList<>();
      new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(json)
          .path("data")
          .fieldNames()
          .forEachRemaining(names::add);
      return names;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String event(String type, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"r-1\",\"type\":\""
        + type
        + "\",\"source\":\"/regio/utrecht\",\"time\":\"2026-03-18T16:00:00+01:00\",\"data\":"
        + data
        + "}";
  }
}
