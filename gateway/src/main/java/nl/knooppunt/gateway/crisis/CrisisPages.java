package nl.knooppunt.gateway.crisis;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.CrisisDetail;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.LoweringProposal;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.gateway.assistance.AssistanceService;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.manhunt.ManhuntService;
import nl.knooppunt.gateway.notification.NotificationService;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.task.TaskWords;
import nl.knooppunt.gateway.threatlevel.MapView;
import nl.knooppunt.gateway.threatlevel.ThreatLevelService;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageForm;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Times;
import nl.knooppunt.gateway.web.World;
import nl.knooppunt.processes.events.EventType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The crises of the chosen world and the page of one crisis: its facts, open tasks, decisions,
 * notifications (recipient, sent, acknowledged, escalated), levels in force, map and timeline.
 */
@Controller
@Page
@RequestMapping("/crises")
class CrisisPages {

  /** Actions on a running crisis: the API operation and the button text. */
  enum Action {
    VERLAGING("proposeLowering", "Afschaling voorstellen", CrisisType.DREIGINGSNIVEAU_5),
    ZONDER_INFORMATIE(
        "decideWithoutFullInformation",
        "Besluiten zonder volledige informatie",
        CrisisType.DREIGINGSNIVEAU_5),
    MOTIEF("reportTerroristMotive", "Mogelijk terroristisch motief melden", CrisisType.MANHUNT),
    AANHOUDING("reportArrest", "Aanhouding melden", CrisisType.MANHUNT),
    EINDE_MANHUNT("endManhunt", "Manhunt beëindigen", CrisisType.MANHUNT),
    EINDE_INZET("endDeployment", "Inzet beëindigen", CrisisType.BIJSTANDSAANVRAAG),
    VERLENGING("requestExtension", "Verlenging aanvragen", CrisisType.BIJSTANDSAANVRAAG);

    final String operation;
    final String label;
    final CrisisType type;

    Action(String operation, String label, CrisisType type) {
      this.operation = operation;
      this.label = label;
      this.type = type;
    }

    public String getLabel() {
      return label;
    }

    public String getName() {
      return name();
    }

    /** An extension asks until when. */
    public boolean isAsksUntil() {
      return this == VERLENGING;
    }
  }

  /** Acknowledgement figures of a round of notices: one count per recipient. */
  public record Acknowledgements(int required, int acknowledged, int escalated, int silent) {
    public int percentage() {
      return required == 0 ? 100 : acknowledged * 100 / required;
    }
  }

  /** One round of notices (the declaration, an extension, the lowering, ...). */
  public record Round(
      String ref, String label, String sent, Acknowledgements figures, List<RoundRow> rows) {}

  /** One recipient of a round. */
  public record RoundRow(
      String code,
      String name,
      String sent,
      String acknowledged,
      boolean silent,
      boolean requiresAck,
      String escalated,
      String channel,
      String notificationId) {}

  /** One open task of the crisis, in words. */
  public record OpenTask(
      String name,
      String subject,
      String forWhom,
      String assignee,
      boolean overdue,
      String dueIso,
      String due,
      boolean escalation) {}

  /** One decision, by name. */
  public record DecisionLine(
      String decision, String by, String when, String motivation, String task) {}

  /** One line of the timeline. */
  public record Line(String when, String iso, String summary, String who) {}

  /**
   * One public communication as published: the national text with its three aims and the local
   * messages of the affected municipalities that added one.
   */
  public record Publication(
      String phase,
      String when,
      String iso,
      String inform,
      String courseOfAction,
      String meaning,
      String channels,
      List<LocalLine> local) {}

  /** The latest situation report of one source in the picture (beeld), in words. */
  public record ReportLine(String source, String by, String when, String iso, List<Field> fields) {}

  /** One filled-in field of a situation report. */
  public record Field(String label, String text) {}

  /** The fields of a situation report, in the order of its form. */
  private static final List<Field> REPORT_FIELDS =
      List.of(
          new Field("samenvatting", "Stand van zaken"),
          new Field("ontwikkelingen", "Ontwikkelingen"),
          new Field("maatregelen", "Maatregelen"),
          new Field("behoeften", "Wat is er nodig"));

  /** One municipality's local message, by name. */
  public record LocalLine(String code, String municipality, String message, String by) {}

  private final CrisisService crises;
  private final NotificationService notifications;
  private final ThreatLevelService threatLevels;
  private final ManhuntService manhunts;
  private final AssistanceService assistance;
  private final Queries queries;
  private final MapView map;
  private final DirectoryAdapter directory;
  private final CrisisQueries crisisQueries;
  private final CrisisScope scope;

  private final nl.knooppunt.gateway.evaluation.EvaluationService evaluations;
  private final nl.knooppunt.gateway.notification.DeliveryAttempts attempts;

  public CrisisPages(
      CrisisService crises,
      NotificationService notifications,
      ThreatLevelService threatLevels,
      ManhuntService manhunts,
      AssistanceService assistance,
      Queries queries,
      MapView map,
      DirectoryAdapter directory,
      CrisisQueries crisisQueries,
      CrisisScope scope,
      nl.knooppunt.gateway.evaluation.EvaluationService evaluations,
      nl.knooppunt.gateway.notification.DeliveryAttempts attempts) {
    this.attempts = attempts;
    this.scope = scope;
    this.evaluations = evaluations;
    this.crisisQueries = crisisQueries;
    this.directory = directory;
    this.map = map;
    this.crises = crises;
    this.notifications = notifications;
    this.threatLevels = threatLevels;
    this.manhunts = manhunts;
    this.assistance = assistance;
    this.queries = queries;
  }

  @GetMapping
  public String list(
      @RequestParam(name = "status", defaultValue = "open") String status,
      Model model,
      HttpSession session) {
    PageModel.require("listCrises");
    Boolean closed =
        switch (status) {
          case "afgesloten" -> true;
          case "alle" -> null;
          default -> false;
        };
    List<CrisisSummary> items =
        crisisQueries
            .crises(scope.current(), null, closed, null, World.exercise(session), 0, 200)
            .getItems();
    model.addAttribute("crises", items);
    model.addAttribute("status", status);
    return "crises";
  }

  @org.springframework.beans.factory.annotation.Autowired
  private nl.knooppunt.gateway.learning.EarlierLessons earlierLessons;

  @GetMapping("/{crisisId}")
  public String crisis(@PathVariable String crisisId, Model model) {
    fill(crisisId, model);
    // "Eerder geleerd": the lessons about the steps this crisis is at (issue #16)
    model.addAttribute(
        "eerderGeleerd",
        earlierLessons.of(nl.knooppunt.gateway.security.CurrentUsers.current(), crisisId));
    return "crisis";
  }

  /** The live summary of the crisis page (phase, what stands still, open tasks). */
  @GetMapping("/{crisisId}/inhoud")
  public String content(@PathVariable String crisisId, Model model) {
    fill(crisisId, model);
    return "crisis :: samenvatting";
  }

  /** The live rest of the crisis page (decisions, notices, map, timeline). */
  @GetMapping("/{crisisId}/details")
  public String details(@PathVariable String crisisId, Model model) {
    fill(crisisId, model);
    return "crisis :: details";
  }

  @PostMapping("/{crisisId}/actie")
  public String act(
      @PathVariable String crisisId,
      @RequestParam("actie") String actionName,
      @RequestParam(name = "toelichting", defaultValue = "") String explanation,
      @RequestParam(name = "tot", defaultValue = "") String until,
      RedirectAttributes flash) {
    Action action;
    try {
      action = Action.valueOf(actionName);
    } catch (IllegalArgumentException e) {
      throw Problems.Invalid.field("actie", "onbekende actie");
    }
    PageModel.require(action.operation);
    if (explanation.isBlank() || explanation.length() > 4000) {
      flash.addFlashAttribute("actieFout", "Geef een toelichting (maximaal 4000 tekens).");
      return "redirect:/crises/" + crisisId;
    }
    PageForm form = new PageForm(Map.of("tot", until));
    java.time.OffsetDateTime untilTime = action.isAsksUntil() ? form.time("tot") : null;
    if (!form.valid()) {
      flash.addFlashAttribute("actieFout", "Tot wanneer: " + form.errors().get("tot"));
      return "redirect:/crises/" + crisisId;
    }
    String text = explanation.trim();
    try {
      switch (action) {
        case VERLAGING -> threatLevels.proposeLowering(crisisId, new LoweringProposal(text));
        case ZONDER_INFORMATIE ->
            threatLevels.decideWithoutFullInformation(
                crisisId, new nl.knooppunt.api.model.DecisionWithoutFullInformation(text));
        case MOTIEF -> manhunts.reportTerroristMotive(crisisId, new OutcomeReport(text));
        case AANHOUDING -> manhunts.reportArrest(crisisId, new OutcomeReport(text));
        case EINDE_MANHUNT -> manhunts.end(crisisId, new OutcomeReport(text));
        case EINDE_INZET -> assistance.endDeployment(crisisId, new OutcomeReport(text));
        case VERLENGING ->
            assistance.requestExtension(
                crisisId, new nl.knooppunt.api.model.ExtensionRequest(untilTime, text));
      }
    } catch (Problems.Conflict | Problems.Invalid | EngineException.Rejected e) {
      flash.addFlashAttribute("actieFout", e.getMessage());
      return "redirect:/crises/" + crisisId;
    }
    flash.addFlashAttribute(
        "actieGedaan",
        action.label
            + ": doorgegeven."
            + (queries.incidentsOf(crisisId).isEmpty()
                ? ""
                : " Let op: het proces staat stil; het bericht wordt verwerkt zodra dat is"
                    + " opgelost."));
    return "redirect:/crises/" + crisisId;
  }

  private void fill(String crisisId, Model model) {
    KnooppuntUser user = PageModel.require("getCrisis");
    CrisisDetail detail = crises.detail(crisisId);
    CrisisSummary c = detail.getCrisis();
    List<Notification> list = notifications.ofCrisis(crisisId);
    Map<String, String> people = queries.people();
    java.util.function.Function<String, String> person =
        u -> u == null ? "" : people.getOrDefault(u, u);
    model.addAttribute("crisis", c);
    model.addAttribute("detail", detail);
    model.addAttribute("fase", nl.knooppunt.processes.Labels.phase(c.getStatus()));
    model.addAttribute(
        "soort",
        nl.knooppunt.processes.Labels.process(
            c.getProcess() == null ? null : c.getProcess().getValue()));
    model.addAttribute("gestartDoor", person.apply(c.getStartedBy()));
    model.addAttribute(
        "regioNamen",
        c.getRegions().stream().map(vr -> directory.regionName(vr).orElse(vr)).toList());
    model.addAttribute("stilstand", detail.getIncidents());
    List<Round> rounds = rounds(list, person);
    model.addAttribute("rondes", rounds);
    Round latest = rounds.stream().filter(r -> r.figures().required() > 0).findFirst().orElse(null);
    model.addAttribute(
        "erkenning", latest == null ? new Acknowledgements(0, 0, 0, 0) : latest.figures());
    model.addAttribute("erkenningRonde", latest == null ? "" : latest.label());
    model.addAttribute("meldingen", list);
    model.addAttribute(
        "pogingen",
        attempts.ofNotifications(list.stream().map(Notification::getNotificationId).toList()));
    model.addAttribute(
        "taken",
        detail.getOpenTasks().stream()
            .map(
                t ->
                    new OpenTask(
                        t.getName(),
                        t.getSubject(),
                        String.join(
                            ", ",
                            t.getCandidateGroups().stream()
                                .map(g -> TaskWords.group(g, directory::regionName))
                                .toList()),
                        t.getAssignee() == null ? null : person.apply(t.getAssignee()),
                        Boolean.TRUE.equals(t.getOverdue()),
                        t.getDueAt() == null ? null : t.getDueAt().toInstant().toString(),
                        Times.format(t.getDueAt()),
                        nl.knooppunt.processes.Task.isEscalation(t.getElementId())))
            .toList());
    model.addAttribute(
        "besluiten",
        detail.getDecisions().stream()
            .map(
                d ->
                    new DecisionLine(
                        nl.knooppunt.processes.Labels.value(d.getDecision()),
                        person.apply(d.getDecidedBy()),
                        Times.format(d.getDecidedAt()),
                        d.getMotivation(),
                        d.getTask()))
            .toList());
    List<nl.knooppunt.api.model.LogbookEntry> timeline = crises.timeline(crisisId);
    model.addAttribute("publicaties", publications(timeline, person));
    model.addAttribute(
        "isNiveauVijf", c.getProcess() != null && c.getProcess() == CrisisType.DREIGINGSNIVEAU_5);
    model.addAttribute(
        "beeld",
        crises.picture(crisisId).stream()
            .map(
                r ->
                    new ReportLine(
                        TaskWords.group(r.source(), directory::regionName),
                        person.apply(r.by()),
                        Times.format(r.at()),
                        r.at().toInstant().toString(),
                        REPORT_FIELDS.stream()
                            .filter(
                                f -> r.content().get(f.label()) instanceof String s && !s.isBlank())
                            .map(f -> new Field(f.text(), (String) r.content().get(f.label())))
                            .toList()))
            .toList());
    model.addAttribute(
        "tijdlijn",
        timeline.stream()
            .sorted(
                java.util.Comparator.comparing(
                        nl.knooppunt.api.model.LogbookEntry::getOccurredAt,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(nl.knooppunt.api.model.LogbookEntry::getSequence)
                    .reversed())
            .map(
                e ->
                    new Line(
                        Times.formatSeconds(e.getOccurredAt()),
                        e.getOccurredAt() == null ? "" : e.getOccurredAt().toInstant().toString(),
                        e.getSummary() == null ? "Gebeurtenis" : e.getSummary(),
                        e.getActor() == null || "procesengine".equals(e.getActor())
                            ? null
                            : person.apply(e.getActor())))
            .toList());
    model.addAttribute("oefening", Boolean.TRUE.equals(c.getExercise()));
    model.addAttribute(
        "acties",
        c.getClosed()
            ? List.of()
            : java.util.Arrays.stream(Action.values())
                .filter(a -> a.type == c.getProcess())
                .filter(a -> AccessPolicy.permits(user, a.operation))
                .filter(a -> a != Action.MOTIEF || !motiveKnownAtStart(detail))
                .filter(a -> a != Action.ZONDER_INFORMATIE || awaitsInformation(detail))
                .toList());
    model.addAttribute("niveaus", map.levels(detail.getThreatLevels()));
    model.addAttribute("niveauTekst", levelText(detail.getThreatLevels()));
    model.addAttribute(
        "gebied",
        c.getArea() == null
            ? new java.util.LinkedHashSet<>(c.getRegions())
            : map.regionsOf(c.getArea().getKind().getValue(), c.getArea().getCodes()));
    // a region sees the link once the evaluation is shared with it (docs/adr/0030)
    model.addAttribute(
        "kanEvaluatie",
        AccessPolicy.permits(user, "getEvaluationReport") && evaluations.readable(crisisId));
    model.addAttribute(
        "startgegevens", detail.getStartData() == null ? Map.of() : detail.getStartData());
  }

  /** What was published to the public, newest first, from the logbook. */
  private List<Publication> publications(
      List<nl.knooppunt.api.model.LogbookEntry> timeline,
      java.util.function.Function<String, String> person) {
    return timeline.stream()
        .filter(e -> EventType.COMMUNICATIE_GEPUBLICEERD.type().equals(e.getType()))
        .sorted(
            java.util.Comparator.comparing(nl.knooppunt.api.model.LogbookEntry::getSequence)
                .reversed())
        .map(
            e -> {
              Map<String, Object> d = e.getData() == null ? Map.of() : e.getData();
              List<LocalLine> local = new java.util.ArrayList<>();
              if (d.get("localMessages") instanceof List<?> messages) {
                for (Object o : messages) {
                  if (o instanceof Map<?, ?> m) {
                    String code = text(m.get("municipality"));
                    local.add(
                        new LocalLine(
                            code,
                            directory.municipalityName(code).orElse(code),
                            text(m.get("message")),
                            m.get("by") == null ? null : person.apply(text(m.get("by")))));
                  }
                }
              }
              List<String> channels = new java.util.ArrayList<>();
              if (d.get("channels") instanceof List<?> list) {
                list.forEach(c -> channels.add(nl.knooppunt.processes.Labels.value(text(c))));
              }
              return new Publication(
                  nl.knooppunt.processes.Labels.value(text(d.get("phase"))),
                  Times.format(e.getOccurredAt()),
                  e.getOccurredAt() == null ? "" : e.getOccurredAt().toInstant().toString(),
                  text(d.get("inform")),
                  text(d.get("courseOfAction")),
                  text(d.get("meaning")),
                  String.join(", ", channels),
                  List.copyOf(local));
            })
        .toList();
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** A manhunt started with a possible terrorist motive has nothing to raise. */
  /** Whether a level decision waits for the information of police, OM or a partner. */
  private static boolean awaitsInformation(CrisisDetail detail) {
    return detail.getOpenTasks() != null
        && detail.getOpenTasks().stream()
            .anyMatch(t -> ThreatLevelService.INFORMATION_TASKS.contains(t.getElementId()));
  }

  private static boolean motiveKnownAtStart(CrisisDetail detail) {
    return detail.getStartData() != null
        && Boolean.TRUE.equals(
            detail
                .getStartData()
                .get(nl.knooppunt.processes.Variable.MOGELIJK_TERRORISTISCH_MOTIEF.variableName()));
  }

  /** "Niveau 5 in 26 gebieden, tot wo 19 mrt. 2030 06:00" per level in force. */
  static List<String> levelText(List<nl.knooppunt.api.model.ThreatLevel> levels) {
    boolean municipalities = levels.stream().anyMatch(l -> "GEMEENTE".equals(l.getAreaKind()));
    Map<Integer, List<nl.knooppunt.api.model.ThreatLevel>> byLevel =
        new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    for (nl.knooppunt.api.model.ThreatLevel l : levels) {
      if (!municipalities || "GEMEENTE".equals(l.getAreaKind())) {
        byLevel.computeIfAbsent(l.getLevel(), k -> new java.util.ArrayList<>()).add(l);
      }
    }
    String unit = municipalities ? " gemeente" : " gebied";
    String units = municipalities ? " gemeenten" : " gebieden";
    List<String> out = new java.util.ArrayList<>();
    byLevel.forEach(
        (level, areas) -> {
          java.time.OffsetDateTime until =
              areas.stream()
                  .map(nl.knooppunt.api.model.ThreatLevel::getValidUntil)
                  .filter(java.util.Objects::nonNull)
                  .max(java.util.Comparator.naturalOrder())
                  .orElse(null);
          out.add(
              "Niveau "
                  + level
                  + " in "
                  + areas.size()
                  + (areas.size() == 1 ? unit : units)
                  + (until == null ? "" : ", tot " + Times.format(until)));
        });
    return out;
  }

  /** The notices by round, the latest round first; each recipient counted once per round. */
  static List<Round> rounds(
      List<Notification> list, java.util.function.Function<String, String> person) {
    Map<String, List<Notification>> byRound = new java.util.LinkedHashMap<>();
    for (Notification n : list) {
      String ref = n.getRoundRef() == null ? "" : n.getRoundRef();
      byRound.computeIfAbsent(ref, k -> new java.util.ArrayList<>()).add(n);
    }
    List<Round> out = new java.util.ArrayList<>();
    byRound.forEach(
        (ref, notices) -> {
          Notification first = notices.get(0);
          List<RoundRow> rows =
              notices.stream()
                  .map(
                      n ->
                          new RoundRow(
                              n.getRecipientCode(),
                              n.getRecipientName() == null
                                  ? n.getRecipientCode()
                                  : n.getRecipientName(),
                              Times.format(n.getSentAt()),
                              n.getAcknowledgedAt() == null
                                  ? null
                                  : Times.format(n.getAcknowledgedAt())
                                      + (n.getAcknowledgedBy() == null
                                          ? ""
                                          : " door " + person.apply(n.getAcknowledgedBy())),
                              Boolean.TRUE.equals(n.getRequiresAck())
                                  && n.getAcknowledgedAt() == null,
                              Boolean.TRUE.equals(n.getRequiresAck()),
                              n.getEscalatedAt() == null ? null : Times.format(n.getEscalatedAt()),
                              nl.knooppunt.processes.Labels.channel(n.getChannel()),
                              n.getNotificationId()))
                  .toList();
          out.add(
              new Round(
                  ref,
                  nl.knooppunt.processes.Labels.value(first.getKind()),
                  Times.format(first.getSentAt()),
                  acknowledgements(notices),
                  rows));
        });
    java.util.Collections.reverse(out);
    return out;
  }

  static Acknowledgements acknowledgements(List<Notification> list) {
    int required = 0;
    int acknowledged = 0;
    int escalated = 0;
    for (Notification n : list) {
      if (!Boolean.TRUE.equals(n.getRequiresAck())) {
        continue;
      }
      required++;
      if (n.getAcknowledgedAt() != null) {
        acknowledged++;
      } else if (n.getEscalatedAt() != null) {
        escalated++;
      }
    }
    return new Acknowledgements(required, acknowledged, escalated, required - acknowledged);
  }
}
