package nl.knooppunt.gateway.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link KnooppuntUser} of the current request. */
public final class CurrentUsers {

  private CurrentUsers() {}

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
