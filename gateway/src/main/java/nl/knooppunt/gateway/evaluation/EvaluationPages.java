package nl.knooppunt.gateway.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.Decision;
import nl.knooppunt.api.model.EvaluationReport;
import nl.knooppunt.api.model.LogbookEntry;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.StepDuration;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.threatlevel.MapView;
import nl.knooppunt.gateway.web.ChartBars;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Words;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The evaluation report of one crisis ({@code /crises/{id}/evaluatie}), printable on A4: facts,
 * timeline, duration of every step against its norm, silences and escalations, decisions and the
 * lessons of the evaluation task. Data from {@link EvaluationService}, as the API's evaluation
 * report.
 */
@Controller
@Page
class EvaluationPages {

  private final EvaluationService evaluations;
  private final Queries queries;
  private final MapView map;
  private final NotificationQueries notices;

  public EvaluationPages(
      EvaluationService evaluations, Queries queries, MapView map, NotificationQueries notices) {
    this.notices = notices;
    this.evaluations = evaluations;
    this.queries = queries;
    this.map = map;
  }

  /** A step with its times as text. */
  public record Step(
      String name,
      String started,
      String ended,
      String duration,
      String norm,
      String due,
      String result,
      String resultClass,
      String completedBy) {}

  /** A line of the timeline, silences or escalations. */
  public record Line(String time, String iso, String actor, String summary, String type) {}

  /** A decision with who and when. */
  public record DecisionLine(
      String decision, String decidedBy, String time, String motivation, String task) {}

  /** A notification that was never acknowledged. */
  public record Unanswered(
      String recipient, String region, String sent, String status, String escalated) {}

  /** One filled-in evaluation form. */
  public record Lesson(
      String wentWell,
      List<String> improvements,
      List<Map<String, Object>> actions,
      Boolean share,
      String by,
      Map<String, Object> other) {}

  @GetMapping("/crises/{crisisId}/evaluatie")
  public String report(@PathVariable String crisisId, Model model) {
    PageModel.require("getEvaluationReport");
    if (crisisId.length() > 64) {
      throw new Problems.NotFound("Crisis " + crisisId + " is onbekend.");
    }
    EvaluationReport r = evaluations.report(crisisId);
    CrisisSummary c = r.getCrisis();
    if (Boolean.TRUE.equals(c.getExercise())) {
      model.addAttribute("oefening", true);
    }
    model.addAttribute("rapport", r);
    model.addAttribute("crisis", c);
    model.addAttribute("soort", Words.typeName(c.getProcess()));
    model.addAttribute("gestart", ChartBars.time(c.getStartedAt()));
    model.addAttribute("gesloten", ChartBars.time(c.getClosedAt()));
    model.addAttribute("gebied", c.getArea() == null ? null : c.getArea().getName());
    model.addAttribute("regios", names(c.getRegions()));

    Map<String, String> names = queries.people();
    List<Step> steps = new ArrayList<>();
    int outside = 0;
    for (StepDuration s : r.getSteps()) {
      if (s.getCompletedBy() != null) {
        s.setCompletedBy(names.getOrDefault(s.getCompletedBy(), s.getCompletedBy()));
      }
      Step step = step(s);
      if ("buiten".equals(step.resultClass())) {
        outside++;
      }
      steps.add(step);
    }
    model.addAttribute("stappen", steps);
    model.addAttribute("stappenBuitenNorm", outside);

    model.addAttribute("tijdlijn", named(lines(chronological(r.getTimeline())), names));
    model.addAttribute("stiltes", named(lines(r.getSilences()), names));
    model.addAttribute("escalaties", named(lines(r.getEscalations()), names));

    List<Unanswered> unanswered = new ArrayList<>();
    for (Notification n : notices.notificationsOf(crisisId)) {
      if (Boolean.TRUE.equals(n.getRequiresAck()) && n.getAcknowledgedAt() == null) {
        unanswered.add(
            new Unanswered(
                n.getRecipientName() == null ? n.getRecipientCode() : n.getRecipientName(),
                n.getVrCode() == null ? "" : map.name(n.getVrCode()),
                ChartBars.time(n.getSentAt()),
                n.getStatus() == Notification.StatusEnum.GEESCALEERD
                    ? "geëscaleerd, niet bevestigd"
                    : "niet bevestigd",
                ChartBars.time(n.getEscalatedAt())));
      }
    }
    model.addAttribute("onbevestigd", unanswered);

    Map<String, String> people = queries.people();
    List<DecisionLine> decisions = new ArrayList<>();
    for (Decision d : queries.decisions(crisisId)) {
      decisions.add(
          new DecisionLine(
              nl.knooppunt.processes.Labels.value(d.getDecision()),
              people.getOrDefault(d.getDecidedBy(), d.getDecidedBy()),
              ChartBars.time(d.getDecidedAt()),
              d.getMotivation(),
              d.getTask()));
    }
    model.addAttribute("besluiten", decisions);
    model.addAttribute("lessen", r.getLessons().stream().map(EvaluationPages::lesson).toList());
    return "evaluatie";
  }

  private List<String> names(Collection<String> regions) {
    return regions == null
        ? List.of()
        : regions.stream().map(vr -> map.name(vr) + " (" + vr + ")").toList();
  }

  static Step step(StepDuration s) {
    String result;
    String css;
    if (s.getWithinSla() != null) {
      result = s.getWithinSla() ? "Binnen de norm" : "Buiten de norm";
      css = s.getWithinSla() ? "binnen" : "buiten";
    } else if (s.getState() == TaskState.CANCELED) {
      result = "Vervallen";
      css = "vervallen";
    } else if (Boolean.TRUE.equals(overdue(s))) {
      result = "Nog open, buiten de norm";
      css = "buiten";
    } else {
      result = "Nog open";
      css = "open";
    }
    return new Step(
        s.getName(),
        ChartBars.time(s.getCreatedAt()),
        s.getEndedAt() == null ? "" : ChartBars.time(s.getEndedAt()),
        ChartBars.duration(s.getDurationSeconds()),
        ChartBars.norm(s.getSla()),
        ChartBars.time(s.getDueAt()),
        result,
        css,
        s.getCompletedBy());
  }

  private static Boolean overdue(StepDuration s) {
    return s.getState() == TaskState.OPEN
        && s.getDueAt() != null
        && s.getDueAt().toInstant().isBefore(java.time.Instant.now());
  }

  /**
   * The logbook in the order things happened (events from several producers may be recorded out of
   * order); the recording order breaks ties.
   */
  static List<LogbookEntry> chronological(List<LogbookEntry> entries) {
    if (entries == null) {
      return List.of();
    }
    return entries.stream()
        .sorted(
            java.util.Comparator.comparing(
                    LogbookEntry::getOccurredAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(LogbookEntry::getSequence))
        .toList();
  }

  /** The lines with people by name; the engine's own lines without an actor. */
  static List<Line> named(List<Line> lines, Map<String, String> people) {
    return lines.stream()
        .map(
            l ->
                new Line(
                    l.time(),
                    l.iso(),
                    l.actor() == null || "procesengine".equals(l.actor())
                        ? null
                        : people.getOrDefault(l.actor(), l.actor()),
                    l.summary(),
                    l.type()))
        .toList();
  }

  static List<Line> lines(List<LogbookEntry> entries) {
    List<Line> out = new ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (LogbookEntry e : entries) {
      out.add(
          new Line(
              ChartBars.timeSeconds(e.getOccurredAt()),
              e.getOccurredAt() == null ? "" : e.getOccurredAt().toString(),
              e.getActor(),
              e.getSummary() == null ? e.getType() : e.getSummary(),
              e.getType()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Lesson lesson(Map<String, Object> form) {
    Map<String, Object> other = new java.util.LinkedHashMap<>(form);
    Object wentWell = other.remove("watGingGoed");
    Object improvements = other.remove("verbeterpunten");
    Object actions = other.remove("acties");
    Object share = other.remove("delenMetRegios");
    Object by = other.remove("evaluatieDoor");
    List<String> improvementList = new ArrayList<>();
    if (improvements instanceof Collection<?> col) {
      col.forEach(i -> improvementList.add(String.valueOf(i)));
    } else if (improvements != null) {
      improvementList.add(String.valueOf(improvements));
    }
    List<Map<String, Object>> actionList = new ArrayList<>();
    if (actions instanceof Collection<?> col) {
      for (Object a : col) {
        if (a instanceof Map<?, ?> m) {
          actionList.add((Map<String, Object>) m);
        }
      }
    }
    return new Lesson(
        wentWell == null ? null : String.valueOf(wentWell),
        improvementList,
        actionList,
        share instanceof Boolean b ? b : null,
        by == null ? null : String.valueOf(by),
        other);
  }
}
