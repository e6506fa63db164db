package nl.knooppunt.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.EnumSet;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.OidcLogin;
import nl.knooppunt.gateway.security.Rol;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page per role, the login page and the switch between real crises and exercises. */
@Controller
@Page
class HomePage {

  private final boolean oidc;

  /** With an OIDC client registration (profile production) the login page offers that sign-in. */
  public HomePage(ObjectProvider<ClientRegistrationRepository> oidcClients) {
    this.oidc = oidcClients.getIfAvailable() != null;
  }

  /** Sends each user to the page of their work. */
  @GetMapping("/")
  public String home() {
    KnooppuntUser user = CurrentUsers.current();
    if (user.has(Rol.OEFENLEIDER)) {
      return "redirect:/oefeningen";
    }
    if (user.hasAny(EnumSet.of(Rol.LANDELIJK_OPERATOR, Rol.LOCC_OFFICIER, Rol.HOOFD_LOCC))) {
      return "redirect:/operator";
    }
    if (!AccessPolicy.permits(user, "listTasks")) {
      return "redirect:/dashboard";
    }
    return "redirect:/taken";
  }

  @GetMapping("/login")
  public String login(Model model) {
    model.addAttribute("oidcLogin", oidc ? OidcLogin.LOGIN_PATH : null);
    return "login";
  }

  /** The accessibility statement (open to everyone, also before login). */
  @GetMapping("/toegankelijkheid")
  public String accessibility() {
    return "toegankelijkheid";
  }

  /** Switches between real crises and exercises and returns to the page the user was on. */
  @PostMapping("/wereld")
  public String world(
      @RequestParam("oefening") boolean exercise,
      @RequestHeader(name = "Referer", required = false) String referer,
      HttpServletRequest request) {
    World.choose(request.getSession(true), exercise);
    return "redirect:" + localPath(referer);
  }

  /** Only a path on this server: a Referer can never send the user elsewhere. */
  static String localPath(String referer) {
    if (referer == null) {
      return "/";
    }
    try {
      URI uri = URI.create(referer);
      String path = uri.getRawPath();
      if (path == null || !path.startsWith("/") || path.startsWith("//")) {
        return "/";
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }
}
