package nl.knooppunt.gateway.pages;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.CrisisDetail;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.CrisisType;
import nl.knooppunt.api.model.LoweringProposal;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.api.model.OutcomeReport;
import nl.knooppunt.gateway.api.CrisisController;
import nl.knooppunt.gateway.api.NotificationController;
import nl.knooppunt.gateway.api.ProcessController;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Problems;
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
@RequestMapping("/crises")
public class CrisisPages {

  /** Actions on a running crisis: the API operation and the button text. */
  enum Action {
    VERLAGING("proposeLowering", "Verlaging voorstellen", CrisisType.DREIGINGSNIVEAU_5),
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

  /** Acknowledgement figures of a crisis. */
  public record Acknowledgements(int required, int acknowledged, int escalated, int silent) {
    public int percentage() {
      return required == 0 ? 100 : acknowledged * 100 / required;
    }
  }

  private final CrisisController crises;
  private final NotificationController notifications;
  private final ProcessController processes;
  private final Queries queries;
  private final MapView map;

  public CrisisPages(
      CrisisController crises,
      NotificationController notifications,
      ProcessController processes,
      Queries queries,
      MapView map) {
    this.map = map;
    this.crises = crises;
    this.notifications = notifications;
    this.processes = processes;
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
        queries.crises(null, closed, null, World.exercise(session), 0, 200).getItems();
    model.addAttribute("crises", items);
    model.addAttribute("status", status);
    return "crises";
  }

  @GetMapping("/{crisisId}")
  public String crisis(@PathVariable String crisisId, Model model) {
    fill(crisisId, model);
    return "crisis";
  }

  /** The live part of the crisis page. */
  @GetMapping("/{crisisId}/inhoud")
  public String content(@PathVariable String crisisId, Model model) {
    fill(crisisId, model);
    return "crisis :: inhoud";
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
        case VERLAGING -> processes.proposeLowering(crisisId, new LoweringProposal(text));
        case AANHOUDING -> processes.reportArrest(crisisId, new OutcomeReport(text));
        case EINDE_MANHUNT -> processes.endManhunt(crisisId, new OutcomeReport(text));
        case EINDE_INZET -> processes.endDeployment(crisisId, new OutcomeReport(text));
        case VERLENGING ->
            processes.requestExtension(
                crisisId, new nl.knooppunt.api.model.ExtensionRequest(untilTime, text));
      }
    } catch (Problems.Conflict | Problems.Invalid e) {
      flash.addFlashAttribute("actieFout", e.getMessage());
      return "redirect:/crises/" + crisisId;
    }
    flash.addFlashAttribute("actieGedaan", action.label + ": doorgegeven.");
    return "redirect:/crises/" + crisisId;
  }

  private void fill(String crisisId, Model model) {
    KnooppuntUser user = PageModel.require("getCrisis");
    CrisisDetail detail = crises.getCrisis(crisisId).getBody();
    CrisisSummary c = detail.getCrisis();
    List<Notification> list = notifications.listCrisisNotifications(crisisId).getBody();
    model.addAttribute("crisis", c);
    model.addAttribute("detail", detail);
    model.addAttribute("meldingen", list);
    model.addAttribute("erkenning", acknowledgements(list));
    model.addAttribute("tijdlijn", crises.getCrisisTimeline(crisisId).getBody());
    model.addAttribute("oefening", Boolean.TRUE.equals(c.getExercise()));
    model.addAttribute(
        "acties",
        c.getClosed()
            ? List.of()
            : java.util.Arrays.stream(Action.values())
                .filter(a -> a.type == c.getProcess())
                .filter(a -> AccessPolicy.permits(user, a.operation))
                .toList());
    model.addAttribute("niveaus", map.levels(detail.getThreatLevels()));
    model.addAttribute(
        "gebied",
        c.getArea() == null
            ? new java.util.LinkedHashSet<>(c.getRegions())
            : map.regionsOf(c.getArea().getKind().getValue(), c.getArea().getCodes()));
    model.addAttribute("kanEvaluatie", AccessPolicy.permits(user, "getEvaluationReport"));
    model.addAttribute(
        "startgegevens", detail.getStartData() == null ? Map.of() : detail.getStartData());
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
