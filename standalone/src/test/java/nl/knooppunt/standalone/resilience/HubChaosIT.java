package nl.knooppunt.standalone.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.knooppunt.directory.Area;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.directory.Province;
import nl.knooppunt.directory.SafetyRegion;
import nl.knooppunt.gateway.readmodel.ReadModelRebuilder;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.standalone.HubApi;
import nl.knooppunt.standalone.HubQuiet;
import nl.knooppunt.standalone.LinkKey;
import nl.knooppunt.standalone.StandaloneHub;
import nl.knooppunt.standalone.TestHubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chaos run (issue #18): a national fan-out story — level 5 for several provinces, from the
 * duty officer's proposal through the information of police and OM, the alignment of every region,
 * the decision and its co-signature, the notices to every authority and their acknowledgements, the
 * public communication, to the lowering, its notices and the evaluation that closes the crisis —
 * runs against a hub in a child JVM that is killed with SIGKILL at moments chosen by a seeded
 * {@link Random} within the story's steps, and started again on the same data directory each time.
 * The story goes on to its end through every restart, its client trying again what got no answer,
 * as any client would.
 *
 * <p>Over all kills: every process instance completed (engine and read model), every notice is on
 * the notification topic (read committed, from the start) under its own id and in the read model
 * once, every acknowledgement counts once, the logbook verifies, and the read model equals a
 * rebuild from the events topic.
 *
 * <p>Settings: {@code -Dknooppunt.chaos.kills} (default 5, the CI run; the bench run takes 100),
 * {@code -Dknooppunt.chaos.kills-per-story} (default 5: more kills run more stories), {@code
 * -Dknooppunt.chaos.seed} (default: random; printed, replay a failure with it), {@code
 * -Dknooppunt.chaos.provinces} (default three provinces; {@code ALL} for the twelve).
 */
class HubChaosIT {

  private static final int MAX_KILL_DELAY_MS = 2_000;
  private static final int ACKS_PER_STEP = 15;

  @TempDir Path dataDir;

  private TestHubs settings;
  private ChaosClient client;
  private Directory directory;

  @Test
  void aNationalFanOutStorySurvivesSigkillsAtRandomMomentsWithNothingLostOrDoubled()
      throws Exception {
    long seed =
        System.getProperty("knooppunt.chaos.seed", "").isBlank()
            ? new SecureRandom().nextLong()
            : Long.parseLong(System.getProperty("knooppunt.chaos.seed").trim());
    int kills = Integer.getInteger("knooppunt.chaos.kills", 5);
    int killsPerStory = Math.max(1, Integer.getInteger("knooppunt.chaos.kills-per-story", 5));
    directory = Directory.referenceData();
    List<String> provinces = provinces(System.getProperty("knooppunt.chaos.provinces", ""));
    System.out.printf(
        "CHAOS seed=%d kills=%d (%d per story) provinces=%s (replay: -Dknooppunt.chaos.seed=%d)%n",
        seed, kills, killsPerStory, provinces, seed);
    Random random = new Random(seed);

    settings = TestHubs.withKnownEnginePorts(dataDir);
    List<SafetyRegion> regions =
        provinces.stream().flatMap(p -> directory.regionsOf(p).stream()).toList();
    List<String> args = new ArrayList<>(List.of(settings.args()));
    args.addAll(regionAccounts(regions));
    // the accounts are checked on every API request: the cheapest cost bcrypt allows
    args.add("--knooppunt.security.bcrypt-strength=4");
    client = new ChaosClient(settings);
    List<Authority> recipients =
        new AreaResolver(directory).resolve(new Area(Area.Level.PROVINCE, provinces)).recipients();

    int stories = kills == 0 ? 1 : (kills + killsPerStory - 1) / killsPerStory;
    List<String> crises = new ArrayList<>();
    long begun = System.nanoTime();
    try (ChaosHub hub =
        new ChaosHub(settings, args, Path.of("target", "chaos", "seed-" + seed), kills)) {
      hub.start();
      System.out.printf("CHAOS first start %.1f s%n", (System.nanoTime() - begun) / 1e9);
      int left = kills;
      for (int story = 1; story <= stories; story++) {
        hub.awaitKillsDone();
        Story s = new Story(story, provinces, regions, recipients);
        List<Step> steps = s.steps();
        int here = Math.min(left, killsPerStory);
        left -= here;
        // the moments of this story's kills: after which step (the first is the proposal), and how
        // long after it; two at the same step: the second as soon as the hub is back
        TreeMap<Integer, List<Integer>> plan = new TreeMap<>();
        for (int k = 0; k < here; k++) {
          plan.computeIfAbsent(random.nextInt(steps.size()), i -> new ArrayList<>())
              .add(random.nextInt(MAX_KILL_DELAY_MS + 1));
        }
        for (int i = 0; i < steps.size(); i++) {
          steps.get(i).run();
          for (int delay : plan.getOrDefault(i, List.of())) {
            hub.killAfter(
                Duration.ofMillis(delay),
                "story " + story + " after step " + i + " '" + steps.get(i).name() + "'");
          }
        }
        crises.add(s.crisisId);
        System.out.printf(
            "CHAOS story %d (%s) ended at %.1f s; client: %s%n",
            story, s.crisisId, (System.nanoTime() - begun) / 1e9, client.retries());
      }
      hub.awaitKillsDone();
      assertThat(hub.kills()).as("kills carried out").isEqualTo(kills);

      StandaloneHub last = hub.inThisJvm();
      new Checks(last, crises, recipients.size()).all();
      System.out.printf(
          "CHAOS done: %d kills, %d stories in %.1f s; client: %s%n%s%n",
          kills,
          stories,
          (System.nanoTime() - begun) / 1e9,
          client.retries(),
          String.join(System.lineSeparator(), hub.report()));
    }
  }

  // --- the story

  /** One step of the story, done when the hub says so (whatever kills came in between). */
  private record Step(String name, Runnable action) {
    void run() {
      action.run();
    }
  }

  /** One national fan-out story: its crisis id once proposed. */
  private final class Story {
    private final int number;
    private final List<String> provinces;
    private final List<SafetyRegion> regions;
    private final List<Authority> recipients;
    private final String reason;
    private String crisisId;

    Story(
        int number,
        List<String> provinces,
        List<SafetyRegion> regions,
        List<Authority> recipients) {
      this.number = number;
      this.provinces = provinces;
      this.regions = regions;
      this.recipients = recipients;
      this.reason = "Chaosproef " + number + ": aanslag, dader voortvluchtig " + UUID.randomUUID();
    }

    List<Step> steps() {
      List<Step> steps = new ArrayList<>();
      steps.add(new Step("voorstel niveau 5 (operator)", this::propose));
      steps.add(
          new Step(
              "politie deelt informatie", () -> shareInformation("politie", "Informatie_Delen")));
      steps.add(new Step("OM deelt informatie", () -> shareInformation("om", "Informatie_Delen")));
      for (SafetyRegion r : regions) {
        steps.add(
            new Step("afstemming " + r.code(), () -> align(account(r), "Afstemmen_Lokaal_Gezag")));
      }
      steps.add(
          new Step(
              "besluit afkondiging (nctv)",
              () ->
                  complete(
                      "nctv",
                      "Besluit_Afkondiging",
                      Map.of(
                          "uitkomst", "AFKONDIGEN",
                          "eindtijd", HubApi.inSixHours(),
                          "motivering",
                              "Dader voortvluchtig, vervolgaanslag niet uit te sluiten"))));
      steps.add(
          new Step(
              "medeondertekening afkondiging (nctv2)",
              () -> complete("nctv2", "Medeondertekenen_Afkondiging", coSigned())));
      addAcknowledgements(steps, "afkondiging");
      steps.add(
          new Step(
              "publiekscommunicatie afkondiging",
              () -> complete("communicatie", "Communicatie_Afkondiging", communication())));
      steps.add(new Step("voorstel afschaling (operator)", this::proposeLowering));
      steps.add(
          new Step(
              "politie deelt informatie (afschaling)",
              () -> shareInformation("politie", "Informatie_Afschaling")));
      steps.add(
          new Step(
              "OM deelt informatie (afschaling)",
              () -> shareInformation("om", "Informatie_Afschaling")));
      for (SafetyRegion r : regions) {
        steps.add(
            new Step(
                "afstemming afschaling " + r.code(),
                () -> align(account(r), "Afstemmen_Lokaal_Gezag_Afschaling")));
      }
      steps.add(
          new Step(
              "besluit afschaling (nctv2)",
              () ->
                  complete(
                      "nctv2",
                      "Besluit_Afschaling",
                      Map.of(
                          "uitkomst", "AFSCHALEN",
                          "nieuwNiveau", 3,
                          "motivering", "Dader aangehouden, geen aanwijzingen meer"))));
      steps.add(
          new Step(
              "medeondertekening afschaling (nctv)",
              () -> complete("nctv", "Medeondertekenen_Afschaling", coSigned())));
      addAcknowledgements(steps, "afschaling");
      steps.add(
          new Step(
              "publiekscommunicatie afschaling",
              () -> complete("communicatie", "Communicatie_Afschaling", communication())));
      steps.add(
          new Step(
              "evaluatie (operator)",
              () ->
                  complete(
                      "operator",
                      "Evalueren",
                      Map.of(
                          "watGingGoed",
                          "Iedereen bereikt ondanks de uitval van het knooppunt",
                          "verbeterpunten",
                          List.of("Geen"),
                          "delenMetRegios",
                          false))));
      steps.add(new Step("crisis afgesloten", this::awaitClosed));
      return steps;
    }

    /** The acknowledgements of a round, in a few steps (kills may come between them). */
    private void addAcknowledgements(List<Step> steps, String round) {
      int chunks = (recipients.size() + ACKS_PER_STEP - 1) / ACKS_PER_STEP;
      for (int c = 0; c < chunks; c++) {
        int from = c * ACKS_PER_STEP;
        int to = Math.min(recipients.size(), from + ACKS_PER_STEP);
        steps.add(
            new Step(
                "bevestigingen " + round + " " + (from + 1) + "-" + to,
                () -> acknowledge(round, recipients.subList(from, to))));
      }
    }

    /**
     * The proposal: a POST that starts a crisis. When its answer is lost, the client looks whether
     * the crisis came anyway (the one crisis in the list that was not there before: this client is
     * the hub's only one) before it proposes again.
     */
    private void propose() {
      Map<String, Object> body =
          Map.of(
              "area",
              Map.of("kind", "PROVINCIE", "codes", provinces, "name", "chaosproef " + number),
              "reason",
              reason,
              "proposedEnd",
              HubApi.inSixHours(),
              "exercise",
              true);
      Set<String> before = crisisIds();
      crisisId =
          client.until(
              () -> {
                ChaosClient.Answer a =
                    client.once(
                        "operator", "POST", "/api/v1/processes/threat-level-proposals", body);
                if (a == null) {
                  return ourNewCrisis(before);
                }
                assertThat(a.status()).as("proposal: %s", a.body()).isEqualTo(201);
                return client.read(a.body()).path("crisisId").asText();
              });
      System.out.printf("CHAOS story %d: crisis %s%n", number, crisisId);
    }

    /** A crisis that came from a proposal whose answer was lost: the new one, if any yet. */
    private String ourNewCrisis(Set<String> before) {
      Set<String> now = crisisIds();
      if (now == null || before == null) {
        return null;
      }
      now.removeAll(before);
      assertThat(now).as("one client, one new crisis at most").hasSizeLessThanOrEqualTo(1);
      return now.isEmpty() ? null : now.iterator().next();
    }

    private Set<String> crisisIds() {
      ChaosClient.Answer a = client.once("operator", "GET", "/api/v1/crises?size=200", null);
      if (a == null) {
        return null;
      }
      try {
        Set<String> ids = new TreeSet<>();
        JsonNode page = client.read(a.body());
        JsonNode items = page.has("items") ? page.path("items") : page;
        items.forEach(c -> ids.add(c.path("crisisId").asText()));
        return ids;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    /**
     * The lowering proposal: a message to the process. Sent again only while nothing shows that it
     * arrived (the police's information task of the lowering).
     */
    private void proposeLowering() {
      client.until(
          () -> {
            if (hasTask("politie", "Informatie_Afschaling", "OPEN")
                || hasTask("politie", "Informatie_Afschaling", "COMPLETED")) {
              return true;
            }
            ChaosClient.Answer a =
                client.once(
                    "operator",
                    "POST",
                    "/api/v1/crises/" + crisisId + "/lowering-proposal",
                    Map.of("reason", "De dader is aangehouden"));
            if (a == null) {
              return null;
            }
            assertThat(a.status()).as("lowering proposal: %s", a.body()).isIn(202, 409);
            return a.status() == 202 ? awaitTaskOrNull("politie", "Informatie_Afschaling") : null;
          });
    }

    private Boolean awaitTaskOrNull(String user, String elementId) {
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> hasTask(user, elementId, "OPEN") || hasTask(user, elementId, "COMPLETED"));
        return true;
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        return null;
      }
    }

    private void shareInformation(String partner, String elementId) {
      complete(
          partner,
          elementId,
          Map.of(
              "samenvatting", "Eén dader voortvluchtig, mogelijk terroristisch motief",
              "dreigingsinschatting", "VERVOLGDREIGING_MOGELIJK",
              "vertrouwelijkheid", "DEPARTEMENTAAL_VERTROUWELIJK"));
    }

    private void align(String region, String elementId) {
      complete(
          region,
          elementId,
          Map.of("standpuntGezag", "STEUNT", "maatregelen", "Extra bewaking OV-knooppunten"));
    }

    /**
     * A task of the crisis done by the user: found in the inbox, claimed and completed; when an
     * answer is lost, the inbox's completed tasks say whether it went through.
     */
    private void complete(String user, String elementId, Map<String, Object> form) {
      client.until(
          () -> {
            if (hasTask(user, elementId, "COMPLETED")) {
              return true;
            }
            JsonNode task = task(user, elementId, "OPEN");
            if (task == null) {
              return null;
            }
            String key = task.path("taskKey").asText();
            ChaosClient.Answer claimed =
                client.once(user, "POST", "/api/v1/tasks/" + key + "/claim", null);
            if (claimed == null || claimed.status() != 200) {
              return null;
            }
            ChaosClient.Answer done =
                client.once(user, "POST", "/api/v1/tasks/" + key + "/completion", form);
            if (done == null) {
              return null;
            }
            assertThat(done.status())
                .as("%s completes %s: %s", user, elementId, done.body())
                .isIn(200, 404, 409);
            return done.status() == 200 ? true : null;
          });
    }

    private boolean hasTask(String user, String elementId, String state) throws Exception {
      return task(user, elementId, state) != null;
    }

    private JsonNode task(String user, String elementId, String state) throws Exception {
      ChaosClient.Answer a =
          client.once(
              user, "GET", "/api/v1/tasks?size=200&state=" + state + "&crisisId=" + crisisId, null);
      if (a == null || a.status() != 200) {
        return null;
      }
      for (JsonNode t : client.read(a.body()).path("items")) {
        if (elementId.equals(t.path("elementId").asText())) {
          return t;
        }
      }
      return null;
    }

    /**
     * Every authority of this part of the round acknowledges through the link in its notice, once
     * the notice is there.
     */
    private void acknowledge(String round, List<Authority> part) {
      AcknowledgementLinks links = links();
      Map<String, JsonNode> notices =
          client.until(
              () -> {
                Map<String, JsonNode> byId = new HashMap<>();
                notifications().forEach(n -> byId.put(n.path("notificationId").asText(), n));
                return part.stream()
                        .allMatch(a -> byId.containsKey(crisisId + "/" + round + "/" + a.code()))
                    ? byId
                    : null;
              });
      for (Authority a : part) {
        String notificationId = crisisId + "/" + round + "/" + a.code();
        if (!notices.get(notificationId).path("requiresAck").asBoolean(true)) {
          continue;
        }
        client.acknowledgeByLink(
            links.token(
                new AcknowledgementLinks.Claims(
                    notificationId, a.code(), 1, Instant.now().plus(Duration.ofDays(1)))));
      }
    }

    private List<JsonNode> notifications() {
      JsonNode list = client.get("operator", "/api/v1/crises/" + crisisId + "/notifications");
      return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private void awaitClosed() {
      client.until(
          () -> {
            JsonNode crisis = client.get("operator", "/api/v1/crises/" + crisisId);
            return crisis.path("crisis").path("closed").asBoolean(false) ? true : null;
          });
    }

    private static Map<String, Object> coSigned() {
      return Map.of("goedkeuring", "GOEDGEKEURD");
    }

    private static Map<String, Object> communication() {
      return Map.of(
          "informeren", "Het dreigingsniveau is gewijzigd",
          "handelingsperspectief", "Blijf alert en volg de berichten van de overheid",
          "duiding", "Chaosproef: oefening",
          "kanalen", List.of("PERSBERICHT", "CRISIS_NL"));
    }
  }

  /** The key the hub signs its acknowledgement links with (made at its first start). */
  private AcknowledgementLinks links() {
    try {
      return new AcknowledgementLinks(
          Files.readString(dataDir.resolve(LinkKey.FILE), StandardCharsets.US_ASCII).strip());
    } catch (java.io.IOException e) {
      throw new AssertionError("the hub's link key", e);
    }
  }

  private List<String> provinces(String setting) {
    if (setting.isBlank()) {
      // several provinces, small enough for CI: Utrecht, Flevoland, Zeeland (3 regions, 45 mayors)
      return List.of(code("Utrecht"), code("Flevoland"), code("Zeeland"));
    }
    if (setting.trim().equalsIgnoreCase("ALL")) {
      return directory.provinces().stream().map(Province::code).sorted().toList();
    }
    return List.of(setting.trim().split("\\s*,\\s*"));
  }

  private String code(String province) {
    return directory.provinceByCodeOrName(province).orElseThrow().code();
  }

  private static String account(SafetyRegion region) {
    return "chaos-" + region.code().toLowerCase(java.util.Locale.ROOT);
  }

  /** A local account for the duty officer of every region of the story (password {@code -demo}). */
  private static List<String> regionAccounts(List<SafetyRegion> regions) {
    List<String> args = new ArrayList<>();
    for (SafetyRegion r : regions) {
      String prefix = "--knooppunt.security.users." + account(r) + ".";
      args.add(prefix + "name=Piket " + r.name());
      args.add(prefix + "password=" + account(r) + "-demo");
      args.add(prefix + "roles[0]=REGIO");
      args.add(prefix + "vr-code=" + r.code());
    }
    return args;
  }

  // --- the checks at the end

  /** What must hold after every kill, checked on the hub of the last restart. */
  private final class Checks {
    private final StandaloneHub hub;
    private final List<String> crises;
    private final int recipients;
    private final JdbcTemplate jdbc;
    private final HubQuiet quiet;

    Checks(StandaloneHub hub, List<String> crises, int recipients) {
      this.hub = hub;
      this.crises = crises;
      this.recipients = recipients;
      this.jdbc = hub.gateway().getBean(JdbcTemplate.class);
      this.quiet = new HubQuiet(settings.bootstrapServers(), jdbc);
    }

    void all() throws Exception {
      everyProcessInstanceCompleted();
      Map<String, List<CloudEvent<EventPayload>>> events = awaitQuiet();
      everyNoticeOnceByIdAndInTheReadModel();
      everyAcknowledgementCountsOnce(events);
      theLogbookVerifies();
      theReadModelEqualsARebuildFromTheTopic(events);
    }

    private void everyProcessInstanceCompleted() {
      for (String crisisId : crises) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from task where crisis_id = ? and state = 'OPEN'",
                    Integer.class,
                    crisisId))
            .as("open tasks of %s in the read model", crisisId)
            .isZero();
      }
      try (CamundaClient camunda =
          CamundaClient.newClientBuilder()
              .grpcAddress(URI.create("http://localhost:" + settings.grpcPort()))
              .restAddress(URI.create("http://localhost:" + settings.restPort()))
              .preferRestOverGrpc(false)
              .build()) {
        var active =
            await()
                .atMost(Duration.ofMinutes(5))
                .until(
                    () -> camunda.newProcessInstanceSearchRequest().send().join().items(),
                    List::isEmpty);
        assertThat(active).as("process instances still active in the engine").isEmpty();
        assertThat(camunda.newIncidentSearchRequest().send().join().items())
            .as("incidents in the engine")
            .isEmpty();
      }
    }

    /**
     * Every notice of both rounds of every story is on the notification topic under its own id — a
     * job retried after a kill may write a record again, with the same id, which the consumers keep
     * once — and the read model holds each once.
     */
    private void everyNoticeOnceByIdAndInTheReadModel() {
      Map<String, List<CloudEvent<EventPayload>>> notices = onTheTopic(Topic.NOTIFICATIONS);
      Map<String, Integer> perCrisis = new TreeMap<>();
      notices.values().forEach(list -> perCrisis.merge(list.get(0).crisisId(), 1, Integer::sum));
      for (String crisisId : crises) {
        assertThat(perCrisis.get(crisisId))
            .as("distinct notices of %s on the topic (two rounds of %d)", crisisId, recipients)
            .isEqualTo(2 * recipients);
        List<String> inReadModel =
            jdbc.queryForList(
                "select notification_id from notification where crisis_id = ?",
                String.class,
                crisisId);
        assertThat(inReadModel).doesNotHaveDuplicates().hasSize(2 * recipients);
        assertThat(notices.keySet()).containsAll(inReadModel);
      }
      long again = notices.values().stream().filter(l -> l.size() > 1).count();
      System.out.printf(
          "CHAOS notices: %d ids on the topic, %d of them written more than once (same id)%n",
          notices.size(), again);
    }

    private void everyAcknowledgementCountsOnce(
        Map<String, List<CloudEvent<EventPayload>>> events) {
      for (String crisisId : crises) {
        Integer acknowledged =
            jdbc.queryForObject(
                "select count(*) from notification where crisis_id = ? and acknowledged_at is not"
                    + " null",
                Integer.class,
                crisisId);
        long onTheTopic =
            events.values().stream()
                .map(l -> l.get(0))
                .filter(e -> crisisId.equals(e.crisisId()))
                .filter(e -> e.type().type().equals("nl.knooppunt.melding.bevestigd"))
                .count();
        assertThat(acknowledged)
            .as("acknowledged notices of %s", crisisId)
            .isEqualTo(2 * recipients);
        assertThat(onTheTopic)
            .as("acknowledgements of %s on the topic", crisisId)
            .isEqualTo(2L * recipients);
        JsonNode crisis = client.get("operator", "/api/v1/crises/" + crisisId);
        System.out.printf(
            "CHAOS crisis %s: %s%n", crisisId, crisis.path("crisis").path("status").asText());
      }
    }

    private void theLogbookVerifies() {
      JsonNode verification = client.get("management", "/api/v1/logbook/verification");
      assertThat(verification.path("valid").asBoolean()).as("logbook: %s", verification).isTrue();
    }

    private void theReadModelEqualsARebuildFromTheTopic(
        Map<String, List<CloudEvent<EventPayload>>> events) {
      quiet.assertARebuildEqualsTheReadModel(
          hub.gateway().getBean(ReadModelRebuilder.class), events);
    }

    private Map<String, List<CloudEvent<EventPayload>>> awaitQuiet() {
      return quiet.awaitQuiet(Duration.ofMinutes(5));
    }

    private Map<String, List<CloudEvent<EventPayload>>> onTheTopic(Topic topic) {
      return quiet.onTheTopic(topic);
    }
  }
}
