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
import nl.knooppunt.gateway.scope.Clearance;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.TaskCompletedByUser;
import nl.knooppunt.processes.variables.InvestigationInformation.Classification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation × every role (one demo account per role) → the expected status: the success
 * status when {@link AccessPolicy} allows the role, 403 when not, 401 without login. Then the scope
 * (docs/adr/0031): every read of a crisis × every role × a crisis in and out of the scoped roles'
 * scope (out of scope: 404, in a list: absent), and every classification × every role (content only
 * for the cleared roles, the entry with who and when for everyone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends GatewayITBase {

  /** The demo account per role. */
  static final Map<Rol, String> USERS = new LinkedHashMap<>();

  static {
    USERS.put(Rol.LANDELIJK_OPERATOR, "operator");
    USERS.put(Rol.NCTV_BESLUITVORMER, "nctv");
    USERS.put(Rol.NCTV_TWEEDE_BESLUITVORMER, "nctv2");
    USERS.put(Rol.NCTV_HOOFD, "dg");
    USERS.put(Rol.COMMUNICATIEADVISEUR, "communicatie");
    USERS.put(Rol.LOCC_OFFICIER, "locc");
    USERS.put(Rol.HOOFD_LOCC, "hoofd-locc");
    USERS.put(Rol.KORPSCHEF, "korpschef");
    USERS.put(Rol.REGIO, "regio-utrecht");
    USERS.put(Rol.POLITIE, "politie");
    USERS.put(Rol.OM, "om");
    USERS.put(Rol.GEZAG, "gezag-utrecht");
    USERS.put(Rol.MANAGEMENT, "management");
    USERS.put(Rol.BEHEERDER, "beheerder");
    USERS.put(Rol.OEFENLEIDER, "oefenleider");
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

  /**
   * A level 5 in Zuid-Limburg (VR24): out of the scope of every scoped demo account (region
   * Utrecht, gezag Utrecht, police unit Midden-Nederland; VR24 is no neighbour of theirs).
   */
  String elsewhere;

  /** A level 5 in Utrecht where police shared information at every classification. */
  String classified;

  String notification;
  String manhunt;
  String bijstand;

  /** A manhunt and an assistance request in Zuid-Limburg: out of every scoped account's scope. */
  String manhuntElsewhere;

  String bijstandElsewhere;

  @BeforeAll
  void crises() {
    dn5 = fixtures.crisis("dreigingsniveau-5");
    fixtures.informationTask(dn5, "om");
    manhunt = fixtures.crisis("manhunt");
    bijstand = fixtures.crisis("bijstandsaanvraag");
    elsewhere = fixtures.crisis("dreigingsniveau-5", "VR24", false);
    manhuntElsewhere = fixtures.crisis("manhunt", "VR24", false);
    bijstandElsewhere = fixtures.crisis("bijstandsaanvraag", "VR24", false);
    for (String[] level : List.of(new String[] {dn5, "VR09"}, new String[] {elsewhere, "VR24"})) {
      fixtures.apply(
          EventType.DREIGINGSNIVEAU_GEWIJZIGD,
          level[0],
          false,
          null,
          new nl.knooppunt.processes.events.ThreatLevelChanged(
              "AFKONDIGEN",
              5,
              new nl.knooppunt.processes.events.Area(
                  nl.knooppunt.processes.variables.LevelFiveArea.Kind.VEILIGHEIDSREGIO,
                  List.of(level[1]),
                  level[1]),
              java.time.Instant.now().plusSeconds(3600),
              List.of(level[1]),
              List.of(),
              null));
    }
    classified = fixtures.crisis("dreigingsniveau-5");
    long key = 7_700_000_000_000L + System.nanoTime() % 1_000_000_000L;
    for (Classification level : Classification.values()) {
      fixtures.apply(
          EventType.TAAK_AFGEROND,
          classified,
          false,
          "politie",
          new TaskCompletedByUser(
              key++,
              "Relevante (opsporings)informatie delen vóór afkondiging",
              "Informatie_Delen",
              Map.of(
                  "samenvatting",
                  content(level),
                  "dreigingsinschatting",
                  "VERVOLGDREIGING_MOGELIJK",
                  "opsporingsbelang",
                  "Niet naar buiten: " + content(level),
                  "vertrouwelijkheid",
                  level.name(),
                  "gedeeldDoor",
                  "Eva de Boer, politie Midden-Nederland")));
    }
    // a region reads an evaluation once it is shared with the regions involved (ADR 0030)
    for (String crisis : List.of(dn5, classified)) {
      assertThat(
              new Api(port)
                  .post("/api/v1/crises/" + crisis + "/evaluation/share", "operator", null)
                  .status())
          .isEqualTo(200);
    }
  }

  /** The content shared at a classification, as a test can find it in a response. */
  static String content(Classification level) {
    return "Inhoud-" + level.name();
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
              (t, u) -> {
                // a region reads an evaluation once it is shared with it (before: 404)
                t.api.post("/api/v1/crises/" + t.dn5 + "/evaluation/share", "operator", null);
                return "/api/v1/crises/" + t.dn5 + "/evaluation";
              },
              t -> null,
              200),
          new Op(
              "listImprovementActions",
              "GET",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/evaluation/actions",
              t -> null,
              200),
          new Op(
              "listOpenImprovementActions",
              "GET",
              (t, u) -> "/api/v1/improvement-actions",
              t -> null,
              200),
          new Op(
              "addImprovementAction",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/evaluation/actions",
              t -> improvementAction(),
              201),
          new Op(
              "completeImprovementAction",
              "POST",
              (t, u) -> {
                String id =
                    t.api
                        .post(
                            "/api/v1/crises/" + t.dn5 + "/evaluation/actions",
                            "operator",
                            improvementAction())
                        .json()
                        .path("actionId")
                        .asText();
                return "/api/v1/crises/" + t.dn5 + "/evaluation/actions/" + id + "/done";
              },
              t -> Map.of("note", "Afgerond"),
              200),
          new Op(
              "shareEvaluation",
              "POST",
              (t, u) -> "/api/v1/crises/" + t.dn5 + "/evaluation/share",
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

  /** The reads of one crisis, by operation: the path for a crisis id. */
  static final Map<String, Function<String, String>> CRISIS_READS = new LinkedHashMap<>();

  static {
    CRISIS_READS.put("getCrisis", id -> "/api/v1/crises/" + id);
    CRISIS_READS.put("getCrisisTimeline", id -> "/api/v1/crises/" + id + "/timeline");
    CRISIS_READS.put("getEvaluationReport", id -> "/api/v1/crises/" + id + "/evaluation");
    CRISIS_READS.put("listCrisisNotifications", id -> "/api/v1/crises/" + id + "/notifications");
    CRISIS_READS.put("exportLogbookJson", id -> "/api/v1/crises/" + id + "/logbook");
    CRISIS_READS.put("exportLogbookCsv", id -> "/api/v1/crises/" + id + "/logbook.csv");
    CRISIS_READS.put(
        "listImprovementActions", id -> "/api/v1/crises/" + id + "/evaluation/actions");
  }

  /** The reads that show logbook entries (where classified content could appear). */
  static final List<String> ENTRY_READS =
      List.of("getCrisisTimeline", "getEvaluationReport", "exportLogbookJson", "exportLogbookCsv");

  /** The roles that read only the crises of their region, unit or municipality. */
  static final Set<Rol> SCOPED = java.util.EnumSet.of(Rol.REGIO, Rol.POLITIE, Rol.GEZAG);

  @Test
  void theScopeDimensionCoversEveryReadOfACrisis() {
    Set<String> reads = new java.util.TreeSet<>();
    for (Op op : OPS) {
      if (op.method().equals("GET") && op.path().apply(this, null).contains(dn5)) {
        reads.add(op.id());
      }
    }
    assertThat(CRISIS_READS.keySet()).containsExactlyInAnyOrderElementsOf(reads);
    assertThat(SCOPED).isNotEmpty().doesNotContainAnyElementsOf(CrisisScope.NATIONAL);
    assertThat(java.util.EnumSet.copyOf(SCOPED))
        .as("every role but the exercise director is national or scoped")
        .isEqualTo(
            java.util.EnumSet.complementOf(
                java.util.EnumSet.copyOf(
                    java.util.stream.Stream.concat(
                            CrisisScope.NATIONAL.stream(), Stream.of(Rol.OEFENLEIDER))
                        .toList())));
  }

  @TestFactory
  Stream<DynamicTest> everyReadOfACrisisForEveryRoleInAndOutOfScope() {
    List<DynamicTest> tests = new ArrayList<>();
    CRISIS_READS.forEach(
        (op, path) -> {
          for (Map.Entry<Rol, String> role : USERS.entrySet()) {
            if (role.getKey() == Rol.OEFENLEIDER) {
              // reads no crisis through the API (403 in everyOperationForEveryRole)
              continue;
            }
            boolean allowed = AccessPolicy.allowed(op).orElseThrow().contains(role.getKey());
            boolean scoped = SCOPED.contains(role.getKey());
            for (boolean inScope : List.of(true, false)) {
              int expected = !allowed ? 403 : inScope || !scoped ? 200 : 404;
              tests.add(
                  DynamicTest.dynamicTest(
                      op
                          + " as "
                          + role.getKey()
                          + (inScope ? " in scope" : " out of scope")
                          + " → "
                          + expected,
                      () -> {
                        Api.Response r =
                            api.get(path.apply(inScope ? dn5 : elsewhere), role.getValue());
                        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
                        if (expected == 404) {
                          assertThat(r.isProblem()).as(r.toString()).isTrue();
                          assertThat(r.body())
                              .as("the same answer as for a crisis that does not exist")
                              .contains("Crisis " + elsewhere + " is onbekend.")
                              .doesNotContain("Testcrisis");
                        }
                      }));
            }
          }
        });
    for (Map.Entry<Rol, String> role : USERS.entrySet()) {
      if (role.getKey() == Rol.OEFENLEIDER) {
        // lists no crises through the API (403 in everyOperationForEveryRole)
        continue;
      }
      boolean scoped = SCOPED.contains(role.getKey());
      tests.add(
          DynamicTest.dynamicTest(
              "listCrises as "
                  + role.getKey()
                  + (scoped ? ": only the crisis in scope" : ": both crises"),
              () -> {
                String here =
                    api.get("/api/v1/crises?region=VR09&size=200", role.getValue()).body();
                String there =
                    api.get("/api/v1/crises?region=VR24&size=200", role.getValue()).body();
                assertThat(here).contains(dn5);
                if (scoped) {
                  assertThat(there).doesNotContain(elsewhere);
                } else {
                  assertThat(there).contains(elsewhere);
                }
              }));
    }
    return tests.stream();
  }

  /**
   * The writes on one crisis (a message to its process, an evaluation action): for a scoped role
   * out of its scope the same 404 as the read (docs/adr/0037). Not here: completing an improvement
   * action (its lookup goes through the same scope, EvaluationPagesIT) and acknowledging a notice
   * (addressed to the user's own authority).
   */
  static final List<String> CRISIS_WRITES =
      List.of(
          "proposeLowering",
          "decideWithoutFullInformation",
          "requestExtension",
          "reportArrest",
          "reportTerroristMotive",
          "endManhunt",
          "endDeployment",
          "addImprovementAction",
          "shareEvaluation");

  @Test
  void theScopeDimensionCoversEveryWriteOnACrisis() {
    Set<String> writes = new java.util.TreeSet<>();
    for (Op op : OPS) {
      String path = op.path().apply(this, "operator");
      if (!op.method().equals("GET")
          && (path.contains(dn5) || path.contains(manhunt) || path.contains(bijstand))) {
        writes.add(op.id());
      }
    }
    writes.removeAll(List.of("completeImprovementAction", "acknowledgeNotification"));
    assertThat(CRISIS_WRITES).containsExactlyInAnyOrderElementsOf(writes);
  }

  @TestFactory
  Stream<DynamicTest> everyWriteOnACrisisOutOfScopeIsAnUnknownCrisis() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : OPS) {
      if (!CRISIS_WRITES.contains(op.id())) {
        continue;
      }
      for (Rol role : SCOPED) {
        if (!AccessPolicy.allowed(op.id()).orElseThrow().contains(role)) {
          continue;
        }
        String user = USERS.get(role);
        tests.add(
            DynamicTest.dynamicTest(
                op.id() + " as " + role + " out of scope → 404",
                () -> {
                  String path =
                      op.path()
                          .apply(this, user)
                          .replace(dn5, elsewhere)
                          .replace(manhunt, manhuntElsewhere)
                          .replace(bijstand, bijstandElsewhere);
                  Api.Response r = api.send(op.method(), path, user, op.body().apply(this), null);
                  assertThat(r.status()).as(r.toString()).isEqualTo(404);
                  assertThat(r.isProblem()).as(r.toString()).isTrue();
                  assertThat(r.body()).contains("is onbekend.");
                }));
      }
    }
    assertThat(tests).as("scoped roles write on crises").isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> theThreatLevelsInForceFollowTheScopeOfTheirCrisis() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Rol, String> role : USERS.entrySet()) {
      if (role.getKey() == Rol.OEFENLEIDER) {
        // reads no threat level through the API (403 in everyOperationForEveryRole)
        continue;
      }
      boolean scoped = SCOPED.contains(role.getKey());
      tests.add(
          DynamicTest.dynamicTest(
              "listThreatLevels and their history as "
                  + role.getKey()
                  + (scoped ? ": only the level of the crisis in scope" : ": both levels"),
              () -> {
                for (String path :
                    List.of("/api/v1/threat-levels", "/api/v1/threat-levels/history")) {
                  Api.Response r = api.get(path, role.getValue());
                  assertThat(r.status()).as(r.toString()).isEqualTo(200);
                  assertThat(r.body()).contains(dn5);
                  if (scoped) {
                    assertThat(r.body()).doesNotContain(elsewhere).doesNotContain("VR24");
                  } else {
                    assertThat(r.body()).contains(elsewhere);
                  }
                }
              }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyClassificationForEveryRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String op : ENTRY_READS) {
      for (Map.Entry<Rol, String> role : USERS.entrySet()) {
        if (!AccessPolicy.allowed(op).orElseThrow().contains(role.getKey())) {
          continue;
        }
        boolean cleared = Clearance.CLEARED.contains(role.getKey());
        for (Classification level : Classification.values()) {
          boolean shown = cleared || level == Classification.OPENBAAR;
          tests.add(
              DynamicTest.dynamicTest(
                  op + " as " + role.getKey() + ", " + level + (shown ? " → content" : " → entry"),
                  () -> {
                    Api.Response r =
                        api.get(CRISIS_READS.get(op).apply(classified), role.getValue());
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    if (op.equals("exportLogbookCsv")) {
                      // the CSV holds summaries only: they say when content is withheld
                      if (cleared) {
                        assertThat(r.body()).doesNotContain(Clearance.WITHHELD_NOTE.strip());
                      } else {
                        assertThat(r.body()).contains(Clearance.WITHHELD_NOTE.strip());
                      }
                    } else if (shown) {
                      assertThat(r.body()).contains(content(level));
                    } else {
                      assertThat(r.body())
                          .doesNotContain(content(level))
                          .contains(Clearance.WITHHELD_NOTE.strip());
                    }
                    // the entry itself, who and when, is there for everyone
                    assertThat(r.body()).contains("Relevante (opsporings)informatie delen");
                    if (!op.equals("exportLogbookCsv")) {
                      assertThat(r.body())
                          .contains("\"vertrouwelijkheid\":\"" + level.name() + "\"")
                          .contains("Eva de Boer, politie Midden-Nederland");
                    }
                  }));
        }
      }
    }
    return tests.stream();
  }

  /**
   * The page of the mail and SMS the hub sent (no API operation): the roles of {@link
   * AccessPolicy#SENT_MESSAGE_READERS} open it (each its own messages, see NoticePagesIT), the
   * others are refused, without login it asks to log in.
   */
  @TestFactory
  Stream<DynamicTest> theSentMessagesPageForEveryRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Rol, String> role : USERS.entrySet()) {
      int expected = AccessPolicy.SENT_MESSAGE_READERS.contains(role.getKey()) ? 200 : 403;
      tests.add(
          DynamicTest.dynamicTest(
              "/berichten as " + role.getKey() + " → " + expected,
              () ->
                  assertThat(PageClient.login(port, role.getValue()).get("/berichten").status())
                      .isEqualTo(expected)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "/berichten without login → the login page",
            () -> {
              PageClient.Page r = PageClient.anonymous(port).get("/berichten");
              assertThat(r.status()).isEqualTo(302);
              assertThat(r.location()).endsWith("/login");
            }));
    return tests.stream();
  }

  /**
   * The contact register's pages (docs/adr/0035): the beheerder every authority, a region the
   * authorities of its own region (Utrecht's mayor, not Amsterdam's), every other role none;
   * without login the sign-in page.
   */
  @TestFactory
  Stream<DynamicTest> theContactRegisterPagesForEveryRoleInAndOutOfTheRegion() {
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/contacten", "overview");
    pages.put("/contacten/export.csv", "export");
    pages.put("/contacten/autoriteit/BM-GM0344", "own region");
    pages.put("/contacten/autoriteit/BM-GM0344/personen/nieuw", "own region, add");
    pages.put("/contacten/autoriteit/BM-GM0363", "other region");
    for (Map.Entry<Rol, String> role : USERS.entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              "contact register pages as " + role.getKey(),
              () -> {
                PageClient client = PageClient.login(port, role.getValue());
                pages.forEach(
                    (path, what) -> {
                      boolean allowed =
                          role.getKey() == Rol.BEHEERDER
                              || (role.getKey() == Rol.REGIO && !what.equals("other region"));
                      assertThat(client.get(path).status())
                          .as(path + " as " + role.getKey())
                          .isEqualTo(allowed ? 200 : 403);
                    });
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "contact register pages without login → sign-in page",
            () ->
                pages
                    .keySet()
                    .forEach(
                        path ->
                            assertThat(PageClient.anonymous(port).get(path).status())
                                .as(path)
                                .isEqualTo(302))));
    return tests.stream();
  }

  /** The beheer page of the processes (docs/adr/0046): the beheerder only. */
  @TestFactory
  Stream<DynamicTest> theBeheerPageForEveryRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<Rol, String> role : USERS.entrySet()) {
      int expected = role.getKey() == Rol.BEHEERDER ? 200 : 403;
      tests.add(
          DynamicTest.dynamicTest(
              "/beheer as " + role.getKey() + " → " + expected,
              () ->
                  assertThat(PageClient.login(port, role.getValue()).get("/beheer").status())
                      .isEqualTo(expected)));
    }
    return tests.stream();
  }

  @Test
  void aWrongPasswordIs401() {
    Api.Response r = api.get("/api/v1/me", "nobody");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.isProblem()).isTrue();
  }

  private static Map<String, Object> improvementAction() {
    return Map.of(
        "text",
        "Contactlijst bijwerken",
        "owner",
        "Veiligheidsregio Utrecht",
        "dueDate",
        "2027-01-15");
  }
}
