package nl.knooppunt.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps an OIDC access token (production, Keycloak) to a {@link KnooppuntUser}: roles from the
 * configured claim (default {@code roles}, then Keycloak's {@code realm_access.roles}), scope from
 * {@code vr_code}, {@code police_unit} and {@code municipality_code}. Unknown roles are ignored.
 */
@ConfigurationProperties("knooppunt.security.jwt")
class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private String usernameClaim = "preferred_username";
  private String nameClaim = "name";
  private String rolesClaim = "roles";
  private String vrCodeClaim = "vr_code";
  private String policeUnitClaim = "police_unit";
  private String municipalityCodeClaim = "municipality_code";

  /** The authentication of a token user. */
  public static class KnooppuntJwtAuthentication extends JwtAuthenticationToken {
    private final transient KnooppuntUser user;

    KnooppuntJwtAuthentication(
        Jwt jwt, Collection<? extends GrantedAuthority> authorities, KnooppuntUser user) {
      super(jwt, authorities, user.username());
      this.user = user;
    }

    public KnooppuntUser user() {
      return user;
    }
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    KnooppuntUser user = user(jwt);
    List<GrantedAuthority> authorities = authorities(user);
    return new KnooppuntJwtAuthentication(jwt, authorities, user);
  }

  /** The Spring authorities of a user: {@code ROLE_<role>} per role. */
  public static List<GrantedAuthority> authorities(KnooppuntUser user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    return authorities;
  }

  /** The user of an access token: name, roles and scope from the configured claims. */
  public KnooppuntUser user(Jwt jwt) {
    Set<Rol> roles = EnumSet.noneOf(Rol.class);
    for (String r : roleNames(jwt)) {
      Rol.parse(r).ifPresent(roles::add);
    }
    String username = jwt.getClaimAsString(usernameClaim);
    if (username == null) {
      username = jwt.getSubject();
    }
    KnooppuntUser user =
        new KnooppuntUser(
            username,
            jwt.getClaimAsString(nameClaim) == null ? username : jwt.getClaimAsString(nameClaim),
            roles,
            jwt.getClaimAsString(vrCodeClaim),
            jwt.getClaimAsString(policeUnitClaim),
            jwt.getClaimAsString(municipalityCodeClaim),
            KnooppuntUser.Source.OIDC);
    return user;
  }

  private List<String> roleNames(Jwt jwt) {
    List<String> names = new ArrayList<>();
    Object direct = jwt.getClaims().get(rolesClaim);
    if (direct instanceof Collection<?> c) {
      c.forEach(o -> names.add(String.valueOf(o)));
    } else if (direct instanceof String s) {
      names.addAll(List.of(s.split("[ ,]+")));
    }
    if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm
        && realm.get("roles") instanceof Collection<?> c) {
      c.forEach(o -> names.add(String.valueOf(o)));
    }
    return names;
  }

  public String getUsernameClaim() {
    return usernameClaim;
  }

  public void setUsernameClaim(String usernameClaim) {
    this.usernameClaim = usernameClaim;
  }

  public String getNameClaim() {
    return nameClaim;
  }

  public void setNameClaim(String nameClaim) {
    this.nameClaim = nameClaim;
  }

  public String getRolesClaim() {
    return rolesClaim;
  }

  public void setRolesClaim(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  public String getVrCodeClaim() {
    return vrCodeClaim;
  }

  public void setVrCodeClaim(String vrCodeClaim) {
    this.vrCodeClaim = vrCodeClaim;
  }

  public String getPoliceUnitClaim() {
    return policeUnitClaim;
  }

  public void setPoliceUnitClaim(String policeUnitClaim) {
    this.policeUnitClaim = policeUnitClaim;
  }

  public String getMunicipalityCodeClaim() {
    return municipalityCodeClaim;
  }

  public void setMunicipalityCodeClaim(String municipalityCodeClaim) {
    this.municipalityCodeClaim = municipalityCodeClaim;
  }
}
