package nl.knooppunt.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.engine.EngineException;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every page needs (the user, the navigation, the chosen world) and how a page shows an error:
 * a Dutch page with the status, never a stack trace or a JSON problem.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageModel {

  private static final Logger LOG = LoggerFactory.getLogger(PageModel.class);

  /** One item of the navigation bar. */
  public record NavItem(String href, String label) {}

  /** The user, or null on the login page. */
  @ModelAttribute("gebruiker")
  public KnooppuntUser user() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
      return null;
    }
    return CurrentUsers.current();
  }

  private final LiveUpdates live;

  public PageModel(LiveUpdates live) {
    this.live = live;
  }

  /**
   * The read model's version before the page reads anything (model attributes are made before the
   * handler runs): the page's stream compares it with the version when it connects.
   */
  @ModelAttribute("versie")
  public String version() {
    return live.versionToken();
  }

  @ModelAttribute("oefening")
  public boolean exercise(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return World.exercise(session);
  }

  /** The path of the page, to mark the current menu item. */
  @ModelAttribute("pad")
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @ModelAttribute("navigatie")
  public List<NavItem> navigation() {
    KnooppuntUser user = user();
    List<NavItem> items = new ArrayList<>();
    if (user == null) {
      return items;
    }
    if (startsProcesses(user)) {
      items.add(new NavItem("/operator", "Starten"));
    }
    if (AccessPolicy.permits(user, "listTasks")) {
      items.add(new NavItem("/taken", "Taken"));
    }
    if (AccessPolicy.permits(user, "listMyNotifications")) {
      items.add(new NavItem("/meldingen", "Meldingen"));
    }
    if (AccessPolicy.permits(user, "listCrises")) {
      items.add(new NavItem("/crises", "Crises"));
    }
    if (AccessPolicy.permits(user, "getDashboard")) {
      items.add(new NavItem("/dashboard", "Dashboard"));
    }
    if (AccessPolicy.permits(user, "getEvaluationReport")) {
      items.add(new NavItem("/lessen", "Lessen"));
      items.add(new NavItem("/uniformiteit", "Uniformiteit"));
    }
    if (AccessPolicy.readsSentMessages(user)) {

      items.add(new NavItem("/berichten", "Berichten"));
    }
    if (user.has(nl.knooppunt.gateway.security.Rol.OEFENLEIDER)) {
      items.add(new NavItem("/oefeningen", "Oefeningen"));
    }
    if (AccessPolicy.permits(user, "publishMeasures")) {
      items.add(new NavItem("/maatregelen", "Maatregelen"));
    }
    // the contact register: the beheerder, and a region for its own authorities (docs/adr/0035)
    if (user.has(nl.knooppunt.gateway.security.Rol.BEHEERDER)
        || (user.has(nl.knooppunt.gateway.security.Rol.REGIO) && user.vrCode() != null)) {
      items.add(new NavItem("/contacten", "Contacten"));
    }
    // the running processes and their incidents (the beheer page)
    if (user.has(nl.knooppunt.gateway.security.Rol.BEHEERDER)) {
      items.add(new NavItem("/beheer", "Beheer"));
    }
    return items;
  }

  /** The API operations that start a process (the operator console offers them). */
  static final List<String> START_OPERATIONS =
      List.of("startThreatLevelProposal", "startManhunt", "startAssistanceRequest");

  /** Whether the user may start at least one process. */
  public static boolean startsProcesses(KnooppuntUser user) {
    return START_OPERATIONS.stream().anyMatch(op -> AccessPolicy.permits(user, op));
  }

  /** Refuses the page unless the user may perform the API operation it shows. */
  public static KnooppuntUser require(String operationId) {
    KnooppuntUser user = CurrentUsers.current();
    if (!AccessPolicy.permits(user, operationId)) {
      throw new AccessDeniedException("Rol " + user.roles() + " mag " + operationId + " niet.");
    }
    return user;
  }

  @ExceptionHandler(AccessDeniedException.class)
  public String forbidden(
      AccessDeniedException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return error(
        model,
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Geen toegang",
        "Deze pagina of taak is niet voor uw rol of regio.");
  }

  @ExceptionHandler(Problems.ApiException.class)
  public String problem(
      Problems.ApiException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return error(model, request, response, e.status(), e.title(), e.getMessage());
  }

  @ExceptionHandler(EngineException.class)
  public String engine(
      EngineException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    return problem(Problems.of(e), model, request, response);
  }

  @ExceptionHandler(ResponseStatusException.class)
  public String status(
      ResponseStatusException e,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    return error(model, request, response, status, status.getReasonPhrase(), e.getReason());
  }

  /**
   * PostgreSQL is away: the error page with the banner (role alert) and 503, not a white page
   * (docs/adr/0039).
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.dao.TransientDataAccessResourceException.class,
    org.springframework.transaction.CannotCreateTransactionException.class
  })
  public String databaseAway(
      Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
    LOG.warn("The database is unreachable ({}): 503 for {}", e, request.getRequestURI());
    response.setHeader(
        org.springframework.http.HttpHeaders.RETRY_AFTER,
        String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
    return error(
        model,
        request,
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        DatabaseOutage.TITLE,
        DatabaseOutage.BANNER);
  }

  /**
   * The error page. Exception handlers get an empty model, so the page's usual attributes (user,
   * menu, world) are added here.
   */
  private String error(
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail) {
    response.setStatus(status.value());
    model.addAttribute("gebruiker", user());
    model.addAttribute("navigatie", navigation());
    model.addAttribute("pad", path(request));
    model.addAttribute("oefening", exercise(request));
    model.addAttribute("status", status.value());
    model.addAttribute("foutTitel", title);
    model.addAttribute("detail", detail);
    LOG.debug("page error {}: {}", status.value(), detail);
    return "fout";
  }
}
