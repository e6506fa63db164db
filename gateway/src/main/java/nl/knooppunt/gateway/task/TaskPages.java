package nl.knooppunt.gateway.task;

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
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.api.model.TaskAssignment;
import nl.knooppunt.api.model.TaskDetail;
import nl.knooppunt.api.model.TaskSort;
import nl.knooppunt.api.model.TaskState;
import nl.knooppunt.api.model.TaskSummary;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.forms.FormSchemas;
import nl.knooppunt.gateway.notification.NoticePages;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.World;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.Steps;
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
 * claim / give back, and its form rendered from the JSON Schema. Everything goes through {@link
 * TaskService}, as the task API does: the same scope checks (own region, candidate groups), the
 * same validation ({@link FormSchemas}) and the same events.
 */
@Controller
@Page
@RequestMapping("/taken")
class TaskPages {

  /** Open tasks shown at most (the API's page size limit). */
  static final int MAX_OPEN = 200;

  /** Recently completed tasks shown under the list. */
  static final int RECENT = 5;

  /** Open tasks of the same step of one crisis shown as one card from this many. */
  static final int GROUP_FROM = 3;

  private final TaskService tasks;
  private final FormSchemas forms;
  private final DirectoryAdapter directory;
  private final Queries queries;
  private final ObjectMapper json;
  private final NotificationQueries notices;
  private final TaskQueries taskQueries;
  private final nl.knooppunt.gateway.learning.ActionInbox actions;

  public TaskPages(
      TaskService tasks,
      FormSchemas forms,
      DirectoryAdapter directory,
      Queries queries,
      ObjectMapper json,
      NotificationQueries notices,
      TaskQueries taskQueries,
      nl.knooppunt.gateway.learning.ActionInbox actions) {
    this.actions = actions;
    this.taskQueries = taskQueries;
    this.notices = notices;
    this.tasks = tasks;
    this.forms = forms;
    this.directory = directory;
    this.queries = queries;
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
      String completedAt,
      String subject,
      String crisisStarted,
      String assigneeName,
      boolean escalation) {

    static TaskItem of(TaskSummary t, KnooppuntUser user, Instant now) {
      return of(t, user, now, java.util.function.Function.identity());
    }

    static TaskItem of(
        TaskSummary t,
        KnooppuntUser user,
        Instant now,
        java.util.function.Function<String, String> person) {
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
          TaskWords.dateTime(t.getCompletedAt()),
          t.getSubject(),
          TaskWords.dateTime(t.getCrisisStartedAt()),
          t.getAssignee() == null ? null : person.apply(t.getAssignee()),
          nl.knooppunt.processes.Task.isEscalation(t.getElementId()));
    }

    /** The card's title: the step, and who it is about when there is someone. */
    public String title() {
      return subject == null ? name : name + ": " + subject;
    }
  }

  /**
   * One entry of the inbox: a task, or the open tasks of one step of one crisis together (33 calls
   * after a silent round are one card with a list, not 33 cards).
   */
  public record Entry(TaskItem task, List<TaskItem> group) {
    public boolean isGroup() {
      return group != null;
    }

    public TaskItem first() {
      return task != null ? task : group.get(0);
    }

    public long overdue() {
      return group == null
          ? (task.overdue() ? 1 : 0)
          : group.stream().filter(TaskItem::overdue).count();
    }
  }

  static List<Entry> entries(List<TaskItem> open) {
    Map<String, List<TaskItem>> bySteps = new LinkedHashMap<>();
    for (TaskItem t : open) {
      bySteps
          .computeIfAbsent(t.crisisId() + "|" + t.elementId(), k -> new java.util.ArrayList<>())
          .add(t);
    }
    List<Entry> out = new java.util.ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    for (TaskItem t : open) {
      String key = t.crisisId() + "|" + t.elementId();
      List<TaskItem> same = bySteps.get(key);
      if (same.size() >= GROUP_FROM) {
        if (done.add(key)) {
          out.add(new Entry(null, same));
        }
      } else {
        out.add(new Entry(t, null));
      }
    }
    return out;
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
    Map<String, String> people = queries.people();
    java.util.function.Function<String, String> person = u -> people.getOrDefault(u, u);
    List<TaskItem> open =
        Objects.requireNonNull(
                tasks.list(
                    TaskAssignment.ALL,
                    TaskState.OPEN,
                    null,
                    exercise,
                    TaskSort.DUE_ASC,
                    0,
                    MAX_OPEN))
            .getItems()
            .stream()
            .map(t -> TaskItem.of(t, user, now, person))
            .toList();
    List<TaskItem> recent =
        Objects.requireNonNull(
                tasks.list(
                    TaskAssignment.MINE,
                    TaskState.COMPLETED,
                    null,
                    exercise,
                    TaskSort.CREATED_DESC,
                    0,
                    RECENT * 4))
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
    model.addAttribute("items", entries(open));
    model.addAttribute("aantalTeLaat", open.stream().filter(TaskItem::overdue).count());
    model.addAttribute("recentAfgerond", recent);
    model.addAttribute(
        "meldingen",
        NoticePages.items(
            notices.notificationsFor(directory.recipientCodesOf(user), exercise, true)));
    // the open improvement actions of the user's role or region, until done or dropped (#16)
    model.addAttribute("verbeteracties", actions.openFor(user, exercise));
    model.addAttribute("naarBeheer", user.has(nl.knooppunt.gateway.security.Rol.BEHEERDER));
    model.addAttribute(
        "stilstand",
        user.hasAny(
                java.util.EnumSet.of(
                    nl.knooppunt.gateway.security.Rol.BEHEERDER,
                    nl.knooppunt.gateway.security.Rol.LANDELIJK_OPERATOR))
            ? queries.stuckSteps(exercise)
            : List.of());
  }

  // --- the open tasks of one step of one crisis together (e.g. 33 calls)

  /** One task of a group, with whom it is about and the number to call. */
  public record GroupItem(
      String taskKey,
      String subject,
      String phone,
      String dueAt,
      String countdown,
      boolean overdue,
      String assigneeName,
      boolean workable) {}

  @GetMapping("/groep")
  public String group(
      @RequestParam("crisis") String crisisId,
      @RequestParam("stap") String elementId,
      Model model) {
    KnooppuntUser user = PageModel.require("listTasks");
    groupModel(model, user, crisisId, elementId);
    return "taakgroep";
  }

  private List<GroupItem> groupModel(
      Model model, KnooppuntUser user, String crisisId, String elementId) {
    Instant now = Instant.now();
    Map<String, String> people = queries.people();
    List<TaskSummary> open =
        Objects.requireNonNull(
                tasks.list(
                    TaskAssignment.ALL,
                    TaskState.OPEN,
                    crisisId,
                    null,
                    TaskSort.DUE_ASC,
                    0,
                    MAX_OPEN))
            .getItems()
            .stream()
            .filter(t -> elementId.equals(t.getElementId()))
            .toList();
    List<GroupItem> items =
        open.stream()
            .map(
                t -> {
                  Map<String, Object> variables =
                      taskQueries
                          .task(Long.parseLong(t.getTaskKey()))
                          .map(r -> queries.jsonMap(r.variables()))
                          .orElse(Map.of());
                  Optional<Callee> callee = callee(variables);
                  String subject = t.getSubject() == null ? t.getName() : t.getSubject();
                  return new GroupItem(
                      t.getTaskKey(),
                      // further down the chain: whom to call, and about whom
                      variables.get("belContact") instanceof Map<?, ?> && callee.isPresent()
                          ? callee.get().name()
                              + (callee.get().name().contains(subject) ? "" : " — over " + subject)
                          : subject,
                      callee.map(Callee::phone).orElse(null),
                      t.getDueAt() == null ? null : t.getDueAt().toString(),
                      TaskWords.countdown(t.getDueAt(), now),
                      Boolean.TRUE.equals(t.getOverdue()),
                      t.getAssignee() == null
                          ? null
                          : people.getOrDefault(t.getAssignee(), t.getAssignee()),
                      t.getAssignee() == null || user.username().equals(t.getAssignee()));
                })
            .toList();
    TaskSummary first = open.isEmpty() ? null : open.get(0);
    model.addAttribute("groep", items);
    model.addAttribute("stap", elementId);
    model.addAttribute("crisisId", crisisId);
    model.addAttribute(
        "naam",
        first == null
            ? Steps.name("informeer-gezagen", elementId).orElse(elementId)
            : first.getName());
    model.addAttribute("crisisTitel", first == null ? crisisId : first.getCrisisTitle());
    model.addAttribute(
        "samen", nl.knooppunt.processes.Task.ONTVANGER_BELLEN.elementId().equals(elementId));
    if (first != null && Boolean.TRUE.equals(first.getExercise())) {
      model.addAttribute("oefening", true);
    }
    return items;
  }

  /**
   * Completes the chosen call tasks of a group with one outcome: each through the same service call
   * as one task (claimed for the user when nobody has it), each checked against the form.
   */
  @PostMapping("/groep")
  public String completeGroup(
      @RequestParam("crisis") String crisisId,
      @RequestParam("stap") String elementId,
      @RequestParam MultiValueMap<String, String> submitted,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = PageModel.require("completeTask");
    List<String> chosen = submitted.getOrDefault("taak", List.of());
    MultiValueMap<String, String> outcome =
        new org.springframework.util.LinkedMultiValueMap<>(submitted);
    outcome.remove("taak");
    outcome.remove("crisis");
    outcome.remove("stap");
    outcome.remove("_csrf");
    List<String> problems = new java.util.ArrayList<>();
    if (chosen.isEmpty()) {
      problems.add("Kies ten minste één ontvanger.");
    }
    int done = 0;
    for (String key : chosen) {
      try {
        TaskDetail detail = detail(key);
        if (!elementId.equals(detail.getTask().getElementId())) {
          continue;
        }
        Map<String, Object> payload = FormView.payload(schema(detail), outcome);
        formOf(detail.getTask()).ifPresent(f -> forms.validate(f, payload, user));
        if (detail.getTask().getAssignee() == null) {
          tasks.claim(key);
        }
        tasks.complete(key, payload);
        done++;
      } catch (Problems.Invalid e) {
        e.errors().forEach(f -> problems.add(f.getMessage()));
        break;
      } catch (Problems.Conflict | EngineException.Rejected e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      groupModel(model, user, crisisId, elementId);
      model.addAttribute("foutmelding", String.join(" ", new java.util.LinkedHashSet<>(problems)));
      model.addAttribute("afgerond", done);
      return "taakgroep";
    }
    flash.addFlashAttribute("melding", done + (done == 1 ? " taak afgerond." : " taken afgerond."));
    return "redirect:/taken";
  }

  // --- one task

  @GetMapping("/{taskKey}")
  public String task(@PathVariable String taskKey, Model model) {
    KnooppuntUser user = PageModel.require("getTask");
    TaskDetail detail = detail(taskKey);
    taskModel(
        model,
        user,
        detail,
        FormView.prefilled(schema(detail), variables(detail), shownName(user), Instant.now()));
    return "taak";
  }

  /**
   * The task's variables as this user may read them, with the information of each partner (police,
   * OM, …) as one overview: what each shared, and who has not shared yet ({@code ONTBREEKT}).
   * Information marked other than public shows only who shared it and its classification to a role
   * without clearance (the communication adviser, a region), never its content.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> cleared(
      Map<String, Object> variables,
      KnooppuntUser user,
      java.util.function.Function<String, String> person) {
    if (!(variables.get("opsporingsinformatie") instanceof Map<?, ?> shared)) {
      return variables;
    }
    boolean clearance = nl.knooppunt.gateway.scope.Clearance.cleared(user);
    java.util.LinkedHashSet<String> partners = new java.util.LinkedHashSet<>();
    if (variables.get("informatiepartners") instanceof List<?> asked) {
      asked.forEach(p -> partners.add(String.valueOf(p)));
    }
    shared.keySet().forEach(p -> partners.add(String.valueOf(p)));
    List<Map<String, Object>> overview = new java.util.ArrayList<>();
    for (String partner : partners) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("partner", TaskWords.group(partner, vr -> java.util.Optional.empty()));
      if (!(shared.get(partner) instanceof Map<?, ?> info)) {
        row.put("status", "ONTBREEKT");
        overview.add(row);
        continue;
      }
      row.put("status", "GEDEELD");
      Object by = info.get("gedeeldDoor");
      boolean open =
          clearance
              || !nl.knooppunt.processes.variables.InvestigationInformation.Classification
                  .restricted(info.get("vertrouwelijkheid"));
      row.put(
          "samenvatting",
          open ? info.get("samenvatting") : "Gerubriceerd: de inhoud is alleen voor gerechtigden.");
      row.put("dreigingsinschatting", open ? info.get("dreigingsinschatting") : null);
      row.put("opsporingsbelang", open ? info.get("opsporingsbelang") : null);
      row.put("vertrouwelijkheid", info.get("vertrouwelijkheid"));
      row.put("gedeeldDoor", by == null ? null : person.apply(String.valueOf(by)));
      overview.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>(variables);
    out.remove("opsporingsinformatie");
    out.put(TaskWords.INFORMATION_OVERVIEW, overview);
    return out;
  }

  /** How a form names the signed-in user ("wordt ingevuld met uw naam (…)"). */
  private static String shownName(KnooppuntUser user) {
    return user.displayName() == null || user.displayName().isBlank()
        ? user.username()
        : user.displayName();
  }

  private static Map<String, Object> variables(TaskDetail detail) {
    return detail.getContext() == null || detail.getContext().getVariables() == null
        ? Map.of()
        : detail.getContext().getVariables();
  }

  @PostMapping("/{taskKey}/oppakken")
  public String claim(@PathVariable String taskKey, RedirectAttributes flash) {
    PageModel.require("claimTask");
    TaskDetail detail = detail(taskKey);
    try {
      tasks.claim(taskKey);
      flash.addFlashAttribute("melding", "U heeft de taak opgepakt.");
    } catch (Problems.Conflict | EngineException.Rejected e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return redirectTo(detail);
  }

  @PostMapping("/{taskKey}/vrijgeven")
  public String unclaim(@PathVariable String taskKey, RedirectAttributes flash) {
    PageModel.require("unclaimTask");
    TaskDetail detail = detail(taskKey);
    try {
      tasks.unclaim(taskKey);
      flash.addFlashAttribute(
          "melding", "De taak is vrijgegeven: iedereen in de groep kan haar nu oppakken.");
    } catch (Problems.Conflict | EngineException.Rejected e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return redirectTo(detail);
  }

  /**
   * Completes the task with the submitted form. Checks the form first (the same validation as the
   * API, before anything changes), then claims the task if nobody has (a phone user needs one
   * step), then completes it through {@link TaskService}. A wrong form comes back with status 400,
   * the values kept and every error at its field.
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
        tasks.claim(taskKey);
      }
      tasks.complete(taskKey, payload);
    } catch (Problems.Invalid e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      MultiValueMap<String, String> kept =
          FormView.withPrefill(schema, submitted, variables(detail), Instant.now());
      taskModel(model, user, detail, FormView.of(schema, kept, errors(e), shownName(user)));
      return "taak";
    } catch (Problems.Conflict | EngineException.Rejected e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      TaskDetail now = detail(taskKey);
      taskModel(model, user, now, FormView.of(schema, submitted, Map.of(), shownName(user)));
      model.addAttribute("foutmelding", e.getMessage());
      return "taak";
    }
    flash.addFlashAttribute("melding", "Taak afgerond: " + t.getName());
    return "redirect:/taken";
  }

  private static String redirectTo(TaskDetail detail) {
    return "redirect:/taken/" + detail.getTask().getTaskKey();
  }

  /**
   * The task through {@link TaskService}: 404 when unknown, 403 when not for this user or their
   * groups.
   */
  private TaskDetail detail(String taskKey) {
    return tasks.detail(taskKey);
  }

  private static Optional<Form> formOf(TaskSummary t) {
    return Form.ofKey(String.valueOf(t.getFormKey()));
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
    Map<String, String> people = queries.people();
    java.util.function.Function<String, String> person = u -> people.getOrDefault(u, u);
    TaskItem item = TaskItem.of(t, user, Instant.now(), person);
    Map<String, Object> variables = cleared(variables(detail), user, person);
    boolean open = t.getState() == TaskState.OPEN;
    boolean worker = AccessPolicy.permits(user, "completeTask");
    boolean mine = item.mine();
    JsonNode schema = schema(detail);
    model.addAttribute("taak", item);
    model.addAttribute("open", open);
    model.addAttribute("stand", stateText(t, item, person));
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
    model.addAttribute("feiten", TaskWords.context(variables, person, directory::regionName));
    model.addAttribute("tabellen", TaskWords.tables(variables, directory::regionName));
    model.addAttribute("bellen", callee(variables).orElse(null));
    model.addAttribute("belketen", triedChain(t, variables));
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

  /** Whom a call task asks to call, with the number (when the contact register has one). */
  public record Callee(String name, String phone, String role) {}

  /** One person of a recipient's contact chain, as the escalation lists them. */
  public record ChainPerson(String name, String function, String number) {}

  /**
   * On the operator's escalation (nobody of the chain reached): the whole chain that was called, so
   * the operator sees whom and which numbers were tried; empty on every other task.
   */
  private List<ChainPerson> triedChain(TaskSummary t, Map<String, Object> variables) {
    if (!nl.knooppunt.processes.Task.NIEMAND_BEREIKT.elementId().equals(t.getElementId())
        || !(variables.get("ontvanger") instanceof Map<?, ?> recipient)
        || !(recipient.get("code") instanceof String code)) {
      return List.of();
    }
    return directory.chain(code).stream()
        .map(p -> new ChainPerson(p.get("name"), p.get("function"), p.get("number")))
        .toList();
  }

  /** What the page says when the contact register has no number for the person. */
  static final String NO_NUMBER = "geen nummer in het contactregister";

  /**
   * Whom a call task is about: the person of the recipient's contact chain the process chose
   * ({@code belContact}: name, function, number), else the recipient itself with its first number.
   */
  @SuppressWarnings("unchecked")
  private Optional<Callee> callee(Map<String, Object> variables) {
    if (variables.get("belContact") instanceof Map<?, ?> person && person.get("naam") != null) {
      Object number = person.get("telefoon");
      return Optional.of(
          new Callee(
              String.valueOf(person.get("naam")),
              number == null
                  ? NO_NUMBER
                  : number + (Boolean.TRUE.equals(person.get("demo")) ? " (demonummer)" : ""),
              person.get("functie") == null ? null : String.valueOf(person.get("functie"))));
    }
    if (!(variables.get("ontvanger") instanceof Map<?, ?> recipient)) {
      return Optional.empty();
    }
    Object code = recipient.get("code");
    if (!(code instanceof String c)) {
      return Optional.empty();
    }
    var authority = directory.authority(c);
    return Optional.of(
        new Callee(
            authority.map(a -> a.name()).orElse(String.valueOf(recipient.get("naam"))),
            directory.phone(c).orElse(NO_NUMBER),
            authority.map(a -> a.role().title()).orElse(null)));
  }

  private static String stateText(
      TaskSummary t, TaskItem item, java.util.function.Function<String, String> person) {
    return switch (t.getState()) {
      case COMPLETED ->
          "Afgerond door "
              + (t.getCompletedBy() == null ? "onbekend" : person.apply(t.getCompletedBy()))
              + " op "
              + TaskWords.dateTime(t.getCompletedAt());
      case CANCELED -> "Vervallen om " + TaskWords.dateTime(t.getCompletedAt());
      default ->
          item.assignee() == null
              ? "Nog niet opgepakt"
              : item.mine() ? "Opgepakt door u" : "Opgepakt door " + item.assigneeName();
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
