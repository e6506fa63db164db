package nl.knooppunt.gateway.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.FieldError;
import nl.knooppunt.directory.MeasureRole;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The level-5 measures per role that notices carry: everyone reads the version in force and the
 * versions before it; the beheerder edits it (one measure per line per role) and each save is a new
 * version, through {@link MeasuresService} as the API's operation.
 */
@Controller
@Page
@RequestMapping("/maatregelen")
class MeasuresPages {

  private final MeasuresService measures;

  MeasuresPages(MeasuresService measures) {
    this.measures = measures;
  }

  /** One role on the page: its name, field name and the measures as lines. */
  public record RoleView(
      String role, String label, String field, String text, List<String> items) {}

  /** One line of the error summary: the field's name, the message, the link to the field. */
  public record Problem(String label, String message, String href) {}

  /** One version in the history. */
  public record VersionView(int version, String setBy, String setAt, List<RoleView> roles) {}

  @GetMapping
  public String page(Model model) {
    KnooppuntUser user = PageModel.require("getMeasures");
    MeasuresService.Version current = measures.current();
    Map<MeasureRole, String> text = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      text.put(role, String.join("\n", current.measures().forRole(role)));
    }
    return show(model, user, current.measures().version(), text, Map.of());
  }

  @PostMapping
  public String save(
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = PageModel.require("publishMeasures");
    Map<MeasureRole, String> text = new EnumMap<>(MeasureRole.class);
    Map<MeasureRole, List<String>> lists = new EnumMap<>(MeasureRole.class);
    for (MeasureRole role : MeasureRole.values()) {
      String value = params.getOrDefault(role.name(), "");
      text.put(role, value);
      lists.put(role, lines(value));
    }
    int basedOn;
    try {
      basedOn = Integer.parseInt(params.getOrDefault("basedOnVersion", "").trim());
    } catch (NumberFormatException e) {
      basedOn = measures.current().measures().version();
    }
    try {
      MeasuresService.Version saved = measures.publish(basedOn, lists);
      flash.addFlashAttribute(
          "melding",
          "Versie "
              + saved.measures().version()
              + " van de maatregelen is vastgelegd. Meldingen van nu af dragen deze versie mee.");
      return "redirect:/maatregelen";
    } catch (Problems.Invalid e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldError f : e.errors()) {
        errors.put(f.getField().substring(f.getField().indexOf('.') + 1), f.getMessage());
      }
      return show(model, user, basedOn, text, errors);
    } catch (Problems.Conflict e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("foutmelding", e.getMessage());
      return show(model, user, basedOn, text, Map.of());
    }
  }

  private String show(
      Model model,
      KnooppuntUser user,
      int basedOn,
      Map<MeasureRole, String> text,
      Map<String, String> errors) {
    List<MeasuresService.Version> history = measures.history();
    model.addAttribute("huidig", history.get(0).measures().version());
    model.addAttribute("gebaseerdOp", basedOn);
    model.addAttribute("bewerken", AccessPolicy.permits(user, "publishMeasures"));
    model.addAttribute(
        "rollen",
        Arrays.stream(MeasureRole.values())
            .map(r -> new RoleView(r.name(), r.label(), "veld-" + r.name(), text.get(r), List.of()))
            .toList());
    model.addAttribute("fouten", errors);
    List<Problem> problems = new ArrayList<>();
    errors.forEach(
        (role, message) ->
            problems.add(
                new Problem(
                    "Maatregelen " + MeasureRole.valueOf(role).label(), message, "#veld-" + role)));
    model.addAttribute("foutlijst", problems);
    model.addAttribute("versies", history.stream().map(MeasuresPages::version).toList());
    return "maatregelen";
  }

  private static VersionView version(MeasuresService.Version v) {
    return new VersionView(
        v.measures().version(),
        v.setByName() != null
            ? v.setByName()
            : v.setBy() != null ? v.setBy() : "uit de brondocumenten (eerste versie)",
        v.setAt() == null ? null : Times.format(v.setAt()),
        Arrays.stream(MeasureRole.values())
            .map(r -> new RoleView(r.name(), r.label(), null, null, v.measures().forRole(r)))
            .toList());
  }

  /** One measure per non-empty line. */
  static List<String> lines(String text) {
    return text == null
        ? List.of()
        : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
