package nl.knooppunt.gateway.learning;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.ChartBars;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /uniformiteit}: the regions compared step by step, as a heat map (colour plus the number
 * and a word, never colour alone), a table per step as the text alternative, and a CSV export.
 * National readers see the 25 regions; a region its own row beside the national median.
 */
@Controller
@Page
class UniformityPages {

  /** One cell as the page shows it. */
  public record CellView(
      String median,
      String p90,
      String share,
      String grade,
      String gradeWord,
      long count,
      long silences,
      long deviations,
      List<String> reasons,
      String summary) {}

  /** One row: a region (or the national figures) with a cell per step. */
  public record Row(String code, String name, boolean national, List<CellView> cells) {}

  private final Uniformity uniformity;
  private final DirectoryAdapter directory;

  UniformityPages(Uniformity uniformity, DirectoryAdapter directory) {
    this.uniformity = uniformity;
    this.directory = directory;
  }

  /** The period and world of the page: the last year of real crises unless chosen otherwise. */
  record Period(boolean exercise, LocalDate from, LocalDate to) {}

  static Period period(String soort, String van, String tot) {
    LocalDate today = LocalDate.now(Uniformity.ZONE);
    LocalDate to = date(tot, today);
    LocalDate from = date(van, to.minusYears(1));
    if (from.isAfter(to)) {
      from = to;
    }
    return new Period("oefening".equals(soort), from, to);
  }

  @GetMapping("/uniformiteit")
  public String page(
      @RequestParam(defaultValue = "echt") String soort,
      @RequestParam(defaultValue = "") String van,
      @RequestParam(defaultValue = "") String tot,
      Model model) {
    KnooppuntUser user = PageModel.require("getEvaluationReport");
    Period p = period(soort, van, tot);
    Uniformity.Table table = uniformity.table(p.exercise(), p.from(), p.to());
    List<Row> rows = rows(user, table);
    model.addAttribute("rijen", rows);
    model.addAttribute("grafieken", charts(regions(user), table));
    model.addAttribute("stappen", ProcedureStep.all());
    model.addAttribute("oefening", p.exercise());
    model.addAttribute("soort", p.exercise() ? "oefening" : "echt");
    model.addAttribute("van", p.from().toString());
    model.addAttribute("tot", p.to().toString());
    model.addAttribute("landelijk", AccessPolicy.isNationalReader(user));
    model.addAttribute(
        "csv",
        "/uniformiteit.csv?soort="
            + (p.exercise() ? "oefening" : "echt")
            + "&van="
            + p.from()
            + "&tot="
            + p.to());
    return "uniformiteit";
  }

  @GetMapping("/uniformiteit.csv")
  public void csv(
      @RequestParam(defaultValue = "echt") String soort,
      @RequestParam(defaultValue = "") String van,
      @RequestParam(defaultValue = "") String tot,
      HttpServletResponse response)
      throws IOException {
    KnooppuntUser user = PageModel.require("getEvaluationReport");
    Period p = period(soort, van, tot);
    Uniformity.Table table = uniformity.table(p.exercise(), p.from(), p.to());
    StringBuilder csv =
        new StringBuilder(
            "regio;naam;stap;aantal;mediaan_seconden;p90_seconden;aandeel_binnen_norm;"
                + "stilzwijgen;afwijkingen;redenen\n");
    for (Region r : regions(user)) {
      lines(csv, r.getCode(), r.getName(), table);
    }
    lines(csv, Uniformity.NATIONAL, "Landelijk", table);
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"uniformiteit-"
            + (p.exercise() ? "oefening" : "echt")
            + "-"
            + p.from()
            + "-"
            + p.to()
            + ".csv\"");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static void lines(StringBuilder csv, String code, String name, Uniformity.Table t) {
    for (ProcedureStep step : ProcedureStep.all()) {
      Uniformity.Cell c = t.cell(code, step);
      csv.append(code)
          .append(';')
          .append(field(name))
          .append(';')
          .append(step.name())
          .append(';')
          .append(c == null ? 0 : c.count())
          .append(';')
          .append(c == null || c.medianSeconds() == null ? "" : Math.round(c.medianSeconds()))
          .append(';')
          .append(c == null || c.p90Seconds() == null ? "" : Math.round(c.p90Seconds()))
          .append(';')
          .append(
              c == null || c.withinNorm() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.2f", c.withinNorm()))
          .append(';')
          .append(c == null ? 0 : c.silences())
          .append(';')
          .append(c == null ? 0 : c.deviations())
          .append(';')
          .append(c == null ? "" : field(String.join(" | ", c.reasons())))
          .append('\n');
    }
  }

  /** A CSV field: quoted when it holds a separator, quote or line break; no formula start. */
  static String field(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** The regions the user sees rows of: all for national readers, a region only its own. */
  private List<Region> regions(KnooppuntUser user) {
    List<Region> all = directory.regions();
    if (AccessPolicy.isNationalReader(user)) {
      return all;
    }
    return all.stream().filter(r -> r.getCode().equals(user.vrCode())).toList();
  }

  private List<Row> rows(KnooppuntUser user, Uniformity.Table table) {
    List<Row> rows = new ArrayList<>();
    for (Region r : regions(user)) {
      rows.add(row(r.getCode(), r.getName(), false, table));
    }
    rows.add(row(Uniformity.NATIONAL, "Landelijk (alle regio's)", true, table));
    return rows;
  }

  private static Row row(String code, String name, boolean national, Uniformity.Table table) {
    List<CellView> cells = new ArrayList<>();
    for (ProcedureStep step : ProcedureStep.all()) {
      cells.add(view(table.cell(code, step)));
    }
    return new Row(code, name, national, cells);
  }

  // --- a small chart per step: the median per region as a bar, the national median as a line

  /** Where the bars start (after the region names) and how wide they may grow, in SVG units. */
  static final int LABEL_WIDTH = 200;

  static final int BAR_WIDTH = 280;
  static final int ROW_HEIGHT = 20;
  static final int CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + 130;

  /** One bar: the region, its place, its length, the number and word beside it, its colour. */
  public record ChartBar(String label, int y, int width, String value, String grade) {
    public int textY() {
      return y + 14;
    }

    public int valueX() {
      return LABEL_WIDTH + width + 6;
    }
  }

  /**
   * The chart of one step: bars of the regions with a median, the national median as a dashed line
   * ({@code nationalX} null when there is none). The list of the step under it is its text.
   */
  public record StepChart(
      String step,
      String label,
      int width,
      int height,
      List<ChartBar> bars,
      Integer nationalX,
      String nationalText) {
    public int labelWidth() {
      return LABEL_WIDTH;
    }
  }

  static List<StepChart> charts(List<Region> regions, Uniformity.Table table) {
    List<StepChart> charts = new ArrayList<>();
    for (ProcedureStep step : ProcedureStep.all()) {
      Uniformity.Cell national = table.cell(Uniformity.NATIONAL, step);
      Double nationalMedian = national == null ? null : national.medianSeconds();
      double max = nationalMedian == null ? 0 : nationalMedian;
      List<Region> measured = new ArrayList<>();
      for (Region r : regions) {
        Uniformity.Cell c = table.cell(r.getCode(), step);
        if (c != null && c.medianSeconds() != null) {
          measured.add(r);
          max = Math.max(max, c.medianSeconds());
        }
      }
      List<ChartBar> bars = new ArrayList<>();
      int y = 4;
      for (Region r : measured) {
        Uniformity.Cell c = table.cell(r.getCode(), step);
        CellView v = view(c);
        int w = max <= 0 ? 0 : (int) Math.round(BAR_WIDTH * c.medianSeconds() / max);
        bars.add(
            new ChartBar(
                r.getName(),
                y,
                Math.max(c.medianSeconds() > 0 ? 1 : 0, w),
                v.median() + " · " + v.gradeWord(),
                v.grade()));
        y += ROW_HEIGHT;
      }
      Integer nationalX =
          nationalMedian == null || max <= 0
              ? null
              : LABEL_WIDTH + (int) Math.round(BAR_WIDTH * nationalMedian / max);
      charts.add(
          new StepChart(
              step.name(),
              step.label(),
              CHART_WIDTH,
              Math.max(y, 24) + 22,
              bars,
              nationalX,
              nationalMedian == null
                  ? "geen landelijke mediaan"
                  : "landelijke mediaan " + seconds(nationalMedian)));
    }
    return charts;
  }

  static CellView view(Uniformity.Cell c) {
    if (c == null || c.count() == 0) {
      return new CellView("", "", "", "leeg", "geen gegevens", 0, 0, 0, List.of(), "geen gegevens");
    }
    String median = seconds(c.medianSeconds());
    String p90 = seconds(c.p90Seconds());
    String share =
        c.withinNorm() == null ? "" : Math.round(c.withinNorm() * 100) + "% binnen de norm";
    String grade;
    String word;
    if (c.withinNorm() == null) {
      grade = "leeg";
      // nothing measured yet: every one still open within its time, or without a norm
      word = c.medianSeconds() == null ? "nog open" : "geen norm";
    } else if (c.withinNorm() >= 0.9) {
      grade = "goed";
      word = "goed";
    } else if (c.withinNorm() >= 0.7) {
      grade = "matig";
      word = "matig";
    } else {
      grade = "slecht";
      word = "zwak";
    }
    String summary =
        c.count()
            + " keer, mediaan "
            + (median.isEmpty() ? "-" : median)
            + ", p90 "
            + (p90.isEmpty() ? "-" : p90)
            + (share.isEmpty() ? "" : ", " + share)
            + ", "
            + c.silences()
            + " keer stilzwijgen"
            + (c.deviations() > 0 ? ", " + c.deviations() + " afwijkingen van het advies" : "");
    return new CellView(
        median,
        p90,
        share,
        grade,
        word,
        c.count(),
        c.silences(),
        c.deviations(),
        c.reasons(),
        summary);
  }

  private static String seconds(Double s) {
    return s == null ? "" : ChartBars.duration(Math.round(s));
  }

  private static LocalDate date(String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }
}
