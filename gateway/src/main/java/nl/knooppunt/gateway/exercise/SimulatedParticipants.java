package nl.knooppunt.gateway.exercise;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.processes.CandidateGroup;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The simulated participants of an exercise: a user per participant (a candidate group of the hub),
 * so a simulated inject goes through the hub's own services with the same checks as a person's
 * action, under a name that says it was simulated ({@code oefening-politie}).
 */
final class SimulatedParticipants {

  /** The police unit a simulated police participant belongs to (the demo's unit). */
  static final String POLICE_UNIT = "Midden-Nederland";

  private SimulatedParticipants() {}

  /** The user a simulated participant acts as. */
  static KnooppuntUser user(String participant) {
    Set<Rol> roles = EnumSet.noneOf(Rol.class);
    String vrCode = null;
    String policeUnit = null;
    String municipality = null;
    if (participant.startsWith(CandidateGroup.REGIO_PREFIX)) {
      roles.add(Rol.REGIO);
      vrCode = participant.substring(CandidateGroup.REGIO_PREFIX.length());
    } else if (participant.startsWith(CandidateGroup.GEZAG_PREFIX)) {
      roles.add(Rol.GEZAG);
      municipality = participant.substring(CandidateGroup.GEZAG_PREFIX.length());
    } else {
      CandidateGroup group =
          CandidateGroup.of(participant)
              .orElseThrow(
                  () -> new IllegalArgumentException("onbekende deelnemer " + participant));
      for (Rol r : Rol.values()) {
        if (r.group().filter(participant::equals).isPresent()) {
          roles.add(r);
        }
      }
      if (group == CandidateGroup.POLITIE) {
        policeUnit = POLICE_UNIT;
      }
    }
    return new KnooppuntUser(
        "oefening-" + participant,
        "Gesimuleerd: " + participant,
        roles,
        vrCode,
        policeUnit,
        municipality,
        KnooppuntUser.Source.SIMULATED);
  }

  /** Runs an action as the simulated participant and restores the caller's security context. */
  static <T> T as(String participant, Supplier<T> action) {
    KnooppuntUser user = user(participant);
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    UsernamePasswordAuthenticationToken auth =
        UsernamePasswordAuthenticationToken.authenticated(
            user.username(),
            null,
            user.roles().stream()
                .map(
                    r ->
                        (org.springframework.security.core.GrantedAuthority)
                            new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                r.authority()))
                .toList());
    auth.setDetails(user);
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
