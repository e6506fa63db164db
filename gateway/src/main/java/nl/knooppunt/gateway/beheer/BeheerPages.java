package nl.knooppunt.gateway.beheer;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The beheerder's page of the running processes ({@code /beheer}): the incidents with their step,
 * error, process, crisis and age, each to try again or to cancel with a reason; the running
 * instances per process and version. Everything comes from the engine through the Camunda client
 * ({@link BeheerService}).
 */
@Controller
@Page
@RequestMapping("/beheer")
class BeheerPages {

  private final BeheerService beheer;

  BeheerPages(BeheerService beheer) {
    this.beheer = beheer;
  }

  private static KnooppuntUser beheerder() {
    KnooppuntUser user = CurrentUsers.current();
    if (!user.has(Rol.BEHEERDER)) {
      throw new AccessDeniedException("Alleen de beheerder beheert de processen.");
    }
    return user;
  }

  @GetMapping
  public String page(Model model) {
    beheerder();
    return show(model, null, null, "");
  }

  @PostMapping("/incidenten/{incidentKey}/opnieuw")
  public String retry(
      @PathVariable long incidentKey,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = beheerder();
    try {
      BeheerService.IncidentView done = beheer.retry(incidentKey, user);
      flash.addFlashAttribute(
          "melding",
          "Stap " + quoted(done.step()) + " wordt opnieuw geprobeerd" + crisis(done) + ".");
      return "redirect:/beheer";
    } catch (EngineException e) {
      response.setStatus(status(e));
      model.addAttribute("foutmelding", e.getMessage());
      return show(model, null, null, "");
    }
  }

  @PostMapping("/incidenten/{incidentKey}/annuleren")
  public String cancel(
      @PathVariable long incidentKey,
      @RequestParam(name = "reden", required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = beheerder();
    try {
      BeheerService.IncidentView done = beheer.cancel(incidentKey, reason, user);
      flash.addFlashAttribute(
          "melding",
          "Procesinstantie "
              + done.processInstanceKey()
              + crisis(done)
              + " is geannuleerd. De reden staat in het logboek.");
      return "redirect:/beheer";
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(model, incidentKey, e.getMessage(), reason == null ? "" : reason);
    } catch (EngineException e) {
      response.setStatus(status(e));
      model.addAttribute("foutmelding", e.getMessage());
      return show(model, null, null, "");
    }
  }

  private String show(Model model, Long errorIncident, String error, String reason) {
    List<BeheerService.IncidentView> incidents = List.of();
    List<nl.knooppunt.gateway.engine.Orchestration.RunningProcess> running = List.of();
    try {
      incidents = beheer.incidents(Instant.now());
      running = beheer.running();
    } catch (EngineException e) {
      model.addAttribute(
          "engineFout", "De procesengine geeft nu geen antwoord: " + e.getMessage() + ".");
    }
    model.addAttribute("incidenten", incidents);
    model.addAttribute("lopend", running);
    model.addAttribute(
        "lopendTotaal",
        running.stream()
            .mapToLong(nl.knooppunt.gateway.engine.Orchestration.RunningProcess::instances)
            .sum());
    model.addAttribute("foutIncident", errorIncident);
    model.addAttribute("redenFout", error);
    model.addAttribute("reden", reason);
    model.addAttribute("fouten", error == null ? Map.of() : Map.of("reden", error));
    return "beheer";
  }

  private static int status(EngineException e) {
    if (e instanceof EngineException.UnknownToEngine) {
      return HttpServletResponse.SC_NOT_FOUND;
    }
    if (e instanceof EngineException.Rejected) {
      return HttpServletResponse.SC_CONFLICT;
    }
    return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
  }

  private static String crisis(BeheerService.IncidentView v) {
    return v.crisisTitle() == null ? "" : " (" + v.crisisTitle() + ")";
  }

  private static String quoted(String s) {
    return "‘" + s + "’";
  }
}
