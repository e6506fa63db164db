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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

  private final nl.knooppunt.gateway.learning.ActionOwners owners;

  public EvaluationPages(
      EvaluationService evaluations,
      Queries queries,
      MapView map,
      NotificationQueries notices,
      nl.knooppunt.gateway.learning.ActionOwners owners) {
    this.owners = owners;
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

  /** An improvement action as the pages show it. */
  public record ActionLine(
      String id,
      String text,
      String owner,
      String due,
      String dueIso,
      boolean open,
      boolean overdue,
      String crisisId,
      String crisisTitle,
      String createdBy,
      String doneBy,
      String doneAt,
      String doneNote,
      String status,
      String statusLabel,
      String statusReason,
      String finding,
      String lesson,
      String step,
      List<String> tags,
      boolean shared) {}

  /** One field problem of the action form: message and link to the field. */
  public record FieldProblem(String label, String message, String href) {}

  static ActionLine line(nl.knooppunt.api.model.ImprovementAction a) {
    return new ActionLine(
        a.getActionId(),
        a.getText(),
        a.getOwner(),
        a.getDueDate() == null
            ? ""
            : a.getDueDate().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")),
        a.getDueDate() == null ? "" : a.getDueDate().toString(),
        EvaluationService.isOpen(a.getStatus()),
        Boolean.TRUE.equals(a.getOverdue()),
        a.getCrisisId(),
        a.getCrisisTitle(),
        a.getCreatedBy(),
        a.getDoneBy(),
        a.getDoneAt() == null ? "" : ChartBars.time(a.getDoneAt()),
        a.getDoneNote(),
        a.getStatus().getValue(),
        statusLabel(a.getStatus()),
        a.getStatusReason(),
        a.getFinding(),
        a.getLesson(),
        a.getStep() == null ? null : nl.knooppunt.gateway.learning.ProcedureStep.label(a.getStep()),
        a.getTags() == null ? List.of() : a.getTags(),
        Boolean.TRUE.equals(a.getShared()));
  }

  static String statusLabel(nl.knooppunt.api.model.ImprovementAction.StatusEnum status) {
    return switch (status) {
      case OPEN -> "Open";
      case IN_UITVOERING -> "In uitvoering";
      case AFGEROND -> "Afgerond";
      case VERVALLEN -> "Vervallen";
    };
  }

  /** Every open improvement action, overdue ones marked: the list that keeps the loop closed. */
  @GetMapping("/verbeteracties")
  public String openActions(Model model) {
    PageModel.require("listOpenImprovementActions");
    List<ActionLine> open =
        evaluations.openActions(false).stream().map(EvaluationPages::line).toList();
    model.addAttribute("acties", open);
    model.addAttribute("teLaat", open.stream().filter(ActionLine::overdue).count());
    model.addAttribute(
        "oefenacties", evaluations.openActions(true).stream().map(EvaluationPages::line).toList());
    return "verbeteracties";
  }

  @PostMapping("/crises/{crisisId}/evaluatie/acties")
  public String addAction(
      @PathVariable String crisisId,
      @RequestParam(defaultValue = "") String tekst,
      @RequestParam(defaultValue = "") String eigenaar,
      @RequestParam(defaultValue = "") String gereedOp,
      @RequestParam(defaultValue = "") String bevinding,
      @RequestParam(defaultValue = "") String les,
      @RequestParam(defaultValue = "") String stap,
      @RequestParam(defaultValue = "") String trefwoorden,
      @RequestParam(defaultValue = "false") boolean delen,
      Model model,
      jakarta.servlet.http.HttpServletResponse response,
      RedirectAttributes flash) {
    PageModel.require("addImprovementAction");
    known(crisisId);
    java.time.LocalDate due = null;
    boolean badDate = false;
    if (!gereedOp.isBlank()) {
      try {
        due = java.time.LocalDate.parse(gereedOp.strip());
      } catch (java.time.format.DateTimeParseException e) {
        badDate = true;
      }
    }
    try {
      if (badDate) {
        throw Problems.Invalid.field("dueDate", "Geef de datum als jjjj-mm-dd.");
      }
      // the same window as the API's dates (a page does not pass the request body's check)
      if (due != null
          && !nl.knooppunt.gateway.web.DateWindow.contains(
              due, java.time.Instant.now(), nl.knooppunt.gateway.web.DateWindow.MAX_AHEAD)) {
        throw Problems.Invalid.field(
            "dueDate",
            nl.knooppunt.gateway.web.DateWindow.message(
                nl.knooppunt.gateway.web.DateWindow.MAX_AHEAD));
      }
      evaluations.addAction(
          crisisId,
          new nl.knooppunt.api.model.ImprovementActionProposal(tekst, eigenaar, due)
              .finding(bevinding)
              .lesson(les)
              .step(stap.isBlank() ? null : stap)
              .tags(nl.knooppunt.gateway.learning.Tags.parse(trefwoorden))
              .shared(delen));
      flash.addFlashAttribute(
          "melding", "De verbeteractie is vastgelegd; zij blijft open tot zij is afgerond.");
      return "redirect:/crises/" + crisisId + "/evaluatie#verbeteracties";
    } catch (Problems.Invalid e) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      List<FieldProblem> problems = new ArrayList<>();
      Map<String, String[]> fields =
          Map.of(
              "text", new String[] {"tekst", "Actie"},
              "owner", new String[] {"eigenaar", "Eigenaar"},
              "dueDate", new String[] {"gereedOp", "Gereed op"},
              "finding", new String[] {"bevinding", "Bevinding"},
              "lesson", new String[] {"les", "Les"},
              "step", new String[] {"stap", "Processtap"},
              "tags", new String[] {"trefwoorden", "Trefwoorden"});
      for (nl.knooppunt.api.model.FieldError f : e.errors()) {
        String[] field = fields.getOrDefault(f.getField(), new String[] {"tekst", "Actie"});
        errors.put(field[0], f.getMessage());
        problems.add(new FieldProblem(field[1], f.getMessage(), "#actie-" + field[0]));
      }
      model.addAttribute("actieFouten", errors);
      model.addAttribute("actieFoutlijst", problems);
      model.addAttribute(
          "invoer",
          Map.of(
              "tekst", tekst,
              "eigenaar", eigenaar,
              "gereedOp", gereedOp,
              "bevinding", bevinding,
              "les", les,
              "stap", stap,
              "trefwoorden", trefwoorden,
              "delen", String.valueOf(delen)));
      return report(crisisId, model);
    }
  }

  @PostMapping("/crises/{crisisId}/evaluatie/acties/afgerond")
  public String completeAction(
      @PathVariable String crisisId,
      @RequestParam(defaultValue = "") String actie,
      @RequestParam(defaultValue = "") String toelichting,
      RedirectAttributes flash) {
    PageModel.require("completeImprovementAction");
    known(crisisId);
    try {
      evaluations.completeAction(crisisId, actie, toelichting);
      flash.addFlashAttribute("melding", "De verbeteractie is afgerond.");
    } catch (Problems.Conflict e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return "redirect:/crises/" + crisisId + "/evaluatie#verbeteracties";
  }

  /** Takes an open action in hand, or drops it with the reason. */
  @PostMapping("/crises/{crisisId}/evaluatie/acties/stand")
  public String changeActionStatus(
      @PathVariable String crisisId,
      @RequestParam(defaultValue = "") String actie,
      @RequestParam(defaultValue = "") String stand,
      @RequestParam(defaultValue = "") String reden,
      RedirectAttributes flash) {
    PageModel.require("completeImprovementAction");
    known(crisisId);
    try {
      evaluations.changeStatus(crisisId, actie, stand, reden);
      flash.addFlashAttribute(
          "melding",
          nl.knooppunt.processes.events.ImprovementActionStatusChanged.DROPPED.equals(stand)
              ? "De verbeteractie is vervallen."
              : "De verbeteractie is in uitvoering.");
    } catch (Problems.Conflict | Problems.Invalid e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return "redirect:/crises/" + crisisId + "/evaluatie#verbeteracties";
  }

  @PostMapping("/crises/{crisisId}/evaluatie/delen")
  public String share(@PathVariable String crisisId, RedirectAttributes flash) {
    PageModel.require("shareEvaluation");
    known(crisisId);
    nl.knooppunt.api.model.EvaluationSharing shared = evaluations.share(crisisId);
    flash.addFlashAttribute(
        "melding",
        "De evaluatie is gedeeld met " + String.join(", ", names(shared.getRegions())) + ".");
    return "redirect:/crises/" + crisisId + "/evaluatie#delen";
  }

  private static void known(String crisisId) {
    if (crisisId.length() > 64) {
      throw new Problems.NotFound("Crisis " + crisisId + " is onbekend.");
    }
  }

  @GetMapping("/crises/{crisisId}/evaluatie")
  public String report(@PathVariable String crisisId, Model model) {
    nl.knooppunt.gateway.security.KnooppuntUser user = PageModel.require("getEvaluationReport");
    known(crisisId);
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

    // the joint evaluation of a manhunt and its linked level 5: the other crisis and its timeline
    CrisisSummary linked = r.getLinkedCrisis();
    model.addAttribute("gekoppeld", linked);
    if (linked != null) {
      model.addAttribute("gekoppeldSoort", Words.typeName(linked.getProcess()));
      model.addAttribute(
          "gekoppeldeTijdlijn", named(lines(chronological(r.getLinkedTimeline())), names));
    }
    model.addAttribute("nazorg", r.getAftercare() == null ? List.of() : r.getAftercare());
    model.addAttribute(
        "verbeteracties",
        r.getActions() == null
            ? List.of()
            : r.getActions().stream().map(EvaluationPages::line).toList());
    model.addAttribute("processtappen", nl.knooppunt.gateway.learning.ProcedureStep.all());
    // the roles and regions whose inbox an action reaches (#16); any other owner is free text
    model.addAttribute("eigenaren", owners.suggestions());
    model.addAttribute(
        "kanActies",
        nl.knooppunt.gateway.security.AccessPolicy.permits(user, "addImprovementAction"));
    model.addAttribute(
        "kanAfronden",
        nl.knooppunt.gateway.security.AccessPolicy.permits(user, "completeImprovementAction"));
    model.addAttribute(
        "kanDelen", nl.knooppunt.gateway.security.AccessPolicy.permits(user, "shareEvaluation"));
    nl.knooppunt.api.model.EvaluationSharing sharing = r.getSharing();
    model.addAttribute("gedeeld", sharing != null && Boolean.TRUE.equals(sharing.getShared()));
    model.addAttribute("deelRegios", sharing == null ? List.of() : names(sharing.getRegions()));
    model.addAttribute("gedeeldOp", sharing == null ? "" : ChartBars.time(sharing.getSharedAt()));
    model.addAttribute("gedeeldDoor", sharing == null ? null : sharing.getSharedBy());
    if (!model.containsAttribute("actieFouten")) {
      model.addAttribute("actieFouten", Map.of());
      model.addAttribute("actieFoutlijst", List.of());
      model.addAttribute("invoer", Map.of());
    }
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
