package nl.knooppunt.bench.gateway;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.processes.Form;

/**
 * P6 learning (issue #16): {@code /uniformiteit} and {@code /lessen} with a year of data. The hub
 * runs in a child JVM ({@link ChildHub}); a year of the steps the 25 regions perform is written
 * straight into the read model's tables the pages read ({@code task}, {@code notification}, {@code
 * improvement_action}) in bulk, in the shape the projections write (a year of events through Kafka
 * would take longer than the measurement and measure the projection, which P3 does). Then a
 * national reader (management) asks each page {@code p6.requests} times one after the other, after
 * a warm-up; p50/p95/p99 per page, written to {@code target/p6/p6-learning.md}. It asserts no time:
 * it prints figures. Runs when {@code -Dbench} is {@code all} or {@code P6}.
 */
public final class LearningBenchmark {

  /** The gateway's budget for a page (docs/performance.md, P3). */
  static final double GOAL_P99_MS = 100;

  private LearningBenchmark() {}

  public static void main(String[] args) throws Exception {
    String selection = System.getProperty("bench", "all").toUpperCase(Locale.ROOT);
    List<String> selected = Arrays.stream(selection.split(",")).map(String::trim).toList();
    if (!selected.contains("ALL") && !selected.contains("P6")) {
      System.out.println("P6 learning: skipped (-Dbench=" + selection + ")");
      return;
    }
    int perRegionDay = Integer.getInteger("p6.steps-per-region-day", 4);
    int lessons = Integer.getInteger("p6.lessons", 5_000);
    int requests = Integer.getInteger("p6.requests", 50);
    Path jar = Path.of(System.getProperty("p6.hub-jar", "standalone/target/knooppunt-hub.jar"));
    Path work = Path.of(System.getProperty("p6.work", "target/p6"));
    int cores = Runtime.getRuntime().availableProcessors();
    try (ChildHub hub =
        ChildHub.start(jar.toAbsolutePath(), work.toAbsolutePath(), "1g", true, List.of())) {
      System.out.printf(
          "P6 learning: hub healthy after %.1f s on %s%n",
          hub.startTime.toMillis() / 1000.0, hub.baseUrl());
      long seedStart = System.nanoTime();
      Map<String, Long> rows = seed(hub.jdbcUrl(), perRegionDay, lessons);
      Duration seedTook = Duration.ofNanos(System.nanoTime() - seedStart);
      System.out.printf("P6 seed in %.1f s: %s%n", seedTook.toMillis() / 1000.0, rows);

      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      signIn(http, hub.baseUrl(), "management", "management-demo");
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("/uniformiteit (a year, 25 regions)", "/uniformiteit");
      pages.put("/uniformiteit.csv", "/uniformiteit.csv");
      pages.put("/lessen (no words: newest first)", "/lessen");
      pages.put(
          "/lessen?zoek=aanslagen (Dutch FTS, ranked, highlighted)", "/lessen?zoek=aanslagen");
      pages.put(
          "/lessen?zoek=contactlijst&stap=AFSTEMMING_LOKAAL_GEZAG",
          "/lessen?zoek=contactlijst&stap=AFSTEMMING_LOKAAL_GEZAG");
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              Locale.ROOT,
              "P6 learning, %s, %d cores, load average %.1f: seed %s (bulk, %.1f s); %d requests"
                  + " per page one after the other after 5 warm-up requests, as management%n%n",
              Instant.now().truncatedTo(ChronoUnit.SECONDS),
              cores,
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage(),
              rows,
              seedTook.toMillis() / 1000.0,
              requests));
      report.append(
          "| page | requests | p50 ms | p95 ms | p99 ms | max ms | bytes | goal p99 < 100 ms |\n");
      report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
      for (Map.Entry<String, String> p : pages.entrySet()) {
        for (int i = 0; i < 5; i++) {
          get(http, hub.baseUrl() + p.getValue());
        }
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
          long t0 = System.nanoTime();
          bytes = get(http, hub.baseUrl() + p.getValue()).length();
          ms.add((System.nanoTime() - t0) / 1e6);
        }
        ms.sort(Double::compare);
        double p99 = pct(ms, 0.99);
        report.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %,d | %s |%n",
                p.getKey(),
                ms.size(),
                pct(ms, 0.50),
                pct(ms, 0.95),
                p99,
                ms.get(ms.size() - 1),
                bytes,
                p99 < GOAL_P99_MS ? "met" : "**missed**"));
      }
      report.append(explain(hub.jdbcUrl()));
      System.out.println(report);
      Files.createDirectories(work);
      Files.writeString(work.resolve("p6-learning.md"), report.toString());
    }
  }

  /** The nearest-rank percentile of sorted values. */
  static double pct(List<Double> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static Connection connect(String jdbcUrl) throws Exception {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  /**
   * A year of steps: per region and day {@code perRegionDay} region tasks (the four forms in turn)
   * and as many notices to acknowledge, with varied times, some late, some never done (silences),
   * some GRIP confirmations below the advice with a reason; and {@code lessons} lessons in Dutch.
   */
  static Map<String, Long> seed(String jdbcUrl, int perRegionDay, int lessons) throws Exception {
    int total = 25 * 365 * perRegionDay;
    String[] forms = {
      Form.AFSTEMMING_LOKAAL_GEZAG.key(),
      Form.BEVESTIGING_OPSCHALING.key(),
      Form.AANBOD_BIJSTAND.key(),
      Form.INFORMATIE_DELEN.key()
    };
    try (Connection c = connect(jdbcUrl)) {
      c.setAutoCommit(false);
      try (PreparedStatement tasks =
          c.prepareStatement(
              "insert into task (task_key, crisis_id, process_id, element_id, name, form_key,"
                  + " candidate_groups, vr_code, state, exercise, created_at, due_at, sla,"
                  + " ended_at, completed_by, completion_data, variables)"
                  + " select 900000000000 + g, 'BENCH-' || (g % 400), 'dreigingsniveau-5',"
                  + " 'Bench_Stap', 'Stap', (?::text[])[1 + g % 4], array['regio-' || vr], vr,"
                  + " case when g % 25 = 0 then 'CANCELED' else 'COMPLETED' end, false, at,"
                  + " at + interval '60 minutes', 'PT1H', at + ((1 + (g * 37) % (20 + (g % 25)"
                  + " * 4)) * interval '1 minute'), 'bench',"
                  + " case when g % 4 = 1 and g % 9 = 0 then '{\"gripNiveau\":\"GRIP_1\","
                  + "\"toelichting\":\"De politie ter plaatse volstond\"}' else null end,"
                  + " case when g % 4 = 1 then '{\"gripAdvies\":2}' else null end"
                  + " from (select g, 'VR' || lpad((1 + (g / 4) % 25)::text, 2, '0') as vr,"
                  + " now() - ((g * 7919) % 525600) * interval '1 minute' as at"
                  + " from generate_series(1, ?) g) s")) {
        tasks.setArray(1, c.createArrayOf("text", forms));
        tasks.setInt(2, total);
        tasks.executeUpdate();
      }
      try (PreparedStatement notices =
          c.prepareStatement(
              "insert into notification (notification_id, crisis_id, recipient_code,"
                  + " recipient_name, municipality_code, vr_code, kind, channel, round,"
                  + " requires_ack, exercise, sent_at, acknowledged_at, acknowledged_by,"
                  + " escalated_at)"
                  + " select 'BENCH-N-' || g, 'BENCH-' || (g % 400), 'BENCH-BM-' || g,"
                  + " 'Burgemeester', null, vr, 'AFKONDIGING', 'EMAIL', 1, true, false, at,"
                  + " case when g % 15 = 0 then null else at + ((g * 13) % 45) * interval '1"
                  + " minute' end, 'bench',"
                  + " case when g % 15 = 0 or (g * 13) % 45 > 30 then at + interval '30 minutes'"
                  + " else null end"
                  + " from (select g, 'VR' || lpad((1 + (g / 3) % 25)::text, 2, '0') as vr,"
                  + " now() - ((g * 7907) % 525600) * interval '1 minute' as at"
                  + " from generate_series(1, ?) g) s")) {
        notices.setInt(1, total);
        notices.executeUpdate();
      }
      String[] sentences = {
        "Na de aanslag was de burgemeester een uur onbereikbaar",
        "De contactlijst van de buurregio was verouderd",
        "Het waterschap ontbrak in het eerste overleg",
        "De melding kwam pas na twee uur binnen bij de meldkamer",
        "Bij aanslagen op het spoor ontbreekt een vast draaiboek",
        "De GRIP-opschaling werd laat bevestigd door de regio",
        "Het bijstandsaanbod bleef een nacht onbeantwoord",
        "De informatie van de politie kwam per telefoon in plaats van in het systeem",
        "Oefenen met de buurregio gaf vertrouwen bij de echte inzet",
        "De woordvoering liep voor op het besluit van de driehoek",
        "Een tweede besluitvormer was niet bereikbaar in de nacht",
        "De evacuatie van het station verliep volgens plan"
      };
      String[] steps = {
        "AFSTEMMING_LOKAAL_GEZAG",
        "MELDING_BEVESTIGEN",
        "BEVESTIGING_OPSCHALING",
        "AANBOD_BIJSTAND",
        "INFORMATIE_DELEN"
      };
      try (PreparedStatement actions =
          c.prepareStatement(
              "insert into improvement_action (action_id, crisis_id, exercise, text, owner,"
                  + " due_date, status, created_by, created_at, done_at, finding, lesson, step,"
                  + " tags, shared, search)"
                  + " select 'BENCH-VA-' || g, 'BENCH-' || (g % 400), g % 5 = 0,"
                  + " 'Actie ' || g || ': ' || f, 'Bench-eigenaar',"
                  + " case when g % 10 = 0 then current_date + 60 else current_date - (g % 300)"
                  + " end, case when g % 10 = 0 then 'OPEN' else 'AFGEROND' end, 'bench', at,"
                  + " case when g % 10 = 0 then null else at + interval '30 days' end, f, l,"
                  + " (?::text[])[1 + g % 5], array['bench', 'thema-' || (g % 20)], g % 3 = 0,"
                  + " setweight(to_tsvector('dutch', l), 'A') || setweight(to_tsvector('dutch',"
                  + " f), 'B') || setweight(to_tsvector('dutch', 'Actie ' || g || ': ' || f"
                  + " || ' bench thema-' || (g % 20)), 'C')"
                  + " from (select g, now() - ((g * 7883) % 525600) * interval '1 minute' as at,"
                  + " (?::text[])[1 + g % 12] as f,"
                  + " (?::text[])[1 + (g / 12) % 12] || '; les ' || g as l"
                  + " from generate_series(1, ?) g) s")) {
        actions.setArray(1, c.createArrayOf("text", steps));
        actions.setArray(2, c.createArrayOf("text", sentences));
        actions.setArray(3, c.createArrayOf("text", sentences));
        actions.setInt(4, lessons);
        actions.executeUpdate();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("analyze task");
        s.execute("analyze notification");
        s.execute("analyze improvement_action");
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String t : List.of("task", "notification", "improvement_action")) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select count(*) from " + t)) {
          rs.next();
          rows.put(t, rs.getLong(1));
        }
      }
      return rows;
    }
  }

  /** How PostgreSQL runs the uniformity's task query for a year (the plan's first lines). */
  static String explain(String jdbcUrl) throws Exception {
    try (Connection c = connect(jdbcUrl)) {
      try (Statement set = c.createStatement()) {
        // as the page runs it (Uniformity: set local work_mem)
        set.execute("set work_mem = '32MB'");
      }
      return explain(c);
    }
  }

  private static String explain(Connection c) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "explain (analyze, buffers off) select t.vr_code, t.form_key, count(*),"
                + " percentile_cont(0.5) within group (order by extract(epoch from t.ended_at"
                + " - t.created_at)) from task t where t.vr_code is not null and t.form_key"
                + " = any(?) and t.exercise = false and t.created_at >= now() - interval '1"
                + " year' group by grouping sets ((t.vr_code, t.form_key), (t.form_key))")) {
      s.setArray(
          1,
          c.createArrayOf(
              "text",
              new String[] {
                Form.AFSTEMMING_LOKAAL_GEZAG.key(),
                Form.BEVESTIGING_OPSCHALING.key(),
                Form.AANBOD_BIJSTAND.key(),
                Form.INFORMATIE_DELEN.key()
              }));
      StringBuilder out =
          new StringBuilder(
              "\nThe uniformity's task query for a year (work_mem 32MB, as the page):\n\n```\n");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append('\n');
        }
      }
      return out.append("```\n").toString();
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  /** Signs in through the form, as a person does (its CSRF token, then a session cookie). */
  static void signIn(HttpClient http, String base, String user, String password) throws Exception {
    String form = get(http, base + "/login");
    Matcher m = CSRF.matcher(form);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || location.contains("/login")) {
      throw new IllegalStateException("sign-in of " + user + " refused: " + r.statusCode());
    }
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }
}
