package nl.knooppunt.gateway.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link KnooppuntUser} of the current request. */
public final class CurrentUsers {

  private CurrentUsers() {}

  /** The user of the current request, if one is signed in (not in a worker or consumer). */
  public static java.util.Optional<KnooppuntUser> signedIn() {
    try {
      return java.util.Optional.of(current());
    } catch (AuthenticationCredentialsNotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  public static KnooppuntUser current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      throw new AuthenticationCredentialsNotFoundException("niet ingelogd");
    }
    if (auth.getPrincipal() instanceof LocalAccounts.LocalUserDetails local) {
      return local.user();
    }
    if (auth.getPrincipal() instanceof OidcLogin.KnooppuntOidcUser oidc) {
      return oidc.user();
    }
    if (auth.getDetails() instanceof KnooppuntUser user) {
      return user;
    }
    if (auth instanceof JwtUsers.KnooppuntJwtAuthentication jwt) {
      return jwt.user();
    }
    throw new AuthenticationCredentialsNotFoundException("onbekend soort login");
  }
}
