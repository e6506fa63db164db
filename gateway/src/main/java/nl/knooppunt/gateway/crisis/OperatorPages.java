package nl.knooppunt.gateway.crisis;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.api.model.Area;
import nl.knooppunt.api.model.AssistanceRequestStart;
import nl.knooppunt.api.model.CrisisStarted;
import nl.knooppunt.api.model.CrisisSummary;
import nl.knooppunt.api.model.ManhuntLocation;
import nl.knooppunt.api.model.ManhuntStart;
import nl.knooppunt.api.model.Municipality;
import nl.knooppunt.api.model.Perpetrators;
import nl.knooppunt.api.model.Region;
import nl.knooppunt.api.model.ThreatLevelProposal;
import nl.knooppunt.gateway.assistance.AssistanceService;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.manhunt.ManhuntService;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.scope.CrisisScope;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.task.FormView;
import nl.knooppunt.gateway.threatlevel.ThreatLevelService;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageForm;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Times;
import nl.knooppunt.gateway.web.World;
import nl.knooppunt.processes.ProcessId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The duty officer's console: start a level-5 proposal (area picker: provinces, regions,
 * municipalities), a manhunt, a bijstand request (LOCC and regions), and the board of active crises
 * with their state, next deadline and who is silent.
 */
@Controller
@Page
@RequestMapping("/operator")
class OperatorPages {

  private final ThreatLevelService threatLevels;
  private final ManhuntService manhunts;
  private final AssistanceService assistance;
  private final DirectoryAdapter directory;
  private final CrisisQueries crisisQueries;
  private final NotificationQueries notices;
  private final CrisisScope scope;

  public OperatorPages(
      ThreatLevelService threatLevels,
      ManhuntService manhunts,
      AssistanceService assistance,
      DirectoryAdapter directory,
      CrisisQueries crisisQueries,
      NotificationQueries notices,
      CrisisScope scope) {
    this.scope = scope;
    this.notices = notices;
    this.crisisQueries = crisisQueries;
    this.threatLevels = threatLevels;
    this.manhunts = manhunts;
    this.assistance = assistance;
    this.directory = directory;
  }

  @GetMapping
  public String console(Model model, HttpSession session) {
    KnooppuntUser user = anyStarter();
    prepare(model, user, session);
    return "operator";
  }

  /** The board of active crises (reloaded live). */
  @GetMapping("/bord")
  public String board(Model model, HttpSession session) {
    PageModel.require("listCrises");
    model.addAttribute("bord", board(World.exercise(session)));
    return "operator :: bord";
  }

  @PostMapping("/dreigingsniveau")
  public String submitLevelFiveProposal(
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpSession session,
      HttpServletResponse response) {
    KnooppuntUser user = PageModel.require("startThreatLevelProposal");
    PageForm form = new PageForm(params.toSingleValueMap());
    String kind = params.getFirst("soort");
    List<String> codes =
        switch (kind == null ? "" : kind) {
          case "PROVINCIE" -> params.getOrDefault("provincie", List.of());
          case "VEILIGHEIDSREGIO" -> params.getOrDefault("regio", List.of());
          case "GEMEENTE" -> params.getOrDefault("gemeente", List.of());
          default -> {
            form.error("soort", "Kies provincies, veiligheidsregio's of gemeenten.");
            yield List.of();
          }
        };
    if (kind != null && codes.isEmpty()) {
      form.error("gebied", "Kies ten minste één gebied.");
    }
    model.addAttribute("gekozen", new java.util.HashSet<>(codes));
    String reason = form.text("reden", 4000);
    OffsetDateTime end = form.time("eindtijd");
    if (end != null && end.isBefore(OffsetDateTime.now())) {
      form.error("eindtijd", "De eindtijd ligt in het verleden.");
    }
    if (!form.valid()) {
      return invalid(model, user, session, response, "dn5", form);
    }
    List<CrisisSummary> overlapping =
        kind == null
            ? List.of()
            : openLevelFiveCrises(directory.regionsOf(kind, codes), World.exercise(session));
    if (!overlapping.isEmpty() && !form.checked("ookAlsErAlEenIs")) {
      model.addAttribute("overlap", overlapping);
      form.error(
          "overlap",
          "Voor (een deel van) dit gebied loopt al een procedure dreigingsniveau 5. Gebruik die,"
              + " of kies hieronder om toch een nieuw voorstel in te dienen.");
      return invalid(model, user, session, response, "dn5", form);
    }
    String name = areaName(kind, codes);
    ThreatLevelProposal body =
        new ThreatLevelProposal(
                new Area(Area.KindEnum.fromValue(kind), codes).name(name), reason, end)
            .afterAttack(form.checked("naAanslag"))
            .exercise(World.exercise(session));
    try {
      CrisisStarted started = threatLevels.startProposal(body);
      return "redirect:/crises/" + started.getCrisisId();
    } catch (Problems.Invalid e) {
      form.take(e, f -> f.startsWith("area") ? "gebied" : "formulier");
      return invalid(model, user, session, response, "dn5", form);
    }
  }

  /**
   * Open level-5 crises of this world that touch one of the regions: all of them, whoever asks (a
   * check before a start, not a read).
   */
  private List<CrisisSummary> openLevelFiveCrises(List<String> regions, boolean exercise) {
    return crisisQueries
        .crises(
            nl.knooppunt.gateway.scope.ReadScope.ALL,
            nl.knooppunt.api.model.CrisisType.DREIGINGSNIVEAU_5,
            false,
            null,
            exercise,
            0,
            200)
        .getItems()
        .stream()
        .filter(c -> c.getRegions().stream().anyMatch(regions::contains))
        .toList();
  }

  @PostMapping("/manhunt")
  public String submitManhunt(
      @RequestParam Map<String, String> params,
      Model model,
      HttpSession session,
      HttpServletResponse response) {
    KnooppuntUser user = PageModel.require("startManhunt");
    PageForm form = new PageForm(params);
    String municipality = form.text("mhGemeente", 8);
    String vr =
        municipality == null ? null : directory.regionOfMunicipality(municipality).orElse(null);
    if (municipality != null && vr == null) {
      form.error("mhGemeente", "Kies een gemeente uit de lijst.");
    }
    String place = form.text("mhPlaats", 500);
    OffsetDateTime time = form.time("mhTijdstip");
    if (time != null && time.isAfter(OffsetDateTime.now().plusMinutes(5))) {
      form.error("mhTijdstip", "Het tijdstip van de aanslag ligt in de toekomst.");
    }
    String description = form.optional("mhSignalement", 2000);
    Integer count =
        params.getOrDefault("mhAantal", "").isBlank() ? null : form.number("mhAantal", 1, 100);
    if (!form.valid()) {
      return invalid(model, user, session, response, "manhunt", form);
    }
    ManhuntStart body =
        new ManhuntStart(
                new ManhuntLocation(place, vr).municipalityCode(municipality),
                time,
                new Perpetrators(form.checked("mhBekend")).count(count).description(description),
                form.checked("mhTerroristisch"))
            .exercise(World.exercise(session));
    try {
      CrisisStarted started = manhunts.start(body);
      return "redirect:/crises/" + started.getCrisisId();
    } catch (Problems.Invalid e) {
      form.take(
          e,
          f ->
              f.contains("vrCode") || f.contains("municipality")
                  ? "mhGemeente"
                  : f.equals("time") ? "mhTijdstip" : "formulier");
      return invalid(model, user, session, response, "manhunt", form);
    }
  }

  @PostMapping("/bijstand")
  public String submitAssistanceRequest(
      @RequestParam Map<String, String> params,
      Model model,
      HttpSession session,
      HttpServletResponse response) {
    KnooppuntUser user = PageModel.require("startAssistanceRequest");
    PageForm form = new PageForm(params);
    String region = user.vrCode() != null ? user.vrCode() : form.text("bsRegio", 8);
    String capacity = form.text("bsCapaciteit", 40);
    Integer amount = form.number("bsAantal", 1, 10000);
    String place = form.text("bsLocatie", 500);
    OffsetDateTime from = form.time("bsVanaf");
    Integer hours = form.number("bsUren", 1, 720);
    String basis = form.text("bsGrondslag", 40);
    String linked = params.getOrDefault("bsGekoppeld", "").strip();
    if (!form.valid()) {
      return invalid(model, user, session, response, "bijstand", form);
    }
    try {
      AssistanceRequestStart body =
          new AssistanceRequestStart(
                  region,
                  AssistanceRequestStart.CapacityEnum.fromValue(capacity),
                  amount,
                  place,
                  from,
                  "PT" + hours + "H",
                  AssistanceRequestStart.LegalBasisEnum.fromValue(basis))
              .linkedCrisisId(linked.isEmpty() ? null : linked)
              .exercise(World.exercise(session));
      CrisisStarted started = assistance.start(body);
      return "redirect:/crises/" + started.getCrisisId();
    } catch (IllegalArgumentException e) {
      form.error("bsCapaciteit", "Kies een soort capaciteit en een grondslag uit de lijst.");
    } catch (Problems.Invalid e) {
      form.take(
          e,
          f ->
              f.contains("requestingRegion")
                  ? "bsRegio"
                  : f.contains("linkedCrisisId") ? "bsGekoppeld" : "formulier");
    } catch (Problems.Conflict e) {
      form.error("bsGekoppeld", e.getMessage());
    }
    return invalid(model, user, session, response, "bijstand", form);
  }

  private String invalid(
      Model model,
      KnooppuntUser user,
      HttpSession session,
      HttpServletResponse response,
      String which,
      PageForm form) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    prepare(model, user, session);
    model.addAttribute("actief", which);
    model.addAttribute("invoer", form.values());
    model.addAttribute("fouten", form.errors());
    model.addAttribute("foutlijst", problems(form.errors()));
    return "operator";
  }

  /** The words of the start forms' fields, for the error summary. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("soort", "Soort gebied"),
          Map.entry("gebied", "Gebied"),
          Map.entry("reden", "Reden"),
          Map.entry("eindtijd", "Voorgestelde eindtijd"),
          Map.entry("mhGemeente", "Gemeente van de aanslag"),
          Map.entry("mhPlaats", "Plek van de aanslag"),
          Map.entry("mhTijdstip", "Tijdstip van de aanslag"),
          Map.entry("mhAantal", "Aantal daders"),
          Map.entry("mhSignalement", "Signalement"),
          Map.entry("bsRegio", "Aanvragende regio"),
          Map.entry("bsCapaciteit", "Soort capaciteit"),
          Map.entry("bsAantal", "Aantal eenheden"),
          Map.entry("bsLocatie", "Plaats van inzet"),
          Map.entry("bsVanaf", "Vanaf"),
          Map.entry("bsUren", "Duur in uren"),
          Map.entry("bsGrondslag", "Wettelijke grondslag"),
          Map.entry("bsGekoppeld", "Voor crisis"));

  /**
   * The error summary: each field error with the field's name, linking to the field (the area's
   * errors to the first choice of kind); errors of the whole form have no field to link to.
   */
  static List<FormView.Problem> problems(Map<String, String> errors) {
    List<FormView.Problem> out = new java.util.ArrayList<>();
    errors.forEach(
        (field, message) -> {
          if (LABELS.containsKey(field)) {
            String href =
                field.equals("soort") || field.equals("gebied")
                    ? "#soort-PROVINCIE"
                    : "#veld-" + field;
            out.add(new FormView.Problem(LABELS.get(field), message, href));
          }
        });
    return out;
  }

  private static KnooppuntUser anyStarter() {
    KnooppuntUser user = CurrentUsers.current();
    if (!PageModel.startsProcesses(user)) {
      throw new AccessDeniedException("Rol " + user.roles() + " start geen processen.");
    }
    return user;
  }

  private void prepare(Model model, KnooppuntUser user, HttpSession session) {
    boolean exercise = World.exercise(session);
    model.addAttribute("kop", heading(user));
    if (!model.containsAttribute("gekozen")) {
      model.addAttribute("gekozen", java.util.Set.of());
    }
    model.addAttribute("kanDn5", AccessPolicy.permits(user, "startThreatLevelProposal"));
    model.addAttribute("kanManhunt", AccessPolicy.permits(user, "startManhunt"));
    model.addAttribute("kanBijstand", AccessPolicy.permits(user, "startAssistanceRequest"));
    List<BoardRow> board = board(exercise);
    model.addAttribute("bord", board);
    // what a request for assistance can serve: the open level-5s and manhunts of this world
    model.addAttribute(
        "dreigingen",
        board.stream()
            .map(BoardRow::crisis)
            .filter(
                c ->
                    ProcessId.DREIGINGSNIVEAU_5.id().equals(c.getProcess().getValue())
                        || ProcessId.MANHUNT.id().equals(c.getProcess().getValue()))
            .toList());
    model.addAttribute("provincies", DirectoryAdapter.PROVINCE_CODES);
    List<Region> regions = directory.regions();
    model.addAttribute("regios", regions);
    Map<String, List<Municipality>> byRegion = new LinkedHashMap<>();
    for (Municipality m : directory.municipalities(null, null)) {
      byRegion.computeIfAbsent(m.getVrCode(), k -> new ArrayList<>()).add(m);
    }
    model.addAttribute("gemeentenPerRegio", byRegion);
    Map<String, String> regionNames = new LinkedHashMap<>();
    regions.forEach(r -> regionNames.put(r.getCode(), r.getName()));
    model.addAttribute("regioNamen", regionNames);
    if (!model.containsAttribute("invoer")) {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      model.addAttribute(
          "invoer",
          Map.of(
              "eindtijd", Times.inputValue(now.plusHours(24)),
              "mhTijdstip", Times.inputValue(now),
              "bsVanaf", Times.inputValue(now.plusHours(1)),
              "bsUren", "12",
              "bsAantal", "1"));
      model.addAttribute("fouten", Map.of());
      model.addAttribute("foutlijst", List.of());
    }
  }

  /** The heading of the start page: the role that works here. */
  static String heading(KnooppuntUser user) {
    if (user.has(nl.knooppunt.gateway.security.Rol.LANDELIJK_OPERATOR)) {
      return "Landelijk operator";
    }
    if (user.has(nl.knooppunt.gateway.security.Rol.HOOFD_LOCC)) {
      return "Hoofd LOCC";
    }
    if (user.has(nl.knooppunt.gateway.security.Rol.LOCC_OFFICIER)) {
      return "LOCC";
    }
    return "Bijstand aanvragen";
  }

  /**
   * One row of the board: the crisis and who is silent (the first few names; the count says how
   * many in all).
   */
  public record BoardRow(CrisisSummary crisis, List<String> silent) {
    static final int NAMES = 3;

    /** The phase in words. */
    public String phase() {
      return nl.knooppunt.processes.Labels.phase(crisis.getStatus());
    }

    /** Whether a step of the crisis stands still. */
    public boolean stuck() {
      return crisis.getStuckSteps() != null && crisis.getStuckSteps() > 0;
    }

    /** How many silent recipients are not named. */
    public int unnamed() {
      return Math.max(0, crisis.getSilentRecipients() - silent.size());
    }
  }

  private List<BoardRow> board(boolean exercise) {
    List<CrisisSummary> crises =
        crisisQueries.crises(scope.current(), null, false, null, exercise, 0, 100).getItems();
    Map<String, List<String>> silent =
        notices.silentRecipientNames(
            crises.stream()
                .filter(c -> c.getSilentRecipients() > 0)
                .map(CrisisSummary::getCrisisId)
                .toList(),
            BoardRow.NAMES);
    return crises.stream()
        .map(c -> new BoardRow(c, silent.getOrDefault(c.getCrisisId(), List.of())))
        .toList();
  }

  private String areaName(String kind, List<String> codes) {
    List<String> names = new ArrayList<>();
    for (String code : codes) {
      names.add(
          switch (kind) {
            case "PROVINCIE" -> DirectoryAdapter.PROVINCE_CODES.getOrDefault(code, code);
            case "VEILIGHEIDSREGIO" -> directory.regionName(code).orElse(code);
            default -> directory.municipalityName(code).orElse(code);
          });
    }
    String prefix =
        switch (kind) {
          case "PROVINCIE" -> codes.size() == 1 ? "provincie " : "provincies ";
          case "VEILIGHEIDSREGIO" -> codes.size() == 1 ? "veiligheidsregio " : "regio's ";
          default -> codes.size() == 1 ? "gemeente " : "gemeenten ";
        };
    String joined = prefix + String.join(", ", names);
    return joined.length() > 200 ? joined.substring(0, 197) + "..." : joined;
  }
}
