package nl.knooppunt.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.knooppunt.processes.CandidateGroup;

/**
 * The signed-in user as the gateway sees it, whether from a local account or an OIDC token.
 *
 * @param vrCode scope of a region user
 * @param policeUnit scope of a police user (unit name, e.g. {@code Midden-Nederland})
 * @param municipalityCode scope of a gezag user (e.g. {@code GM0344})
 *     <p>Serializable: a page session keeps it in the shared session store, where every gateway
 *     replica reads it (docs/adr/0038).
 */
public record KnooppuntUser(
    String username,
    String displayName,
    Set<Rol> roles,
    String vrCode,
    String policeUnit,
    String municipalityCode,
    Source source)
    implements java.io.Serializable {

  public enum Source {
    LOCAL,
    OIDC,
    /** A simulated participant of an exercise scenario (the exercise runner acts as it). */
    SIMULATED
  }

  public KnooppuntUser {
    roles = roles.isEmpty() ? EnumSet.noneOf(Rol.class) : EnumSet.copyOf(roles);
  }

  public boolean has(Rol role) {
    return roles.contains(role);
  }

  public boolean hasAny(Collection<Rol> any) {
    return any.stream().anyMatch(roles::contains);
  }

  /** The candidate groups whose tasks this user sees and may complete. */
  public List<String> candidateGroups() {
    Set<String> groups = new LinkedHashSet<>();
    for (Rol r : roles) {
      r.group().ifPresent(groups::add);
      if (r == Rol.REGIO && vrCode != null) {
        groups.add(CandidateGroup.region(vrCode));
      }
      if (r == Rol.POLITIE && policeUnit != null) {
        groups.add(CandidateGroup.policeUnit(policeUnit));
      }
      if (r == Rol.GEZAG && municipalityCode != null) {
        groups.add(CandidateGroup.gezag(municipalityCode));
      }
    }
    return new ArrayList<>(groups);
  }
}
