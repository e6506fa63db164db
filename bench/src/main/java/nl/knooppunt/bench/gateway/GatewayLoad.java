package nl.knooppunt.bench.gateway;

import static us.abstracta.jmeter.javadsl.JmeterDsl.forLoopController;
import static us.abstracta.jmeter.javadsl.JmeterDsl.httpCookies;
import static us.abstracta.jmeter.javadsl.JmeterDsl.httpSampler;
import static us.abstracta.jmeter.javadsl.JmeterDsl.ifController;
import static us.abstracta.jmeter.javadsl.JmeterDsl.jsr223PostProcessor;
import static us.abstracta.jmeter.javadsl.JmeterDsl.jtlWriter;
import static us.abstracta.jmeter.javadsl.JmeterDsl.regexExtractor;
import static us.abstracta.jmeter.javadsl.JmeterDsl.responseAssertion;
import static us.abstracta.jmeter.javadsl.JmeterDsl.testPlan;
import static us.abstracta.jmeter.javadsl.JmeterDsl.threadGroup;
import static us.abstracta.jmeter.javadsl.JmeterDsl.uniformRandomTimer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import us.abstracta.jmeter.javadsl.core.DslTestPlan.TestPlanChild;
import us.abstracta.jmeter.javadsl.core.TestPlanStats;
import us.abstracta.jmeter.javadsl.core.listeners.JtlWriter;
import us.abstracta.jmeter.javadsl.core.threadgroups.BaseThreadGroup.ThreadGroupChild;
import us.abstracta.jmeter.javadsl.core.threadgroups.DslDefaultThreadGroup;
import us.abstracta.jmeter.javadsl.http.DslHttpSampler;

/**
 * P3's load, in JMeter through its Java DSL: every virtual user is a person of one role who signs
 * in the way people do (the sign-in form with its CSRF token, then a session cookie), then reads
 * the pages of that role with a think time between requests; the API user sends HTTP Basic, as
 * regional systems do. The roles' shares of the users follow the issue: regions on {@code /taken}
 * and {@code /api/v1/tasks}, management on {@code /dashboard}, operators on {@code /operator} and
 * the crisis pages.
 */
final class GatewayLoad {

  static final String LOGIN_FORM = "GET /login";
  static final String LOGIN = "POST /login (aanmelden)";
  static final String TAKEN = "GET /taken (regio)";
  static final String API_TASKS = "GET /api/v1/tasks (regio; Basic)";
  static final String DASHBOARD = "GET /dashboard (management)";
  static final String OPERATOR = "GET /operator (operator)";
  static final String CRISES = "GET /crises (operator)";
  static final String CRISIS = "GET /crises/{id} (operator)";
  static final String TASKS_OPERATOR = "GET /taken (operator)";

  /** In the order the report lists them. */
  static final List<String> LABELS =
      List.of(
          TAKEN, API_TASKS, DASHBOARD, OPERATOR, CRISES, CRISIS, TASKS_OPERATOR, LOGIN_FORM, LOGIN);

  private final String base;
  private final int crises;
  private final Duration thinkMin;
  private final Duration thinkMax;

  GatewayLoad(String base, int crises, Duration thinkMin, Duration thinkMax) {
    this.base = base;
    this.crises = crises;
    this.thinkMin = thinkMin;
    this.thinkMax = thinkMax;
  }

  /**
   * Runs {@code users} users (40 % regions, 20 % management, 40 % operators), reaching all of them
   * over {@code ramp} and holding them for {@code hold}.
   */
  TestPlanStats run(int users, Duration ramp, Duration hold, Path errors) throws IOException {
    int regions = Math.max(1, users * 2 / 10);
    int management = Math.max(1, users / 5);
    int operators = Math.max(1, users - 2 * regions - management);
    List<DslDefaultThreadGroup> groups = new ArrayList<>();
    groups.add(
        group("regio-utrecht", regions, ramp, hold)
            .children(
                signIn("regio-utrecht", "regio-utrecht-demo"),
                pass(
                    page(TAKEN, "/taken"),
                    api(API_TASKS, "/api/v1/tasks", "regio-utrecht", "regio-utrecht-demo"))));
    groups.add(
        group("regio-amsterdam", regions, ramp, hold)
            .children(
                signIn("regio-amsterdam", "regio-amsterdam-demo"),
                pass(
                    page(TAKEN, "/taken"),
                    api(API_TASKS, "/api/v1/tasks", "regio-amsterdam", "regio-amsterdam-demo"))));
    groups.add(
        group("management", management, ramp, hold)
            .children(
                signIn("management", "management-demo"), pass(page(DASHBOARD, "/dashboard"))));
    groups.add(
        group("operator", operators, ramp, hold)
            .children(
                signIn("operator", "operator-demo"),
                pass(
                    page(OPERATOR, "/operator"),
                    page(CRISIS, "/crises/" + Seeder.CRISIS_PREFIX + randomCrisis()),
                    page(CRISES, "/crises"),
                    page(TASKS_OPERATOR, "/taken"))));
    List<TestPlanChild> plan = new ArrayList<>(groups);
    // a person keeps the session between page views: that is what pass() does. This setting was
    // meant to, but did not: JMeter still emptied the cookies at each iteration (measured)
    plan.add(httpCookies().clearCookiesBetweenIterations(false));
    // the failed samples (label, response code, assertion message) for the report
    plan.add(jtlWriter(errors.toString()).logOnly(JtlWriter.SampleStatus.ERROR));
    return testPlan(plan.toArray(new TestPlanChild[0])).run();
  }

  private String randomCrisis() {
    return "${__Random(1," + crises + ")}";
  }

  private static DslDefaultThreadGroup group(String name, int n, Duration ramp, Duration hold) {
    return threadGroup(name).rampToAndHold(n, ramp, hold);
  }

  private ThreadGroupChild think() {
    return uniformRandomTimer(thinkMin, thinkMax);
  }

  /**
   * The role's pages, read again and again with a think time, until the run ends: all inside the
   * user's one iteration. JMeter empties a user's cookies when a thread-group iteration starts
   * (measured: with the pages as iterations, every request after a user's first pass came without
   * its session cookie and was sent to the sign-in page), so the loop must not be the thread
   * group's own.
   */
  private ThreadGroupChild pass(DslHttpSampler... pages) {
    List<ThreadGroupChild> children = new ArrayList<>();
    children.add(think());
    children.addAll(List.of(pages));
    return forLoopController(Integer.MAX_VALUE, children.toArray(new ThreadGroupChild[0]));
  }

  /** Once per user: the sign-in page (its CSRF token), then the form. */
  private ThreadGroupChild signIn(String user, String password) {
    return ifController(
        s -> s.vars.get("signedIn") == null,
        httpSampler(LOGIN_FORM, base + "/login")
            .children(regexExtractor("csrf", "name=\"_csrf\"\\s+value=\"([^\"]+)\"")),
        httpSampler(LOGIN, base + "/login")
            .post(
                "username=" + user + "&password=" + password + "&_csrf=${csrf}",
                org.apache.http.entity.ContentType.APPLICATION_FORM_URLENCODED)
            .children(
                responseAssertion()
                    .fieldToTest(
                        us.abstracta.jmeter.javadsl.core.assertions.DslResponseAssertion.TargetField
                            .REQUEST_URL)
                    .invertCheck()
                    .containsSubstrings("/login"),
                jsr223PostProcessor(s -> s.vars.put("signedIn", "ja"))));
  }

  /** A page of a signed-in person: 200 and not the sign-in page (a lost session fails). */
  private DslHttpSampler page(String label, String path) {
    return httpSampler(label, base + path)
        .followRedirects(false)
        .children(
            responseAssertion()
                .fieldToTest(
                    us.abstracta.jmeter.javadsl.core.assertions.DslResponseAssertion.TargetField
                        .RESPONSE_CODE)
                .equalsToStrings("200"));
  }

  private DslHttpSampler api(String label, String path, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return page(label, path).header("Authorization", "Basic " + basic);
  }
}
