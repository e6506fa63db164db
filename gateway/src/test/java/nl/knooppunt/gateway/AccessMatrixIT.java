package nl.knooppunt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.Form;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation × every role (one demo account per role) → the expected status: the success
 * status when {@link AccessPolicy} allows the role, 403 when not, 401 without login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends GatewayITBase {

  /** The demo account per role. */
  static final Map<Rol, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put(Rol.LANDELIJK_OPERATOR, "operator");
    USERS.put(Rol.NCTV_BESLUITVORMER, "nctv");
    USERS.put(Rol.COMMUNICATIEADVISEUR, "communicatie");
    USERS.put(Rol.LOCC_OFFICIER, "locc");
    USERS.put(Rol.HOOFD_LOCC, "hoofd-locc");
    USERS.put(Rol.REGIO, "regio-utrecht");
    USERS.put(Rol.POLITIE, "politie");
    USERS.put(Rol.OM, "om");
    USERS.put(Rol.GEZAG, "gezag-utrecht");
    USERS.put(Rol.MANAGEMENT, "management");
    USERS.put(Rol.BEHEERDER, "beheerder");
  }

  /** The authority each recipient role answers for (a notice to it may be acknowledged). */
  static final Map<String, String> RECIPIENTS =
      Map.of(
          "operator", "NCC",
          "regio-utrecht", "VR09",
          "politie", "PC-MIDDEN-NEDERLAND",
          "om", "HOVJ-MIDDEN-NEDERLAND",
          "gezag-utrecht", "BM-GM0344");

  /** One operation: how to call it (fresh fixtures per call) and its success status. */
  record Op(
      String id,
      String method,
      BiFunction<AccessMatrixIT, String, String> path,
      Function<AccessMatrixIT, Object> body,
      int success) {}

  String dn5;
  String notification;
  String manhunt;
  String bijstand;

  @BeforeAll
  void crises() {
    dn5 = fixtures.crisis("dreigingsniveau-5");
    fixtures.informationTask(dn5, "om");
    manhunt = fixtures.crisis("manhunt");
    bijstand = fixtures.crisis("bijstandsaanvraag");
  }

  static Map<String, Object> outcome() {
    return Map.of("explanation", "Toelichting voor de test");
  }

  static final List<Op> OPS =
      List.of(
          new Op("getHubInfo", "GET", (t, u) -> "/api/v1/info", t -> null, 200),
          new Op(
              "startThreatLevelProposal",
              "POST",
              (t, u) -> "/api/v1/processes/threat-level-proposals",
              t ->
                  Map.of(
                      "area", Map.of("kind", "PROVINCIE", "codes", List.of("Utrecht")),
                      "reason", "Concrete dreiging",
                      "proposedEnd", "2026-12-01T12:00:00Z"),
              201),
          new Op(
              "startManhunt",
              "POST",
              (t, u) -> "/api/v1/processes/manhunts",
              t ->
                  Map.of(
                      "location",
                      Map.of(
                          "description", "Utrecht Centraal",
                          "municipalityCode", "GM0344",
                          "vrCode", "VR09"),
                      "time",
                      "2026-11-23T08:15:00+01:00",
                      "perpetrators",
                      Map.of("known", false),
                      "possibleTerroristMotive",
                      true),
              201),
          new Op(
              "startAssistanceRequest",
              "POST",
              (t, u) -> "/api/v1/processes/assistance-requests",
              t ->
                  Map.of(
                      "requestingRegion", "VR09",
                      "capacity", "BRANDWEER",
                      "amount", 4,
                      "location", "Utrecht",
                      "from", "2026-11-23T10:00:00Z",
                      "duration", "PT12H",
                      "legalBasis", "WVR_ART_51"),
              201),
          new Op(
              "proposeLowering",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/lowering-proposal",
              t -> Map.of("reason", "Dreiging geweken"),
              202),
          new Op(
              "decideWithoutFullInformation",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/decision-without-full-information",
              t -> Map.of("reason", "Eerste uur na de aanslag"),
              202),
          new Op(
              "requestExtension",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.bijstand + "/extension-request",
              t -> Map.of("until", "2026-11-25T10:00:00Z", "reason", "Nog nodig"),
              202),
          new Op(
              "reportArrest",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.manhunt + "/arrest",
              t -> outcome(),
              202),
          new Op(
              "reportTerroristMotive",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.manhunt + "/terrorist-motive",
              t -> outcome(),
              202),
          new Op(
              "endManhunt",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.manhunt + "/manhunt-end",
              t -> outcome(),
              202),
          new Op(
              "endDeployment",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.bijstand + "/deployment-end",
              t -> outcome(),
              202),
          new Op("listCrises", "GET", (t, u) -> "/api/v1/crises", t -> null, 200),
          new Op("getCrisis", "GET", (t, u) -> "/api/v1/crises/" + t.dn5, t -> null, 200),
          new Op(
              "getCrisisTimeline",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/timeline",
              t -> null,
              200),
          new Op(
              "getEvaluationReport",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/evaluation",
              t -> null,
              200),
          new Op(
              "listCrisisNotifications",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/notifications",
              t -> null,
              200),
          new Op(
              "listMyNotifications",
              "GET",
              (t, u) -> "/api/v1/notifications?open=true",
              t -> null,
              200),
          new Op(
              "acknowledgeNotification",
              "POST",
              (t, u) -> {
                t.notification =
                    t.fixtures.notificationTo(
                        t.dn5, u == null ? "BM-GM0344" : RECIPIENTS.getOrDefault(u, "BM-GM0344"));
                return "/api/v1/notifications/acknowledgements";
              },
              t -> Map.of("notificationId", t.notification),
              200),
          new Op("getMeasures", "GET", (t, u) -> "/api/v1/measures", t -> null, 200),
          new Op(
              "publishMeasures",
              "POST",
              (t, u) -> "/api/v1/measures",
              t ->
                  Map.of(
                      "basedOnVersion",
                      t.jdbc.queryForObject(
                          "select coalesce(max(version), 1) from measures_version", Integer.class),
                      "measures",
                      Map.of(
                          "GEMEENTE", List.of("Breng de driehoek bijeen."),
                          "VEILIGHEIDSREGIO", List.of("Schaal op naar GRIP 3."),
                          "POLITIE_EENHEID", List.of("Deel relevante informatie."),
                          "OM", List.of("Neem de leiding van de opsporing."),
                          "PARTNER", List.of("Activeer uw crisisorganisatie."))),
              201),
          new Op("listTasks", "GET", (t, u) -> "/api/v1/tasks", t -> null, 200),
          new Op(
              "getTask",
              "GET",
              (t, u) -> "/api/v1/tasks/" + t.fixtures.task(t.dn5, Fixtures.ALL_GROUPS),
              t -> null,
              200),
          new Op(
              "claimTask",
              "POST",
              (t, u) -> "/api/v1/tasks/" + t.fixtures.task(t.dn5, Fixtures.ALL_GROUPS) + "/claim",
              t -> null,
              200),
          new Op(
              "unclaimTask",
              "POST",
              (t, u) ->
                  "/api/v1/tasks/"
                      + t.fixtures.task(t.dn5, Form.AFSTEMMING_LOKAAL_GEZAG, Fixtures.ALL_GROUPS, u)
                      + "/unclaim",
              t -> null,
              200),
          new Op(
              "completeTask",
              "POST",
              (t, u) ->
                  "/api/v1/tasks/" + t.fixtures.task(t.dn5, Fixtures.ALL_GROUPS) + "/completion",
              t -> Map.of("standpuntGezag", "STEUNT"),
              200),
          new Op("listThreatLevels", "GET", (t, u) -> "/api/v1/threat-levels", t -> null, 200),
          new Op(
              "listThreatLevelHistory",
              "GET",
              (t, u) -> "/api/v1/threat-levels/history",
              t -> null,
              200),
          new Op("getDashboard", "GET", (t, u) -> "/api/v1/dashboard", t -> null, 200),
          new Op(
              "exportLogbookJson",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/logbook",
              t -> null,
              200),
          new Op(
              "exportLogbookCsv",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/logbook.csv",
              t -> null,
              200),
          new Op("verifyLogbook", "GET", (t, u) -> "/api/v1/logbook/verification", t -> null, 200),
          new Op("listRegions", "GET", (t, u) -> "/api/v1/directory/regions", t -> null, 200),
          new Op(
              "listMunicipalities",
              "GET",
              (t, u) -> "/api/v1/directory/municipalities?region=VR09",
              t -> null,
              200),
          new Op("getCurrentUser", "GET", (t, u) -> "/api/v1/me", t -> null, 200));

  @Test
  void theMatrixCoversEveryOperationOfThePolicy() {
    Set<String> covered = new java.util.TreeSet<>();
    OPS.forEach(o -> covered.add(o.id()));
    Set<String> expected = new java.util.TreeSet<>(AccessPolicy.table().keySet());
    expected.addAll(AccessPolicy.PUBLIC_OPERATIONS);
    assertThat(covered).isEqualTo(expected);
    assertThat(USERS.keySet()).containsExactlyInAnyOrder(Rol.values());
  }

  @TestFactory
  Stream<DynamicTest> everyOperationForEveryRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : OPS) {
      for (Map.Entry<Rol, String> role : USERS.entrySet()) {
        boolean allowed =
            AccessPolicy.PUBLIC_OPERATIONS.contains(op.id())
                || AccessPolicy.allowed(op.id()).orElseThrow().contains(role.getKey());
        int expected = allowed ? op.success() : 403;
        tests.add(
            DynamicTest.dynamicTest(
                op.id() + " as " + role.getKey() + " → " + expected,
                () -> {
                  String user = role.getValue();
                  Api.Response r =
                      api.send(
                          op.method(),
                          op.path().apply(this, user),
                          user,
                          op.body().apply(this),
                          null);
                  assertThat(r.status()).as(r.toString()).isEqualTo(expected);
                  if (expected == 403) {
                    assertThat(r.isProblem()).as(r.toString()).isTrue();
                  }
                }));
      }
      int anonymous = AccessPolicy.PUBLIC_OPERATIONS.contains(op.id()) ? op.success() : 401;
      tests.add(
          DynamicTest.dynamicTest(
              op.id() + " without login → " + anonymous,
              () -> {
                Api.Response r =
                    api.send(
                        op.method(),
                        op.path().apply(this, null),
                        null,
                        op.body().apply(this),
                        null);
                assertThat(r.status()).as(r.toString()).isEqualTo(anonymous);
                if (anonymous == 401) {
                  assertThat(r.isProblem()).as(r.toString()).isTrue();
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void aWrongPasswordIs401() {
    Api.Response r = api.get("/api/v1/me", "nobody");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.isProblem()).isTrue();
  }
}
