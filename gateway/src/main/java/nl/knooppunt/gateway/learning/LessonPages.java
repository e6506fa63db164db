package nl.knooppunt.gateway.learning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.ChartBars;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /lessen}: every lesson of every crisis and exercise, searched in Dutch, filtered by step,
 * region, type and period. Who reads evaluations reads lessons: a region those of its own crises
 * and those marked shared ({@link LessonSearch}).
 */
@Controller
@Page
class LessonPages {

  /** The crisis types to filter on: process id and Dutch name. */
  static final Map<String, String> TYPES =
      Map.of(
          "dreigingsniveau-5", "Dreigingsniveau 5",
          "manhunt", "Manhunt",
          "bijstandsaanvraag", "Bijstandsaanvraag");

  /** One lesson as the page shows it. */
  public record Line(
      String crisisId,
      String crisisTitle,
      String type,
      boolean exercise,
      String lesson,
      String finding,
      String action,
      String step,
      List<String> tags,
      boolean shared,
      String regions,
      String recorded,
      String recordedIso,
      String highlight) {}

  /** A choice of a filter: value and label. */
  public record Choice(String value, String label) {}

  private final LessonSearch lessons;
  private final DirectoryAdapter directory;

  LessonPages(LessonSearch lessons, DirectoryAdapter directory) {
    this.lessons = lessons;
    this.directory = directory;
  }

  @GetMapping("/lessen")
  public String lessons(
      @RequestParam(defaultValue = "") String zoek,
      @RequestParam(defaultValue = "") String stap,
      @RequestParam(defaultValue = "") String regio,
      @RequestParam(defaultValue = "") String soort,
      @RequestParam(defaultValue = "") String van,
      @RequestParam(defaultValue = "") String tot,
      Model model) {
    KnooppuntUser user = PageModel.require("getEvaluationReport");
    String step = ProcedureStep.known(stap) ? stap : "";
    String region = directory.regionExists(regio) ? regio : "";
    String process = "";
    Boolean exercise = null;
    if (soort.equals("echt") || soort.equals("oefening")) {
      exercise = soort.equals("oefening");
    } else if (TYPES.containsKey(soort)) {
      process = soort;
    }
    LocalDate from = date(van);
    LocalDate to = date(tot);
    List<Line> found =
        lessons
            .search(
                user,
                new LessonSearch.Filter(
                    zoek.isBlank() ? null : zoek, step, region, process, exercise, from, to))
            .stream()
            .map(this::line)
            .toList();
    model.addAttribute("lessen", found);
    model.addAttribute("zoek", zoek);
    model.addAttribute("gekozenStap", step);
    model.addAttribute("gekozenRegio", region);
    model.addAttribute("gekozenSoort", soort);
    model.addAttribute("van", from == null ? "" : from.toString());
    model.addAttribute("tot", to == null ? "" : to.toString());
    model.addAttribute("stappen", ProcedureStep.all());
    model.addAttribute(
        "regios",
        directory.regions().stream()
            .map(r -> new Choice(r.getCode(), r.getName() + " (" + r.getCode() + ")"))
            .toList());
    model.addAttribute(
        "soorten",
        List.of(
            new Choice("echt", "Echte crises"),
            new Choice("oefening", "Oefeningen"),
            new Choice("dreigingsniveau-5", TYPES.get("dreigingsniveau-5")),
            new Choice("manhunt", TYPES.get("manhunt")),
            new Choice("bijstandsaanvraag", TYPES.get("bijstandsaanvraag"))));
    model.addAttribute(
        "landelijk", nl.knooppunt.gateway.security.AccessPolicy.isNationalReader(user));
    return "lessen";
  }

  Line line(LessonSearch.Lesson l) {
    return new Line(
        l.crisisId(),
        l.crisisTitle() == null ? l.crisisId() : l.crisisTitle(),
        l.process() == null ? "" : TYPES.getOrDefault(l.process(), l.process()),
        l.exercise(),
        l.lesson(),
        l.finding(),
        l.action(),
        l.step() == null ? null : ProcedureStep.label(l.step()),
        l.tags(),
        l.shared(),
        String.join(
            ", ",
            l.regions().stream()
                .map(vr -> directory.regionName(vr).orElse(vr) + " (" + vr + ")")
                .toList()),
        ChartBars.time(l.recordedAt()),
        l.recordedAt() == null ? "" : l.recordedAt().toString(),
        l.highlight());
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
