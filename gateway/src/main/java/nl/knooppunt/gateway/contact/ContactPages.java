package nl.knooppunt.gateway.contact;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.directory.Contact;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Times;
import org.springframework.beans.factory.annotation.Value;
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
 * The contact register's pages (docs/adr/0035): {@code /contacten} lists the authorities the user
 * maintains (the beheerder all, grouped by region and filtered; a region its own), with CSV export
 * and import; an authority's page shows its chain in calling order, its audit trail and its
 * reachability tests; a person is added or changed on a page of its own. Everything goes through
 * {@link ContactRegister} and {@link ReachabilityTests}.
 */
@Controller
@Page
@RequestMapping("/contacten")
class ContactPages {

  /** The label of a chain that is not in the register but comes from the demo contact book. */
  static final String DEMO_LABEL = "demo-contacten uit de adresgids";

  private final ContactRegister register;
  private final ReachabilityTests tests;
  private final DirectoryAdapter directory;
  private final boolean demoAllowed;

  ContactPages(
      ContactRegister register,
      ReachabilityTests tests,
      DirectoryAdapter directory,
      @Value("${" + ContactSettings.DEMO_ALLOWED + ":true}") boolean demoAllowed) {
    this.register = register;
    this.tests = tests;
    this.directory = directory;
    this.demoAllowed = demoAllowed;
  }

  /** One authority in the overview. */
  public record Row(
      String code, String name, String role, String status, boolean inRegister, boolean demo) {}

  /** One region's authorities. */
  public record Group(String code, String name, List<Row> rows) {}

  /** One person on the authority's page. */
  public record PersonView(
      int place,
      int order,
      String position,
      String name,
      String function,
      List<String> channels,
      List<String> piket,
      boolean demo) {}

  /** One line of the error summary. */
  public record Problem(String label, String message, String href) {}

  /** One line of the audit trail. */
  public record AuditView(String when, String who, String source, String what, Integer version) {}

  /** One person's result in a reachability test. */
  public record ResultView(
      int order, String name, String function, List<String> sent, boolean confirmed, String when) {}

  /** A test in the list. */
  public record TestView(String reference, String startedAt, String startedBy, boolean ended) {}

  static final Map<String, String> LABELS =
      Map.of(
          "volgorde", "Plaats in de belketen",
          "positie", "Positie",
          "naam", "Naam",
          "functie", "Functie",
          "email", "E-mailadres",
          "sms", "Mobiel nummer voor sms",
          "telefoon", "Telefoonnummer",
          "piket", "Piket");

  @GetMapping
  public String overview(
      @RequestParam(name = "regio", required = false) String region,
      @RequestParam(name = "rol", required = false) String role,
      @RequestParam(name = "zoek", required = false) String search,
      Model model) {
    KnooppuntUser user = CurrentUsers.current();
    ContactScope.requireRegister(user);
    Map<String, int[]> inRegister = register.summary();
    String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    Map<String, List<Row>> byRegion = new TreeMap<>();
    for (Authority a : directory.authorities()) {
      if (!ContactScope.mayManage(user, a, directory)) {
        continue;
      }
      String vr = ContactScope.regionOf(a, directory);
      if (region != null && !region.isBlank() && !region.equals(vr == null ? "NL" : vr)) {
        continue;
      }
      if (role != null && !role.isBlank() && !a.role().name().equals(role)) {
        continue;
      }
      if (!q.isEmpty()
          && !a.name().toLowerCase(Locale.ROOT).contains(q)
          && !a.code().toLowerCase(Locale.ROOT).contains(q)) {
        continue;
      }
      int[] r = inRegister.get(a.code());
      String status;
      boolean demo;
      if (r != null && r[1] > 0) {
        status = "register, versie " + r[0] + ", " + r[1] + (r[1] == 1 ? " persoon" : " personen");
        demo = r[2] > 0;
      } else if (demoAllowed) {
        status = DEMO_LABEL;
        demo = true;
      } else {
        status = "geen contacten in het register";
        demo = false;
      }
      byRegion
          .computeIfAbsent(vr == null ? "NL" : vr, k -> new ArrayList<>())
          .add(new Row(a.code(), a.name(), a.role().title(), status, r != null && r[1] > 0, demo));
    }
    List<Group> groups = new ArrayList<>();
    byRegion.forEach(
        (vr, rows) ->
            groups.add(
                new Group(
                    vr,
                    "NL".equals(vr)
                        ? "Landelijk en overige"
                        : directory.regionName(vr).orElse(vr) + " (" + vr + ")",
                    rows.stream().sorted(Comparator.comparing(Row::name)).toList())));
    model.addAttribute("groepen", groups);
    model.addAttribute("aantal", groups.stream().mapToInt(g -> g.rows().size()).sum());
    model.addAttribute("beheerder", user.has(nl.knooppunt.gateway.security.Rol.BEHEERDER));
    model.addAttribute("regios", regionChoices());
    model.addAttribute("rollen", roleChoices());
    model.addAttribute("regio", region == null ? "" : region);
    model.addAttribute("rol", role == null ? "" : role);
    model.addAttribute("zoek", search == null ? "" : search);
    model.addAttribute("importFouten", List.of());
    return "contacten";
  }

  @GetMapping("/export.csv")
  public void export(HttpServletResponse response) throws IOException {
    KnooppuntUser user = CurrentUsers.current();
    ContactScope.requireRegister(user);
    List<ContactRegister.Chain> chains =
        register.chains().values().stream()
            .filter(
                c ->
                    directory
                        .authority(c.authorityCode())
                        .map(a -> ContactScope.mayManage(user, a, directory))
                        .orElse(false))
            .toList();
    byte[] csv = ContactCsv.write(chains).getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"contactregister.csv\"");
    response.setContentLength(csv.length);
    response.getOutputStream().write(csv);
  }

  @PostMapping("/import")
  public String importCsv(
      @RequestParam(name = "bestand", required = false) MultipartFile file,
      @RequestParam(name = "inhoud", required = false) String pasted,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash)
      throws IOException {
    KnooppuntUser user = CurrentUsers.current();
    ContactScope.requireRegister(user);
    String text =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), StandardCharsets.UTF_8)
            : pasted == null ? "" : pasted;
    ContactCsv.Read read =
        ContactCsv.read(
            text,
            code -> directory.authority(code).isPresent(),
            code ->
                directory
                    .authority(code)
                    .map(a -> ContactScope.mayManage(user, a, directory))
                    .orElse(false));
    if (!read.problems().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      overview(null, null, null, model);
      model.addAttribute(
          "importFouten", read.problems().stream().map(ContactCsv.Problem::text).toList());
      return "contacten";
    }
    List<String> changed = register.replaceAll(read.chains(), ContactRegister.Source.CSV);
    flash.addFlashAttribute(
        "melding",
        changed.isEmpty()
            ? "De import is gelezen; geen keten veranderde."
            : "De import is verwerkt: "
                + changed.size()
                + (changed.size() == 1 ? " keten" : " ketens")
                + " gewijzigd ("
                + String.join(", ", changed)
                + ").");
    return "redirect:/contacten";
  }

  @GetMapping("/autoriteit/{code}")
  public String authority(@PathVariable String code, Model model) {
    KnooppuntUser user = CurrentUsers.current();
    Authority a = managed(user, code);
    ContactRegister.Chain chain = register.chain(code).orElse(null);
    boolean inRegister = chain != null && !chain.people().isEmpty();
    List<PersonView> people = new ArrayList<>();
    if (chain != null) {
      for (int i = 0; i < chain.people().size(); i++) {
        people.add(view(i, chain.people().get(i)));
      }
    }
    List<PersonView> demo = new ArrayList<>();
    if (!inRegister && demoAllowed) {
      for (ChainContact c : directory.demoChain(code)) {
        demo.add(
            new PersonView(
                -1,
                c.order(),
                position(c.position()),
                c.name(),
                c.function(),
                c.channels().stream().map(ContactPages::channel).toList(),
                List.of(),
                true));
      }
    }
    model.addAttribute("autoriteit", a);
    model.addAttribute("ketenVersie", chain == null ? 0 : chain.version());
    model.addAttribute("personen", people);
    model.addAttribute("demoKeten", demo);
    model.addAttribute("demoLabel", DEMO_LABEL);
    model.addAttribute("gewijzigd", chain == null ? null : Times.format(chain.changedAt()));
    model.addAttribute("gewijzigdDoor", chain == null ? null : chain.changedBy());
    model.addAttribute(
        "audit",
        register.audit(code).stream()
            .map(
                e ->
                    new AuditView(
                        Times.format(e.changedAt()),
                        e.changedByName() != null ? e.changedByName() : e.changedBy(),
                        source(e.source()),
                        e.summary(),
                        e.version()))
            .toList());
    model.addAttribute(
        "testen",
        tests.of(code).stream()
            .map(
                t ->
                    new TestView(
                        t.reference(),
                        Times.format(t.startedAt()),
                        t.startedBy(),
                        t.endedAt() != null))
            .toList());
    model.addAttribute("testMogelijk", inRegister);
    return "contacten-autoriteit";
  }

  @GetMapping("/autoriteit/{code}/personen/nieuw")
  public String newPerson(@PathVariable String code, Model model) {
    KnooppuntUser user = CurrentUsers.current();
    Authority a = managed(user, code);
    ContactRegister.Chain chain = register.chain(code).orElse(null);
    int next =
        chain == null
            ? 1
            : chain.people().stream().mapToInt(ContactPerson::order).max().orElse(0) + 1;
    ContactInput empty = new ContactInput(String.valueOf(next), "", "", "", "", "", "", "");
    return personForm(model, a, chain == null ? 0 : chain.version(), -1, empty, Map.of());
  }

  @GetMapping("/autoriteit/{code}/personen/{place}")
  public String person(@PathVariable String code, @PathVariable int place, Model model) {
    KnooppuntUser user = CurrentUsers.current();
    Authority a = managed(user, code);
    ContactRegister.Chain chain = register.chain(code).orElseThrow(() -> unknownPerson(a));
    if (place < 0 || place >= chain.people().size()) {
      throw unknownPerson(a);
    }
    return personForm(
        model, a, chain.version(), place, ContactInput.of(chain.people().get(place)), Map.of());
  }

  @PostMapping("/autoriteit/{code}/personen")
  public String savePerson(
      @PathVariable String code,
      @RequestParam Map<String, String> params,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    KnooppuntUser user = CurrentUsers.current();
    Authority a = managed(user, code);
    int basedOn = integer(params.get("basedOnVersion"), 0);
    int place = integer(params.get("plaats"), -1);
    ContactInput input =
        new ContactInput(
            params.get("volgorde"),
            params.get("positie"),
            params.get("naam"),
            params.get("functie"),
            params.get("email"),
            params.get("sms"),
            params.get("telefoon"),
            params.get("piket"));
    List<ContactPerson> people =
        new ArrayList<>(register.chain(code).map(ContactRegister.Chain::people).orElse(List.of()));
    boolean change = place >= 0;
    if (change && place >= people.size()) {
      throw unknownPerson(a);
    }
    ContactInput.Result result = input.validate(change && people.get(place).demo());
    if (!result.valid()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return personForm(model, a, basedOn, place, input, result.errors());
    }
    String summary;
    if (change) {
      ContactPerson before = people.set(place, result.person());
      summary =
          "persoon gewijzigd: "
              + before.name()
              + (before.name().equals(result.person().name())
                  ? ""
                  : " → " + result.person().name());
    } else {
      people.add(result.person());
      summary = "persoon toegevoegd: " + result.person().name();
    }
    try {
      ContactRegister.Chain saved =
          register.replace(code, basedOn, people, ContactRegister.Source.PAGINA, summary);
      flash.addFlashAttribute(
          "melding", "De contactketen is vastgelegd (versie " + saved.version() + ").");
      return "redirect:/contacten/autoriteit/" + code;
    } catch (Problems.Conflict e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("foutmelding", e.getMessage());
      return personForm(model, a, basedOn, place, input, Map.of());
    }
  }

  @PostMapping("/autoriteit/{code}/personen/{place}/verwijderen")
  public String removePerson(
      @PathVariable String code,
      @PathVariable int place,
      @RequestParam(name = "basedOnVersion", defaultValue = "0") int basedOn,
      RedirectAttributes flash) {
    KnooppuntUser user = CurrentUsers.current();
    Authority a = managed(user, code);
    List<ContactPerson> people =
        new ArrayList<>(register.chain(code).map(ContactRegister.Chain::people).orElse(List.of()));
    if (place < 0 || place >= people.size()) {
      throw unknownPerson(a);
    }
    ContactPerson removed = people.remove(place);
    ContactRegister.Chain saved =
        register.replace(
            code,
            basedOn,
            people,
            ContactRegister.Source.PAGINA,
            "persoon verwijderd: " + removed.name());
    flash.addFlashAttribute(
        "melding",
        removed.name() + " is uit de contactketen verwijderd (versie " + saved.version() + ").");
    return "redirect:/contacten/autoriteit/" + code;
  }

  @PostMapping("/autoriteit/{code}/bereikbaarheidstest")
  public String startTest(@PathVariable String code) {
    KnooppuntUser user = CurrentUsers.current();
    managed(user, code);
    ReachabilityTests.Test t = tests.start(code);
    return "redirect:/contacten/bereikbaarheidstest/" + t.reference();
  }

  @GetMapping("/bereikbaarheidstest/{reference}")
  public String test(@PathVariable String reference, Model model) {
    KnooppuntUser user = CurrentUsers.current();
    ContactScope.requireRegister(user);
    ReachabilityTests.Test t =
        tests
            .test(reference)
            .orElseThrow(
                () -> new Problems.NotFound("Bereikbaarheidstest " + reference + " is onbekend."));
    Authority a = managed(user, t.authorityCode());
    List<ResultView> results =
        tests.report(t).stream()
            .map(
                r ->
                    new ResultView(
                        r.person().order(),
                        r.person().name(),
                        r.person().function(),
                        r.sent().stream()
                            .map(
                                s ->
                                    channelName(s.channel())
                                        + " "
                                        + (s.address() == null ? "" : s.address())
                                        + ": "
                                        + status(s.status())
                                        + (s.detail() == null ? "" : " (" + s.detail() + ")"))
                            .toList(),
                        r.confirmed(),
                        r.confirmed() ? Times.format(r.confirmedAt()) : null))
            .toList();
    model.addAttribute("test", t);
    model.addAttribute("autoriteit", a);
    model.addAttribute("gestart", Times.format(t.startedAt()));
    model.addAttribute("beeindigd", t.endedAt() == null ? null : Times.format(t.endedAt()));
    model.addAttribute("resultaten", results);
    model.addAttribute("stil", results.stream().filter(r -> !r.confirmed()).count());
    model.addAttribute(
        "eerder",
        tests.of(a.code()).stream()
            .filter(o -> !o.reference().equals(reference))
            .map(
                o ->
                    new TestView(
                        o.reference(),
                        Times.format(o.startedAt()),
                        o.startedBy(),
                        o.endedAt() != null))
            .toList());
    return "contacten-test";
  }

  @PostMapping("/bereikbaarheidstest/{reference}/beeindigen")
  public String endTest(@PathVariable String reference, RedirectAttributes flash) {
    ContactScope.requireRegister(CurrentUsers.current());
    tests.end(reference);
    flash.addFlashAttribute(
        "melding", "De test is beëindigd; wie nog niet bevestigde, wordt niet meer gebeld.");
    return "redirect:/contacten/bereikbaarheidstest/" + reference;
  }

  private String personForm(
      Model model,
      Authority a,
      int basedOn,
      int place,
      ContactInput input,
      Map<String, String> errors) {
    model.addAttribute("autoriteit", a);
    model.addAttribute("gebaseerdOp", basedOn);
    model.addAttribute("plaats", place);
    model.addAttribute("invoer", input);
    model.addAttribute("fouten", errors);
    List<Problem> problems = new ArrayList<>();
    errors.forEach(
        (field, message) ->
            problems.add(new Problem(LABELS.get(field), message, "#veld-" + field)));
    model.addAttribute("foutlijst", problems);
    model.addAttribute("posities", positionChoices());
    model.addAttribute("maxNaam", ContactInput.MAX_NAME);
    model.addAttribute("maxFunctie", ContactInput.MAX_FUNCTION);
    model.addAttribute("maxEmail", ContactInput.MAX_EMAIL);
    model.addAttribute("maxNummer", ContactInput.MAX_NUMBER);
    model.addAttribute("maxPiket", ContactInput.MAX_PIKET);
    return "contacten-persoon";
  }

  private Authority managed(KnooppuntUser user, String code) {
    ContactScope.requireRegister(user);
    Authority a = register.authority(code);
    ContactScope.require(user, a, directory);
    return a;
  }

  private static Problems.NotFound unknownPerson(Authority a) {
    return new Problems.NotFound(
        "Deze persoon staat niet (meer) in de keten van " + a.name() + ".");
  }

  private static PersonView view(int place, ContactPerson p) {
    List<String> channels = new ArrayList<>();
    if (p.email() != null) {
      channels.add("e-mail " + p.email());
    }
    if (p.sms() != null) {
      channels.add("sms " + p.sms());
    }
    if (p.phone() != null) {
      channels.add("telefoon " + p.phone());
    }
    return new PersonView(
        place,
        p.order(),
        position(p.position()),
        p.name(),
        p.function(),
        channels,
        p.piket().stream()
            .map(
                d ->
                    Times.format(d.from().atOffset(java.time.ZoneOffset.UTC))
                        + " tot "
                        + Times.format(d.until().atOffset(java.time.ZoneOffset.UTC)))
            .toList(),
        p.demo());
  }

  static String position(ChainContact.Position p) {
    return switch (p) {
      case HOUDER -> "houder";
      case PLAATSVERVANGER -> "plaatsvervanger";
      case OFFICIER_VAN_DIENST -> "officier van dienst";
    };
  }

  private static String channel(Contact c) {
    return channelName(c.channel().name()).toLowerCase(Locale.ROOT)
        + " "
        + c.address()
        + (c.demo() ? " (demonummer)" : "");
  }

  private static String channelName(String channel) {
    return switch (channel) {
      case "EMAIL" -> "E-mail";
      case "SMS" -> "Sms";
      case "TELEFOON" -> "Telefoon";
      default -> channel;
    };
  }

  private static String status(String status) {
    return switch (status == null ? "" : status) {
      case "GEACCEPTEERD" -> "afgeleverd";
      case "MISLUKT" -> "mislukt";
      case "ONBESTELBAAR" -> "onbestelbaar";
      default -> status == null ? "" : status.toLowerCase(Locale.ROOT);
    };
  }

  private static String source(String s) {
    try {
      return ContactRegister.Source.valueOf(s).label();
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private Map<String, String> regionChoices() {
    Map<String, String> out = new LinkedHashMap<>();
    directory.regions().forEach(r -> out.put(r.getCode(), r.getName() + " (" + r.getCode() + ")"));
    out.put("NL", "Landelijk en overige");
    return out;
  }

  private static Map<String, String> roleChoices() {
    Map<String, String> out = new LinkedHashMap<>();
    for (nl.knooppunt.directory.AuthorityRole r : nl.knooppunt.directory.AuthorityRole.values()) {
      out.put(r.name(), r.title());
    }
    return out;
  }

  private static Map<String, String> positionChoices() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ChainContact.Position p : ChainContact.Position.values()) {
      out.put(p.name(), position(p));
    }
    return out;
  }

  private static int integer(String s, int otherwise) {
    try {
      return s == null ? otherwise : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
