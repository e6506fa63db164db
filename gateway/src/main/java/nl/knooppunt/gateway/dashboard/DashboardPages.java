package nl.knooppunt.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.api.model.AcknowledgementLag;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.Dashboard;
import nl.knooppunt.api.model.OpenAssistance;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.api.model.TypeCount;
import nl.knooppunt.gateway.crisis.CrisisQueries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.task.TaskQueries;
import nl.knooppunt.gateway.threatlevel.MapView;
import nl.knooppunt.gateway.web.ChartBars;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Words;
import nl.knooppunt.gateway.web.World;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The management dashboard ({@code /dashboard}): for a briefing, per chosen world (real or
 * exercise) the map with the level per region, open crises by type, SLA breaches, the time from
 * decision to the last acknowledgement, open bijstand and who is silent. The body reloads itself
 * ({@code /dashboard/inhoud}) when the read model changes.
 */
@Controller
@Page
class DashboardPages {

  /** Overdue tasks listed at most; the count is always the full number. */
  static final int MAX_LISTED = 25;

  /** Crises shown in the acknowledgement chart. */
  static final int MAX_LAGS = 10;

  private final DashboardService dashboards;
  private final MapView map;
  private final CrisisQueries crisisQueries;
  private final TaskQueries taskQueries;
  private final CrisisScope scope;
  private final nl.knooppunt.gateway.evaluation.EvaluationService evaluations;

  public DashboardPages(
      DashboardService dashboards,
      MapView map,
      CrisisQueries crisisQueries,
      TaskQueries taskQueries,
      CrisisScope scope,
      nl.knooppunt.gateway.evaluation.EvaluationService evaluations) {
    this.scope = scope;
    this.evaluations = evaluations;
    this.taskQueries = taskQueries;
    this.crisisQueries = crisisQueries;
    this.dashboards = dashboards;
    this.map = map;
  }

  /** A row of the acknowledgement block. */
  public record Lag(
      String crisisId,
      String title,
      String decidedAt,
      String lastAcknowledgedAt,
      String duration,
      int outstanding) {}

  /** A row of the open bijstand block. */
  public record Assistance(
      String crisisId,
      String region,
      String capacity,
      Integer requested,
      int allocated,
      int percent,
      String status) {}

  /** An overdue open task. */
  public record Overdue(
      String name, String crisisId, String crisisTitle, String dueAt, String dueIso, String who) {}

  /**
   * A manhunt's GRIP advice against the region's confirmation: lower needs its explanation, and an
   * advice the region has not (yet) confirmed is open.
   */
  public record Grip(
      String crisisId,
      String title,
      String region,
      String advice,
      String confirmed,
      boolean lower,
      boolean awaiting,
      String explanation) {}

  /** A crisis with recipients that did not acknowledge. */
  public record Silent(String crisisId, String title, int count) {}

  @GetMapping("/dashboard")
  public String dashboard(Model model, HttpServletRequest request) {
    PageModel.require("getDashboard");
    fill(model, World.exercise(request.getSession(false)));
    return "dashboard";
  }

  @GetMapping("/dashboard/inhoud")
  public String content(Model model, HttpServletRequest request) {
    PageModel.require("getDashboard");
    fill(model, World.exercise(request.getSession(false)));
    return "dashboard :: inhoud";
  }

  private void fill(Model model, boolean exercise) {
    Dashboard d = dashboards.dashboard(exercise);
    model.addAttribute("dashboard", d);
    // the beheerder goes from the red count to where she repairs it (the beheer page)
    model.addAttribute(
        "naarBeheer",
        nl.knooppunt.gateway.security.CurrentUsers.current()
            .has(nl.knooppunt.gateway.security.Rol.BEHEERDER));
    model.addAttribute("bijgewerkt", ChartBars.timeSeconds(d.getGeneratedAt()));
    // improvement actions of evaluations stay in sight until done; overdue ones in red
    List<nl.knooppunt.api.model.ImprovementAction> openActions = evaluations.openActions(exercise);
    model.addAttribute("actiesOpen", openActions.size());
    // the overdue ones by name, until they are done or dropped (issue #16)
    model.addAttribute(
        "teLaatActies",
        openActions.stream().filter(a -> Boolean.TRUE.equals(a.getOverdue())).limit(5).toList());
    model.addAttribute("actiesTeLaat", evaluations.overdueCount(exercise));

    // map: level per municipality and per region, regions of open crises marked
    List<CrisisSummary> open =
        crisisQueries.crises(scope.current(), null, false, null, exercise, 0, 500).getItems();
    Set<String> involved = new TreeSet<>();
    open.forEach(c -> involved.addAll(c.getRegions() == null ? List.of() : c.getRegions()));
    MapView.Levels levels = map.levels(exercise);
    model.addAttribute("niveaus", levels);
    model.addAttribute("gebied", involved);
    model.addAttribute("kaartGebiedLabel", "Betrokken bij een open crisis");
    model.addAttribute(
        "regiosNiveau5",
        levels.perRegion().values().stream().filter(l -> l != null && l >= 5).count());

    // open crises by type
    List<ChartBars.Item> types = new ArrayList<>();
    int openCrises = 0;
    for (TypeCount t : d.getOpenCrisesByType()) {
      types.add(new ChartBars.Item(Words.typeName(t.getProcess()), t.getCount()));
      openCrises += t.getCount();
    }
    model.addAttribute("typen", ChartBars.scale(types));
    model.addAttribute("openCrises", openCrises);

    // SLA breaches: open tasks past their due time
    List<Overdue> overdue = new ArrayList<>();
    for (TaskSummary t :
        taskQueries
            .tasks(
                new TaskQueries.TaskFilter(
                    "", List.of(), true, "ALL", "OPEN", null, exercise, "DUE_ASC", 0, 200))
            .items()) {
      if (Boolean.TRUE.equals(t.getOverdue()) && overdue.size() < MAX_LISTED) {
        overdue.add(
            new Overdue(
                t.getName(),
                t.getCrisisId(),
                t.getCrisisTitle(),
                ChartBars.time(t.getDueAt()),
                t.getDueAt() == null ? "" : t.getDueAt().toString(),
                t.getAssignee() != null
                    ? t.getAssignee()
                    : String.join(", ", t.getCandidateGroups())));
      }
    }
    model.addAttribute("overschreden", overdue);

    // decision to last acknowledgement
    List<Lag> lags = new ArrayList<>();
    List<ChartBars.Item> lagBars = new ArrayList<>();
    for (AcknowledgementLag l : d.getDecisionToLastAcknowledgement()) {
      if (lags.size() >= MAX_LAGS) {
        break;
      }
      int outstanding = l.getOutstanding() == null ? 0 : l.getOutstanding();
      String duration =
          l.getSeconds() == null ? "nog geen bevestiging" : ChartBars.duration(l.getSeconds());
      lags.add(
          new Lag(
              l.getCrisisId(),
              l.getTitle() == null ? l.getCrisisId() : l.getTitle(),
              ChartBars.time(l.getDecidedAt()),
              ChartBars.time(l.getLastAcknowledgedAt()),
              duration,
              outstanding));
      lagBars.add(
          new ChartBars.Item(
              l.getTitle() == null ? l.getCrisisId() : l.getTitle(),
              l.getSeconds() == null ? 0 : l.getSeconds(),
              duration + (outstanding > 0 ? ", " + outstanding + " open" : ""),
              outstanding > 0));
    }
    model.addAttribute("erkenningen", lags);
    model.addAttribute("erkenningBalken", ChartBars.scale(lagBars));

    // open bijstand
    List<Assistance> assistance = new ArrayList<>();
    int requested = 0;
    int allocated = 0;
    for (OpenAssistance a : d.getOpenAssistance()) {
      int alloc = a.getAllocated() == null ? 0 : a.getAllocated();
      assistance.add(
          new Assistance(
              a.getCrisisId(),
              a.getRequestingRegion() == null ? "" : map.name(a.getRequestingRegion()),
              a.getCapacity(),
              a.getRequested(),
              alloc,
              ChartBars.share(alloc, a.getRequested()),
              a.getStatus()));
      requested += a.getRequested() == null ? 0 : a.getRequested();
      allocated += alloc;
    }
    model.addAttribute("bijstand", assistance);
    model.addAttribute("bijstandGevraagd", requested);
    model.addAttribute("bijstandToegewezen", allocated);

    // who is silent
    List<Silent> silent = new ArrayList<>();
    int silentTotal = 0;
    for (CrisisSummary c : open) {
      int n = c.getSilentRecipients() == null ? 0 : c.getSilentRecipients();
      if (n > 0) {
        silent.add(new Silent(c.getCrisisId(), c.getTitle(), n));
        silentTotal += n;
      }
    }
    model.addAttribute("stil", silent);
    // a level 5 past its end without a decision is never silent
    model.addAttribute(
        "verlopen",
        open.stream().filter(c -> nl.knooppunt.processes.Labels.isAlarm(c.getStatus())).toList());
    model.addAttribute("stilTotaal", silentTotal);

    // GRIP: advice against the region's confirmation, per open manhunt
    List<Grip> grip = new ArrayList<>();
    for (DashboardService.GripComparison g : dashboards.grip(exercise)) {
      grip.add(
          new Grip(
              g.crisisId(),
              g.title() == null ? g.crisisId() : g.title(),
              g.vrCode() == null ? "" : map.name(g.vrCode()),
              g.advice() == null ? "nog geen advies" : "GRIP " + g.advice(),
              g.confirmed() == null
                  ? "nog niet bevestigd"
                  : nl.knooppunt.processes.Labels.value(g.confirmed()),
              g.lower(),
              g.awaiting(),
              g.explanation() == null || g.explanation().isBlank() ? null : g.explanation()));
    }
    model.addAttribute("grip", grip);
  }
}
