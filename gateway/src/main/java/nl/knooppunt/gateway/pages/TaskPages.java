package nl.knooppunt.gateway.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.knooppunt.api.TakenApi;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.TaskAssignment;
import nl.knooppunt.api.model.TaskDetail;
import nl.knooppunt.api.model.TaskSort;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.directory.Directory;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.Formulier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox of a duty officer, mostly used on a phone: "Mijn taken" ({@code /taken}, a list that
 * reloads itself on every change) and one task ({@code /taken/{taskKey}}) with what it is about,
 * claim / give back, and its form rendered from the JSON Schema. Everything goes through the task
 * API ({@link TakenApi}): the same scope checks (own region, candidate groups), the same validation
 * ({@link FormSchemas}) and the same events.
 */
@Controller
@RequestMapping("/taken")
public class TaskPages {

  /** Open tasks shown at most (the API's page size limit). */
  static final int MAX_OPEN = 200;

  /** Recently completed tasks shown under the list. */
  static final int RECENT = 5;

  private final TakenApi tasks;
  private final FormSchemas forms;
  private final Directory directory;
  private final ObjectMapper json;

  public TaskPages(TakenApi tasks, FormSchemas forms, Directory directory, ObjectMapper json) {
    this.tasks = tasks;
    this.forms = forms;
    this.directory = directory;
    this.json = json;
  }

  /** One task in the list. */
  public record TaskItem(
      String taskKey,
      String elementId,
      String name,
      String crisisId,
      String crisisTitle,
      boolean exercise,
      boolean overdue,
      String dueAt,
      String countdown,
      String dueText,
      String assignee,
      boolean mine,
      String completedAt) {

    static TaskItem of(TaskSummary t, KnooppuntUser user, Instant now) {
      OffsetDateTime due = t.getDueAt();
      return new TaskItem(
          t.getTaskKey(),
          t.getElementId(),
          t.getName() == null ? "Taak " + t.getTaskKey() : t.getName(),
          t.getCrisisId(),
          t.getCrisisTitle() == null ? t.getCrisisId() : t.getCrisisTitle(),
          Boolean.TRUE.equals(t.getExercise()),
          Boolean.TRUE.equals(t.getOverdue()),
          due == null ? null : due.toString(),
          TaskWords.countdown(due, now),
          due == null ? "geen termijn" : "uiterlijk " + TaskWords.dateTime(due),
          t.getAssignee(),
          user.username().equals(t.getAssignee()),
          TaskWords.dateTime(t.getCompletedAt()));
    }
  }

  // --- the list

  @GetMapping
  public String list(HttpServletRequest request, Model model) {
    KnooppuntUser user = PageModel.require("listTasks");
    listModel(model, user, World.exercise(request.getSession(false)));
    return "taken";
  }

  /** The list alone: the fragment htmx reloads on {@code gewijzigd}. */
  @GetMapping("/lijst")
  public String listFragment(HttpServletRequest request, Model model) {
    KnooppuntUser user = PageModel.require("listTasks");
    listModel(model, user, World.exercise(request.getSession(false)));
    return "taken :: lijst";
  }

  private void listModel(Model model, KnooppuntUser user, boolean exercise) {
    Instant now = Instant.now();
    List<TaskItem> open =
        Objects.requireNonNull(
                tasks
                    .listTasks(
                        TaskAssignment.ALL,
                        TaskState.OPEN,
                        null,
                        exercise,
                        TaskSort.DUE_ASC,
                        0,
                        MAX_OPEN)
                    .getBody())
            .getItems()
            .stream()
            .map(t -> TaskItem.of(t, user, now))
            .toList();
    List<TaskItem> recent =
        Objects.requireNonNull(
                tasks
                    .listTasks(
                        TaskAssignment.MINE,
                        TaskState.COMPLETED,
                        null,
                        exercise,
                        TaskSort.CREATED_DESC,
                        0,
                        RECENT * 4)
                    .getBody())
            .getItems()
            .stream()
            .sorted(
                Comparator.comparing(
                        TaskSummary::getCompletedAt,
                        Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
                    .reversed())
            .limit(RECENT)
            .map(t -> TaskItem.of(t, user, now))
            .toList();
    model.addAttribute("taken", open);
    model.addAttribute("aantalTeLaat", open.stream().filter(TaskItem::overdue).count());
    model.addAttribute("recentAfgerond", recent);
  }

  // --- one task

  @GetMapping("/{taskKey}")
  public String task(@PathVariable String taskKey, Model model) {
    KnooppuntUser user = PageModel.require("getTask");
    TaskDetail detail = detail(taskKey);
    taskModel(model, user, detail, FormView.of(schema(detail), user.username()));
    return "taak";
  }

  @PostMapping("/{taskKey}/oppakken")
  public String claim(@PathVariable String taskKey, RedirectAttributes flash) {
    PageModel.require("claimTask");
    TaskDetail detail = detail(taskKey);
    try {
      tasks.claimTask(taskKey);
      flash.addFlashAttribute("melding", "U heeft de taak opgepakt.");
    } catch (Problems.Conflict e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return redirectTo(detail);
  }

  @PostMapping("/{taskKey}/vrijgeven")
  public String unclaim(@PathVariable String taskKey, RedirectAttributes flash) {
    PageModel.require("unclaimTask");
    TaskDetail detail = detail(taskKey);
    try {
      tasks.unclaimTask(taskKey);
      flash.addFlashAttribute(
          "melding", "De taak is vrijgegeven: iedereen in de groep kan haar nu oppakken.");
    } catch (Problems.Conflict e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return redirectTo(detail);
  }

  /**
   * Completes the task with the submitted form. Checks the form first (the same validation as the
   * API, before anything changes), then claims the task if nobody has (a phone user needs one
   * step), then completes it through the API. A wrong form comes back with status 400, the values
   * kept and every error at its field.
   */
  @PostMapping("/{taskKey}")
  public String complete(
      @PathVariable String taskKey,
      @RequestParam MultiValueMap<String, String> submitted,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = PageModel.require("completeTask");
    TaskDetail detail = detail(taskKey);
    TaskSummary t = detail.getTask();
    if (t.getState() != TaskState.OPEN) {
      flash.addFlashAttribute(
          "foutmelding",
          t.getState() == TaskState.COMPLETED
              ? "Deze taak was al afgerond."
              : "Deze taak is vervallen en kan niet meer worden afgerond.");
      return redirectTo(detail);
    }
    JsonNode schema = schema(detail);
    Map<String, Object> payload = FormView.payload(schema, submitted);
    try {
      formOf(t).ifPresent(f -> forms.validate(f, payload, user));
      if (t.getAssignee() == null) {
        tasks.claimTask(taskKey);
      }
      tasks.completeTask(taskKey, payload);
    } catch (Problems.Invalid e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      taskModel(model, user, detail, FormView.of(schema, submitted, errors(e), user.username()));
      return "taak";
    } catch (Problems.Conflict e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      TaskDetail now = detail(taskKey);
      taskModel(model, user, now, FormView.of(schema, submitted, Map.of(), user.username()));
      model.addAttribute("foutmelding", e.getMessage());
      return "taak";
    }
    flash.addFlashAttribute("melding", "Taak afgerond: " + t.getName());
    return "redirect:/taken";
  }

  private static String redirectTo(TaskDetail detail) {
    return "redirect:/taken/" + detail.getTask().getTaskKey();
  }

  /** The task through the API: 404 when unknown, 403 when not for this user or their groups. */
  private TaskDetail detail(String taskKey) {
    return Objects.requireNonNull(tasks.getTask(taskKey).getBody());
  }

  private static Optional<Formulier> formOf(TaskSummary t) {
    return Formulier.ofKey(String.valueOf(t.getFormKey()));
  }

  private JsonNode schema(TaskDetail detail) {
    return json.valueToTree(detail.getFormSchema() == null ? Map.of() : detail.getFormSchema());
  }

  private static Map<String, String> errors(Problems.Invalid e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldError f : e.errors()) {
      out.merge(f.getField(), f.getMessage(), (a, b) -> a + " " + b);
    }
    return out;
  }

  private void taskModel(Model model, KnooppuntUser user, TaskDetail detail, FormView form) {
    TaskSummary t = detail.getTask();
    TaskItem item = TaskItem.of(t, user, Instant.now());
    boolean open = t.getState() == TaskState.OPEN;
    boolean worker = AccessPolicy.permits(user, "completeTask");
    boolean mine = item.mine();
    JsonNode schema = schema(detail);
    model.addAttribute("taak", item);
    model.addAttribute("open", open);
    model.addAttribute("stand", stateText(t, item));
    model.addAttribute(
        "groepen",
        String.join(
            ", ",
            t.getCandidateGroups().stream()
                .map(g -> TaskWords.group(g, directory::regionName))
                .toList()));
    model.addAttribute(
        "omschrijving",
        schema.hasNonNull("description") ? schema.get("description").asText() : null);
    model.addAttribute(
        "feiten",
        TaskWords.context(detail.getContext() == null ? null : detail.getContext().getVariables()));
    model.addAttribute("formulier", form);
    model.addAttribute("magOppakken", open && worker && t.getAssignee() == null);
    model.addAttribute("magVrijgeven", open && worker && mine);
    model.addAttribute("magAfronden", open && worker && (t.getAssignee() == null || mine));
    model.addAttribute("alleenInzien", open && !worker);
    model.addAttribute("antwoorden", answers(schema, detail.getCompletionData()));
    if (item.exercise()) {
      // an exercise task always carries the OEFENING banner, whatever world the user looks at
      model.addAttribute("oefening", true);
    }
  }

  private static String stateText(TaskSummary t, TaskItem item) {
    return switch (t.getState()) {
      case COMPLETED ->
          "Afgerond door "
              + (t.getCompletedBy() == null ? "onbekend" : t.getCompletedBy())
              + " om "
              + TaskWords.dateTime(t.getCompletedAt());
      case CANCELED -> "Vervallen om " + TaskWords.dateTime(t.getCompletedAt());
      default ->
          item.assignee() == null
              ? "Nog niet opgepakt"
              : item.mine() ? "Opgepakt door u" : "Opgepakt door " + item.assignee();
    };
  }

  /** What the task was completed with, by the form's labels. */
  private static List<TaskWords.Fact> answers(JsonNode schema, Map<String, Object> data) {
    if (data == null || data.isEmpty()) {
      return List.of();
    }
    Map<String, TaskWords.Fact> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String text = TaskWords.value(data.get(p.getKey()));
      if (!text.isBlank()) {
        out.put(
            p.getKey(),
            new TaskWords.Fact(
                p.getValue().path("title").asText(FormView.humanize(p.getKey())), text));
      }
    }
    data.forEach(
        (k, v) -> {
          if (!out.containsKey(k) && !TaskWords.value(v).isBlank()) {
            out.put(k, new TaskWords.Fact(FormView.humanize(k), TaskWords.value(v)));
          }
        });
    return List.copyOf(out.values());
  }
}
