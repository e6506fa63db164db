package nl.knooppunt.gateway.evaluation;

import java.time.temporal.ChronoUnit;
import nl.knooppunt.api.model.ImprovementAction;
import nl.knooppunt.gateway.learning.ActionOwners;
import nl.knooppunt.gateway.learning.ProcedureStep;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.events.ImprovementActionStatusChanged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One improvement action for its owner ({@code /verbeteracties/{actionId}}, issue #16): the owner
 * reaches it from the inbox and takes it in hand, marks it done or drops it with the reason,
 * without having to read the whole evaluation. The owner is whoever works in the role or region the
 * action names ({@link ActionOwners}); those who evaluate may act on it too, national readers read
 * it. Anyone else: 404, as if it did not exist.
 */
@Controller
@Page
class ActionPages {

  private final EvaluationService evaluations;
  private final ActionOwners owners;

  ActionPages(EvaluationService evaluations, ActionOwners owners) {
    this.evaluations = evaluations;
    this.owners = owners;
  }

  private boolean owns(KnooppuntUser user, ImprovementAction a) {
    return owners.ownedBy(a.getOwner(), user.candidateGroups());
  }

  private boolean mayChange(KnooppuntUser user, ImprovementAction a) {
    return owns(user, a) || AccessPolicy.permits(user, "completeImprovementAction");
  }

  private ImprovementAction readable(KnooppuntUser user, String actionId) {
    if (actionId.length() > 100) {
      throw new Problems.NotFound("Verbeteractie " + actionId + " is onbekend.");
    }
    ImprovementAction a = evaluations.actionById(actionId);
    if (!owns(user, a) && !AccessPolicy.isNationalReader(user) && !mayChange(user, a)) {
      throw new Problems.NotFound("Verbeteractie " + actionId + " is onbekend.");
    }
    return a;
  }

  private ImprovementAction changeable(KnooppuntUser user, String actionId) {
    ImprovementAction a = readable(user, actionId);
    if (!mayChange(user, a)) {
      throw new Problems.OutOfScope("Alleen de eigenaar of wie evalueert werkt deze actie bij.");
    }
    return a;
  }

  @GetMapping("/verbeteracties/{actionId}")
  public String show(@PathVariable String actionId, Model model) {
    KnooppuntUser user = CurrentUsers.current();
    ImprovementAction a = readable(user, actionId);
    long days = ChronoUnit.DAYS.between(EvaluationService.today(), a.getDueDate());
    model.addAttribute("actie", a);
    model.addAttribute("open", a.getStatus() == ImprovementAction.StatusEnum.OPEN);
    model.addAttribute(
        "nogOpen",
        a.getStatus() == ImprovementAction.StatusEnum.OPEN
            || a.getStatus() == ImprovementAction.StatusEnum.IN_UITVOERING);
    model.addAttribute("kanBijwerken", mayChange(user, a));
    model.addAttribute("eigenaar", owns(user, a));
    model.addAttribute(
        "termijn",
        days < 0
            ? "te laat sinds " + (-days) + (days == -1 ? " dag" : " dagen")
            : days == 0 ? "vandaag gereed" : "nog " + days + (days == 1 ? " dag" : " dagen"));
    model.addAttribute("teLaat", Boolean.TRUE.equals(a.getOverdue()));
    model.addAttribute("stap", a.getStep() == null ? null : ProcedureStep.label(a.getStep()));
    model.addAttribute("evaluatieLeesbaar", evaluationReadable(a));
    return "verbeteractie";
  }

  private boolean evaluationReadable(ImprovementAction a) {
    try {
      return evaluations.readable(a.getCrisisId());
    } catch (Problems.ApiException e) {
      return false;
    }
  }

  @PostMapping("/verbeteracties/{actionId}/afgerond")
  public String complete(
      @PathVariable String actionId,
      @RequestParam(defaultValue = "") String toelichting,
      RedirectAttributes flash) {
    ImprovementAction a = changeable(CurrentUsers.current(), actionId);
    try {
      evaluations.complete(a, toelichting);
      flash.addFlashAttribute(
          "melding", "De verbeteractie is afgerond; zij staat niet meer in uw taken.");
    } catch (Problems.Conflict e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return "redirect:/verbeteracties/" + actionId;
  }

  @PostMapping("/verbeteracties/{actionId}/stand")
  public String changeStatus(
      @PathVariable String actionId,
      @RequestParam(defaultValue = "") String stand,
      @RequestParam(defaultValue = "") String reden,
      RedirectAttributes flash) {
    ImprovementAction a = changeable(CurrentUsers.current(), actionId);
    try {
      evaluations.changeStatus(a, stand, reden);
      flash.addFlashAttribute(
          "melding",
          ImprovementActionStatusChanged.DROPPED.equals(stand)
              ? "De verbeteractie is vervallen; zij staat niet meer in uw taken."
              : "De verbeteractie is in uitvoering.");
    } catch (Problems.Conflict | Problems.Invalid e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
    }
    return "redirect:/verbeteracties/" + actionId;
  }
}
