package nl.knooppunt.gateway.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exercise director's pages: {@code /oefeningen} lists the scenarios and the runs, starts a run
 * with the chosen live participants; {@code /oefeningen/{runId}} follows a run live (injects
 * played, every expected step against its norm) with pause, manual inject and end; {@code
 * /oefeningen/{runId}/rapport} is the after-action report, printable on A4. Only for {@link
 * Rol#OEFENLEIDER}.
 */
@Controller
@Page
@RequestMapping("/oefeningen")
class ExercisePages {

  private final ExerciseRunner runner;
  private final ExerciseRuns runs;
  private final ExerciseReport reports;

  ExercisePages(ExerciseRunner runner, ExerciseRuns runs, ExerciseReport reports) {
    this.runner = runner;
    this.runs = runs;
    this.reports = reports;
  }

  static KnooppuntUser director() {
    KnooppuntUser user = CurrentUsers.current();
    if (!user.has(Rol.OEFENLEIDER)) {
      throw new AccessDeniedException("alleen de oefenleider");
    }
    return user;
  }

  @GetMapping
  public String overview(Model model) {
    director();
    model.addAttribute("scenarios", runner.scenarios());
    model.addAttribute("runs", runs.runs());
    model.addAttribute("versneld", runner.accelerationAvailable());
    model.addAttribute("oefening", true);
    return "oefeningen";
  }

  @PostMapping("/start")
  public String start(
      @RequestParam("scenario") String scenarioId,
      @RequestParam(name = "live", required = false) List<String> live,
      @RequestParam(name = "versneld", defaultValue = "false") boolean accelerated) {
    KnooppuntUser user = director();
    ExerciseRuns.Run run =
        runner.start(
            scenarioId, live == null ? Set.of() : new LinkedHashSet<>(live), accelerated, user);
    return "redirect:/oefeningen/" + run.runId();
  }

  @PostMapping("/scenario")
  public String upload(@RequestParam("bestand") MultipartFile file, RedirectAttributes redirect)
      throws IOException {
    KnooppuntUser user = director();
    try {
      Scenario s =
          runner.upload(
              file.getOriginalFilename() == null ? "scenario" : file.getOriginalFilename(),
              new String(file.getBytes(), StandardCharsets.UTF_8),
              user.username());
      redirect.addFlashAttribute("melding", "Scenario '" + s.title() + "' toegevoegd.");
    } catch (ScenarioException e) {
      redirect.addFlashAttribute("foutmelding", "Scenario geweigerd: " + e.getMessage());
    }
    return "redirect:/oefeningen";
  }

  @GetMapping("/{runId}")
  public String run(@PathVariable String runId, Model model) {
    director();
    runModel(runId, model);
    return "oefening";
  }

  /** The live part of the run page: reloaded by htmx when the read model changed. */
  @GetMapping("/{runId}/live")
  public String live(@PathVariable String runId, Model model) {
    director();
    runModel(runId, model);
    return "oefening :: live";
  }

  private void runModel(String runId, Model model) {
    ExerciseReport.Report r = reports.report(runId);
    model.addAttribute("r", r);
    model.addAttribute("oefening", true);
  }

  @PostMapping("/{runId}/pauzeren")
  public String pause(@PathVariable String runId) {
    director();
    runner.pause(runId);
    return "redirect:/oefeningen/" + runId;
  }

  @PostMapping("/{runId}/hervatten")
  public String resume(@PathVariable String runId) {
    director();
    runner.resume(runId);
    return "redirect:/oefeningen/" + runId;
  }

  @PostMapping("/{runId}/beeindigen")
  public String end(@PathVariable String runId) {
    director();
    runner.end(runId);
    return "redirect:/oefeningen/" + runId + "/rapport";
  }

  @PostMapping("/{runId}/inject")
  public String inject(
      @PathVariable String runId,
      @RequestParam("deelnemer") String participant,
      @RequestParam("tekst") String text,
      RedirectAttributes redirect) {
    director();
    runner.manualInject(runId, participant, text);
    redirect.addFlashAttribute("melding", "Inject verstuurd aan " + participant + ".");
    return "redirect:/oefeningen/" + runId;
  }

  @GetMapping("/{runId}/rapport")
  public String report(@PathVariable String runId, Model model) {
    director();
    model.addAttribute("r", reports.report(runId));
    model.addAttribute("oefening", true);
    return "oefening-rapport";
  }

  @PostMapping("/{runId}/lessen")
  public String lessons(
      @PathVariable String runId,
      @RequestParam("lessen") String lessons,
      RedirectAttributes redirect) {
    director();
    runner.lessons(runId, lessons);
    redirect.addFlashAttribute("melding", "De lessen zijn vastgelegd.");
    return "redirect:/oefeningen/" + runId + "/rapport";
  }

  /** {@code +1:50} (hours:minutes, to the nearest minute) of a scenario time, for the pages. */
  public static String offset(Duration d) {
    if (d == null) {
      return "—";
    }
    long minutes = (d.toSeconds() + 30) / 60;
    return "+" + minutes / 60 + ":" + String.format("%02d", minutes % 60);
  }
}
