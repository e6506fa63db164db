package nl.knooppunt.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local accounts of the embedded default ({@code knooppunt.security.users.<name>}): password,
 * roles and scope from configuration. Passwords are hashed (BCrypt) when the gateway starts.
 */
@ConfigurationProperties("knooppunt.security")
public class LocalAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(LocalAccounts.class);

  /** BCrypt cost of the password hashes. */
  private int bcryptStrength = 10;

  private Map<String, Account> users = new LinkedHashMap<>();

  public int getBcryptStrength() {
    return bcryptStrength;
  }

  public void setBcryptStrength(int bcryptStrength) {
    this.bcryptStrength = bcryptStrength;
  }

  public Map<String, Account> getUsers() {
    return users;
  }

  public void setUsers(Map<String, Account> users) {
    this.users = users;
  }

  /** One account. */
  public static class Account {
    private String password;
    private String name;
    private List<String> roles = List.of();
    private String vrCode;
    private String policeUnit;
    private String municipalityCode;
    private boolean enabled = true;

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<String> getRoles() {
      return roles;
    }

    public void setRoles(List<String> roles) {
      this.roles = roles;
    }

    public String getVrCode() {
      return vrCode;
    }

    public void setVrCode(String vrCode) {
      this.vrCode = vrCode;
    }

    public String getPoliceUnit() {
      return policeUnit;
    }

    public void setPoliceUnit(String policeUnit) {
      this.policeUnit = policeUnit;
    }

    public String getMunicipalityCode() {
      return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
      this.municipalityCode = municipalityCode;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Spring Security's view of a local account. */
  public record LocalUserDetails(KnooppuntUser user, String passwordHash) implements UserDetails {
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
      return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
      return passwordHash;
    }

    @Override
    public String getUsername() {
      return user.username();
    }

    /**
     * A signed-in session is kept in the database, shared by the gateway replicas (docs/adr/0038):
     * it holds who signed in, never the password's hash.
     */
    @java.io.Serial
    private Object writeReplace() {
      return new LocalUserDetails(user, null);
    }
  }

  /** The user details service over the configured accounts. */
  public UserDetailsService userDetailsService(PasswordEncoder encoder) {
    Map<String, LocalUserDetails> byName = new LinkedHashMap<>();
    users.forEach(
        (username, a) -> {
          if (!a.isEnabled() || a.getPassword() == null || a.getPassword().isBlank()) {
            LOG.info("Local account {} is disabled (no password)", username);
            return;
          }
          Set<Rol> roles = EnumSet.noneOf(Rol.class);
          for (String r : a.getRoles()) {
            roles.add(
                Rol.parse(r)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "knooppunt.security.users." + username + ": unknown role " + r)));
          }
          if (roles.contains(Rol.REGIO) && a.getVrCode() == null) {
            throw new IllegalStateException(
                "knooppunt.security.users." + username + ": role REGIO needs vr-code");
          }
          if (roles.contains(Rol.GEZAG) && a.getMunicipalityCode() == null) {
            throw new IllegalStateException(
                "knooppunt.security.users." + username + ": role GEZAG needs municipality-code");
          }
          KnooppuntUser user =
              new KnooppuntUser(
                  username,
                  a.getName() == null ? username : a.getName(),
                  roles,
                  a.getVrCode(),
                  a.getPoliceUnit(),
                  a.getMunicipalityCode(),
                  KnooppuntUser.Source.LOCAL);
          byName.put(username, new LocalUserDetails(user, encoder.encode(a.getPassword())));
        });
    LOG.info("Local accounts: {}", byName.keySet());
    return username -> {
      LocalUserDetails d = byName.get(username);
      if (d == null) {
        throw new UsernameNotFoundException(username);
      }
      return d;
    };
  }
}
