package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client mistakes: invalid payloads → 400 problem+json naming the field; unknown ids → 404; a
 * second completion → 409; scope violations → 403. Never a 500.
 */
class ErrorsIT extends GatewayITBase {

  private static List<String> fields(Api.Response r) {
    List<String> out = new ArrayList<>();
    r.json().path("errors").forEach(e -> out.add(e.path("field").asText()));
    return out;
  }

  private static void assertBadRequest(Api.Response r, String... fields) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
    assertThat(r.json().path("status").asInt()).isEqualTo(400);
    assertThat(fields(r)).as(r.toString()).contains(fields);
  }

  @ParameterizedTest(name = "{0} {1} as {2} with {3} → field {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST | /api/v1/processes/threat-level-proposals | operator | {} | reason
          POST | /api/v1/processes/threat-level-proposals | operator | {} | area
          POST | /api/v1/processes/threat-level-proposals | operator | {} | proposedEnd
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"LAND","codes":["NL"]},"reason":"x","proposedEnd":"2026-12-01T00:00:00Z"} | area.kind
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"PROVINCIE","codes":["Atlantis"]},"reason":"x","proposedEnd":"2026-12-01T00:00:00Z"} | area.codes[0]
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"PROVINCIE","codes":[]},"reason":"x","proposedEnd":"2026-12-01T00:00:00Z"} | area.codes
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"PROVINCIE","codes":["Utrecht"]},"reason":"","proposedEnd":"2026-12-01T00:00:00Z"} | reason
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"PROVINCIE","codes":["Utrecht"]},"reason":"x","proposedEnd":"morgen"} | proposedEnd
          POST | /api/v1/processes/threat-level-proposals | operator | {"area":{"kind":"PROVINCIE","codes":["Utrecht"]},"reason":"x","proposedEnd":"2026-12-01T00:00:00Z","linkedManhuntId":"MH-ONBEKEND"} | linkedManhuntId
          POST | /api/v1/processes/manhunts | operator | {"location":{"description":"x"},"time":"2026-11-23T08:00:00Z","perpetrators":{"known":false},"possibleTerroristMotive":false} | location.vrCode
          POST | /api/v1/processes/manhunts | operator | {"location":{"description":"x","vrCode":"VR09","municipalityCode":"0344"},"time":"2026-11-23T08:00:00Z","perpetrators":{"known":false},"possibleTerroristMotive":false} | location.municipalityCode
          POST | /api/v1/processes/manhunts | operator | {"location":{"description":"x","vrCode":"VR13","municipalityCode":"GM0344"},"time":"2026-11-23T08:00:00Z","perpetrators":{"known":false},"possibleTerroristMotive":false} | location.municipalityCode
          POST | /api/v1/processes/manhunts | operator | {"location":{"description":"x","vrCode":"VR99"},"time":"2026-11-23T08:00:00Z","perpetrators":{"known":false},"possibleTerroristMotive":false} | location.vrCode
          POST | /api/v1/processes/manhunts | operator | {"location":{"description":"x","vrCode":"VR09"},"time":"2026-11-23T08:00:00Z","perpetrators":{"known":true,"count":0},"possibleTerroristMotive":false} | perpetrators.count
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"VR09","capacity":"BRANDWEER","amount":0,"location":"x","from":"2026-11-23T10:00:00Z","duration":"PT1H","legalBasis":"WVR_ART_51"} | amount
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"VR09","capacity":"RAKETTEN","amount":1,"location":"x","from":"2026-11-23T10:00:00Z","duration":"PT1H","legalBasis":"WVR_ART_51"} | capacity
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"VR09","capacity":"BRANDWEER","amount":1,"location":"x","from":"2026-11-23T10:00:00Z","duration":"12 uur","legalBasis":"WVR_ART_51"} | duration
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"Utrecht","capacity":"BRANDWEER","amount":1,"location":"x","from":"2026-11-23T10:00:00Z","duration":"PT1H","legalBasis":"WVR_ART_51"} | requestingRegion
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"VR09","capacity":"BRANDWEER","amount":"veel","location":"x","from":"2026-11-23T10:00:00Z","duration":"PT1H","legalBasis":"WVR_ART_51"} | amount
          POST | /api/v1/processes/assistance-requests | locc | {"requestingRegion":"VR09" | body
          POST | /api/v1/notifications/acknowledgements | gezag-utrecht | {} | notificationId
          GET | /api/v1/crises?type=oorlog | operator | | type
          GET | /api/v1/crises?size=1000 | operator | | size
          GET | /api/v1/crises?page=-1 | operator | | page
          GET | /api/v1/crises?region=Utrecht | operator | | region
          GET | /api/v1/tasks?sort=RANDOM | regio-utrecht | | sort
          GET | /api/v1/tasks/abc | regio-utrecht | | taskKey
          GET | /api/v1/threat-levels?exercise=misschien | operator | | exercise
          """)
  void invalidInputNamesTheField(
      String method, String path, String user, String body, String field) {
    Api.Response r = api.send(method, path, user, body, null);
    assertBadRequest(r, field);
  }

  @Test
  void messagesToRunningProcessesValidateTheirBodies() {
    String dn5 = fixtures.crisis("dreigingsniveau-5");
    String mh = fixtures.crisis("manhunt");
    String ba = fixtures.crisis("bijstandsaanvraag");
    assertBadRequest(
        api.post("/api/v1/crises/" + dn5 + "/lowering-proposal", "operator", "{}"), "reason");
    assertBadRequest(
        api.post("/api/v1/crises/" + ba + "/extension-request", "locc", "{}"), "until", "reason");
    assertBadRequest(api.post("/api/v1/crises/" + mh + "/arrest", "politie", "{}"), "explanation");
    assertBadRequest(api.post("/api/v1/crises/" + mh + "/manhunt-end", "om", "{}"), "explanation");
    assertBadRequest(
        api.post("/api/v1/crises/" + ba + "/deployment-end", "regio-utrecht", "{}"), "explanation");
  }

  @Test
  void unknownIdsAre404() {
    Map<String, Object> reason = Map.of("reason", "x");
    Map<String, Object> outcome = Map.of("explanation", "x");
    List<Api.Response> responses =
        List.of(
            api.get("/api/v1/crises/ONBEKEND", "operator"),
            api.get("/api/v1/crises/ONBEKEND/timeline", "operator"),
            api.get("/api/v1/crises/ONBEKEND/evaluation", "operator"),
            api.get("/api/v1/crises/ONBEKEND/notifications", "operator"),
            api.get("/api/v1/crises/ONBEKEND/logbook", "operator"),
            api.get("/api/v1/crises/ONBEKEND/logbook.csv", "operator"),
            api.post("/api/v1/crises/ONBEKEND/lowering-proposal", "operator", reason),
            api.post(
                "/api/v1/crises/ONBEKEND/extension-request",
                "locc",
                Map.of("until", "2026-12-01T00:00:00Z", "reason", "x")),
            api.post("/api/v1/crises/ONBEKEND/arrest", "operator", outcome),
            api.post("/api/v1/crises/ONBEKEND/manhunt-end", "operator", outcome),
            api.post("/api/v1/crises/ONBEKEND/deployment-end", "operator", outcome),
            api.get("/api/v1/tasks/1", "regio-utrecht"),
            api.post("/api/v1/tasks/1/claim", "regio-utrecht", null),
            api.post("/api/v1/tasks/1/unclaim", "regio-utrecht", null),
            api.post("/api/v1/tasks/1/completion", "regio-utrecht", Map.of()),
            api.post(
                "/api/v1/notifications/acknowledgements",
                "gezag-utrecht",
                Map.of("notificationId", "DN5-ONBEKEND/afkondiging/BM-GM0344")),
            api.get("/api/v1/nergens", "operator"));
    for (Api.Response r : responses) {
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
      assertThat(r.isProblem()).as(r.toString()).isTrue();
    }
  }

  @Test
  void aUrlTheFirewallRefusesIsA400Problem() {
    Api.Response r = api.get("/api/v1/crises/a;b", "operator");
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.isProblem()).as(r.toString()).isTrue();
  }

  @Test
  void aRealLevel5CannotBeLinkedToAnExerciseManhuntNorTheOtherWayRound() {
    String exerciseManhunt = fixtures.crisis("manhunt", "VR09", true);
    String realManhunt = fixtures.crisis("manhunt", "VR09", false);
    int before = engine.calls.size();

    for (var link : Map.of(exerciseManhunt, false, realManhunt, true).entrySet()) {
      Api.Response r =
          api.post(
              "/api/v1/processes/threat-level-proposals",
              "operator",
              Map.of(
                  "area",
                  Map.of("kind", "PROVINCIE", "codes", List.of("PV26")),
                  "reason",
                  "Aanslag in een tram",
                  "proposedEnd",
                  inSixHours(),
                  "exercise",
                  link.getValue(),
                  "linkedManhuntId",
                  link.getKey()));
      assertThat(r.status()).as(r.toString()).isEqualTo(409);
      assertThat(r.isProblem()).isTrue();
      assertThat(r.json().path("detail").asText()).contains(link.getKey());
    }
    assertThat(engine.calls).as("nothing started").hasSize(before);
  }

  @Test
  void aRequestForAssistanceIsLinkedOnlyToALevel5OrManhuntOfItsOwnWorld() {
    String assistance = fixtures.crisis("bijstandsaanvraag", "VR09", false);
    String exerciseLevel5 = fixtures.crisis("dreigingsniveau-5", "VR09", true);
    int before = engine.calls.size();

    for (String unknown : List.of("DN5-BESTAAT-NIET", assistance)) {
      Api.Response r =
          api.post("/api/v1/processes/assistance-requests", "locc", assistanceRequest(unknown));
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.isProblem()).isTrue();
      assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("linkedCrisisId");
    }
    Api.Response otherWorld =
        api.post(
            "/api/v1/processes/assistance-requests", "locc", assistanceRequest(exerciseLevel5));
    assertThat(otherWorld.status()).as(otherWorld.toString()).isEqualTo(409);
    assertThat(otherWorld.isProblem()).isTrue();
    assertThat(otherWorld.json().path("detail").asText()).contains(exerciseLevel5);
    assertThat(engine.calls).as("nothing started").hasSize(before);
  }

  /**
   * "Dates within a sane window (not before 2000, not more than a year ahead); every free-text
   * field has a maximum length → 400, not 409 with the engine's internal message" (issue #20 §3).
   */
  @Test
  void aDateOutsideTheWindowOrATextTooLongIsA400NamingTheField() {
    Map<String, Object> proposal = new java.util.HashMap<>(levelFiveProposal());
    proposal.put("proposedEnd", "1999-12-31T23:00:00Z");
    Api.Response early = api.post("/api/v1/processes/threat-level-proposals", "operator", proposal);
    assertBadRequest(early, "proposedEnd");
    assertThat(early.json().path("errors").get(0).path("message").asText())
        .isEqualTo("Kies een datum vanaf 2000 en niet meer dan een jaar vooruit.");
    proposal.put("proposedEnd", java.time.OffsetDateTime.now().plusYears(2).toString());
    assertBadRequest(
        api.post("/api/v1/processes/threat-level-proposals", "operator", proposal), "proposedEnd");
    proposal.put("proposedEnd", inSixHours());
    proposal.put("reason", "x".repeat(4001));
    assertBadRequest(
        api.post("/api/v1/processes/threat-level-proposals", "operator", proposal), "reason");

    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.task(crisis, Form.BESLUIT_DREIGINGSNIVEAU, List.of("nctv-besluitvormer"));
    assertBadRequest(
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "nctv",
            Map.of(
                "uitkomst",
                "AFKONDIGEN",
                "eindtijd",
                inSixHours(),
                "motivering",
                "x".repeat(4001))),
        "motivering");
    assertThat(engine.calls).noneMatch(c -> c.key().equals(task));
  }

  /** A level-5 exercise proposal for the province of Utrecht. */
  private static Map<String, Object> levelFiveProposal() {
    return Map.of(
        "area",
        Map.of("kind", "PROVINCIE", "codes", List.of("PV26")),
        "reason",
        "Aanslag in een tram",
        "proposedEnd",
        inSixHours(),
        "exercise",
        true);
  }

  /** Six hours from now: inside the window the hub takes (2000 to a year ahead). */
  static String inSixHours() {
    return java.time.OffsetDateTime.now()
        .plusHours(6)
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        .toString();
  }

  private static Map<String, Object> assistanceRequest(String linkedCrisisId) {
    return Map.of(
        "requestingRegion", "VR09",
        "capacity", "BRANDWEER",
        "amount", 2,
        "location", "Utrecht Centraal",
        "from", inSixHours(),
        "duration", "PT12H",
        "legalBasis", "WVR_ART_51",
        "exercise", false,
        "linkedCrisisId", linkedCrisisId);
  }

  @Test
  void completingATaskTwiceIs409() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, List.of("regio-VR09"));
    Api.Response first =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "regio-utrecht",
            Map.of("standpuntGezag", "STEUNT"));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("state").asText()).isEqualTo("COMPLETED");
    assertThat(first.json().path("completedBy").asText()).isEqualTo("regio-utrecht");
    Api.Response second =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "regio-utrecht",
            Map.of("standpuntGezag", "STEUNT"));
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.isProblem()).isTrue();
    assertThat(api.post("/api/v1/tasks/" + task + "/claim", "regio-utrecht", null).status())
        .isEqualTo(409);
  }

  @Test
  void aTaskClaimedBySomeoneElseIs409AndAnotherRegionsTaskIs403() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, List.of("regio-VR09", "landelijk-operator"));
    assertThat(api.post("/api/v1/tasks/" + task + "/claim", "regio-utrecht", null).status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/tasks/" + task + "/claim", "regio-utrecht", null).status())
        .as("claiming your own task again is harmless")
        .isEqualTo(200);
    assertThat(api.post("/api/v1/tasks/" + task + "/claim", "operator", null).status())
        .isEqualTo(409);
    assertThat(
            api.post(
                    "/api/v1/tasks/" + task + "/completion",
                    "operator",
                    Map.of("standpuntGezag", "STEUNT"))
                .status())
        .isEqualTo(409);
    assertThat(api.post("/api/v1/tasks/" + task + "/unclaim", "operator", null).status())
        .isEqualTo(409);

    Api.Response other = api.get("/api/v1/tasks/" + task, "regio-amsterdam");
    assertThat(other.status()).as(other.toString()).isEqualTo(403);
    assertThat(other.isProblem()).isTrue();
    assertThat(
            api.post(
                    "/api/v1/tasks/" + task + "/completion",
                    "regio-amsterdam",
                    Map.of("standpuntGezag", "STEUNT"))
                .status())
        .isEqualTo(403);
    JsonNode amsterdamInbox = api.get("/api/v1/tasks?crisisId=" + crisis, "regio-amsterdam").json();
    assertThat(amsterdamInbox.path("total").asLong()).isZero();
    JsonNode utrechtInbox = api.get("/api/v1/tasks?crisisId=" + crisis, "regio-utrecht").json();
    assertThat(utrechtInbox.path("total").asLong()).isEqualTo(1);
  }

  @Test
  void aCompletionIsValidatedAgainstTheFormSchema() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task = fixtures.task(crisis, List.of("regio-VR09"));
    String path = "/api/v1/tasks/" + task + "/completion";
    assertBadRequest(api.post(path, "regio-utrecht", Map.of()), "standpuntGezag");
    assertBadRequest(
        api.post(path, "regio-utrecht", Map.of("standpuntGezag", "MISSCHIEN")), "standpuntGezag");
    assertBadRequest(
        api.post(path, "regio-utrecht", Map.of("standpuntGezag", "STEUNT", "geheim", 1)), "geheim");
    assertBadRequest(api.post(path, "regio-utrecht", "[1,2]"), "body");
    assertThat(
            api.get("/api/v1/tasks/" + task, "regio-utrecht")
                .json()
                .path("task")
                .path("state")
                .asText())
        .isEqualTo("OPEN");
  }

  @Test
  void theDeciderIsTheSignedInUserNotWhatTheFormSays() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.task(crisis, Form.BESLUIT_DREIGINGSNIVEAU, List.of("nctv-besluitvormer"));
    Api.Response r =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "nctv",
            Map.of(
                "uitkomst",
                "AFKONDIGEN",
                "eindtijd",
                inSixHours(),
                "motivering",
                "Concrete dreiging",
                "beslisser",
                "iemand-anders"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    FakeOrchestration.Call call =
        engine.calls.stream().filter(c -> c.key().equals(task)).findFirst().orElseThrow();
    assertThat(call.what()).isEqualTo("complete");
    assertThat(((Map<?, ?>) call.payload()).get("beslisser")).isEqualTo("nctv");
    JsonNode crisisDetail = api.get("/api/v1/crises/" + crisis, "operator").json();
    assertThat(crisisDetail.path("decisions").get(0).path("decision").asText())
        .isEqualTo("AFKONDIGEN");
    assertThat(crisisDetail.path("decisions").get(0).path("decidedBy").asText()).isEqualTo("nctv");
  }

  /**
   * "A decision refused by the four-eyes check answers 409 with the reason, and is not listed as a
   * decision on the crisis" (issue #20 §5): the proposer cannot decide, the decider cannot co-sign;
   * nothing reaches the engine, the task stays open for someone else.
   */
  @Test
  void aDecisionTheFourEyesPrincipleRefusesIs409WithTheReasonAndIsNotListed() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String task =
        fixtures.task(
            crisis,
            nl.knooppunt.processes.Task.BESLUIT_AFKONDIGING,
            List.of("nctv-besluitvormer"),
            Map.of("voorgesteldDoor", "nctv"));
    Map<String, Object> decision =
        Map.of(
            "uitkomst", "AFKONDIGEN", "eindtijd", inSixHours(), "motivering", "Concrete dreiging");

    Api.Response refused = api.post("/api/v1/tasks/" + task + "/completion", "nctv", decision);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().path("type").asText()).endsWith("/vier-ogen");
    assertThat(refused.json().path("detail").asText())
        .isEqualTo(
            "Besluit AFKONDIGING: nctv stelde dit voor en mag er daarom niet zelf over beslissen"
                + " (vier ogen).");
    assertThat(engine.calls).noneMatch(c -> c.key().equals(task));
    assertThat(api.get("/api/v1/crises/" + crisis, "operator").json().path("decisions")).isEmpty();
    assertThat(api.get("/api/v1/tasks/" + task, "nctv2").json().path("task").path("state").asText())
        .isEqualTo("OPEN");

    Api.Response decided = api.post("/api/v1/tasks/" + task + "/completion", "nctv2", decision);
    assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    JsonNode decisions = api.get("/api/v1/crises/" + crisis, "operator").json().path("decisions");
    assertThat(decisions).hasSize(1);
    assertThat(decisions.get(0).path("decidedBy").asText()).isEqualTo("nctv2");

    String coSign =
        fixtures.task(
            crisis,
            nl.knooppunt.processes.Task.MEDEONDERTEKENEN_AFKONDIGING,
            List.of("nctv-besluitvormer"),
            Map.of("voorgesteldDoor", "nctv", "besluit", Map.of("beslisser", "nctv2")));
    Api.Response own =
        api.post(
            "/api/v1/tasks/" + coSign + "/completion",
            "nctv2",
            Map.of("goedkeuring", "GOEDGEKEURD"));
    assertThat(own.status()).as(own.toString()).isEqualTo(409);
    assertThat(own.json().path("detail").asText())
        .isEqualTo(
            "Besluit AFKONDIGING: nctv2 besloot dit en mag het daarom niet medeondertekenen (vier"
                + " ogen).");
    assertThat(
            api.post(
                    "/api/v1/tasks/" + coSign + "/completion",
                    "nctv",
                    Map.of("goedkeuring", "GOEDGEKEURD"))
                .json()
                .path("detail")
                .asText())
        .contains("nctv stelde dit voor");
    assertThat(api.get("/api/v1/crises/" + crisis, "operator").json().path("decisions")).hasSize(1);
    Api.Response coSigned =
        api.post(
            "/api/v1/tasks/" + coSign + "/completion", "dg", Map.of("goedkeuring", "GOEDGEKEURD"));
    assertThat(coSigned.status()).as(coSigned.toString()).isEqualTo(200);
  }

  /** A field that says who did it ("…Door") is the signed-in user, whatever the client sent. */
  @Test
  void whoAssessedIsTheSignedInUserNotWhatTheClientSent() {
    String crisis = fixtures.crisis("bijstandsaanvraag");
    String task = fixtures.task(crisis, Form.BEOORDELING_LOCC, List.of("locc-officier"));
    Api.Response r =
        api.post(
            "/api/v1/tasks/" + task + "/completion",
            "locc",
            Map.of(
                "uitkomst",
                "AFWIJZEN",
                "motivering",
                "Geen capaciteit nodig",
                "beoordeeldDoor",
                "iemand-anders"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    FakeOrchestration.Call call =
        engine.calls.stream().filter(c -> c.key().equals(task)).findFirst().orElseThrow();
    assertThat(((Map<?, ?>) call.payload()).get("beoordeeldDoor")).isEqualTo("locc");
  }

  private Api.Response ack(String notificationId) {
    return api.post(
        "/api/v1/notifications/acknowledgements",
        "gezag-utrecht",
        Map.of("notificationId", notificationId));
  }

  @Test
  void acknowledgingTwiceIs409AndSomeoneElsesNotificationIs403() {
    String crisis = fixtures.crisis("dreigingsniveau-5");
    String mine = fixtures.notification(crisis, "GM0344", "VR09");
    String other = fixtures.notification(crisis, "GM0363", "VR13");
    Api.Response ack = ack(mine);
    assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
    assertThat(ack.json().path("status").asText()).isEqualTo("BEVESTIGD");
    assertThat(ack.json().path("acknowledgedBy").asText()).isEqualTo("gezag-utrecht");
    assertThat(ack(mine).status()).isEqualTo(409);
    assertThat(ack(other).status()).isEqualTo(403);
    JsonNode visible =
        api.get("/api/v1/crises/" + crisis + "/notifications", "gezag-utrecht").json();
    assertThat(visible).hasSize(1);
    assertThat(api.get("/api/v1/crises/" + crisis + "/notifications", "operator").json())
        .hasSize(2);
  }

  @Test
  void aRegionRequestsAssistanceOnlyForItself() {
    Map<String, Object> body =
        Map.of(
            "requestingRegion", "VR09",
            "capacity", "BRANDWEER",
            "amount", 4,
            "location", "Utrecht",
            "from", "2026-11-23T10:00:00Z",
            "duration", "PT12H",
            "legalBasis", "WVR_ART_51");
    Api.Response r = api.post("/api/v1/processes/assistance-requests", "regio-amsterdam", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(403);
    assertThat(r.isProblem()).isTrue();
  }

  @Test
  void aMessageToTheWrongKindOfCrisisIs409() {
    String mh = fixtures.crisis("manhunt");
    String dn5 = fixtures.crisis("dreigingsniveau-5");
    assertThat(
            api.post(
                    "/api/v1/crises/" + mh + "/lowering-proposal",
                    "operator",
                    Map.of("reason", "x"))
                .status())
        .isEqualTo(409);
    Api.Response ext =
        api.post(
            "/api/v1/crises/" + dn5 + "/extension-request",
            "locc",
            Map.of("until", "2026-12-01T00:00:00Z", "reason", "x"));
    assertThat(ext.status()).as(ext.toString()).isEqualTo(409);
  }
}
