package nl.knooppunt.gateway.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import nl.knooppunt.processes.CandidateGroup;

/**
 * The roles of DESIGN §6. The Spring authority is {@code ROLE_<name>}; scoped roles (region, police
 * unit, gezag) take their scope from the user (account or token).
 */
public enum Rol {
  LANDELIJK_OPERATOR(CandidateGroup.LANDELIJK_OPERATOR),
  NCTV_BESLUITVORMER(CandidateGroup.NCTV_BESLUITVORMER),
  /**
   * The second NCTV decider: a level-5 review escalates to this role half an hour before the end
   * (#14 item 2). Held together with {@link #NCTV_BESLUITVORMER}; may what a decider may.
   */
  NCTV_TWEEDE_BESLUITVORMER(CandidateGroup.NCTV_TWEEDE_BESLUITVORMER),
  /**
   * Head of the NCTV / DG: a level-5 review escalates to this role at the end (#14 item 2). Held
   * together with {@link #NCTV_BESLUITVORMER}; may what a decider may.
   */
  NCTV_HOOFD(CandidateGroup.NCTV_HOOFD),
  COMMUNICATIEADVISEUR(CandidateGroup.COMMUNICATIEADVISEUR),
  LOCC_OFFICIER(CandidateGroup.LOCC_OFFICIER),
  HOOFD_LOCC(CandidateGroup.HOOFD_LOCC),
  /**
   * The korpschef: decides police assistance between police units (Politiewet 2012 art. 56, #14
   * item 12). National.
   */
  KORPSCHEF(CandidateGroup.KORPSCHEF),
  /** Scoped to one VR code: candidate group {@code regio-VRxx}. */
  REGIO(null),
  /** Scoped to a police unit: groups {@code politie} and {@code politie-<eenheid>}. */
  POLITIE(CandidateGroup.POLITIE),
  OM(CandidateGroup.OM),
  /** Scoped to a municipality: group {@code gezag-GMxxxx}. */
  GEZAG(null),
  /** Read-only: dashboards, logbooks, crises. */
  MANAGEMENT(CandidateGroup.MANAGEMENT),
  /**
   * The exercise director: starts, pauses and ends exercise runs on {@code /oefeningen} and enters
   * the lessons of the after-action report (#15). Works only in the OEFENING world; no tasks.
   */
  OEFENLEIDER(null),
  BEHEERDER(CandidateGroup.BEHEERDER);

  private final CandidateGroup group;

  Rol(CandidateGroup group) {
    this.group = group;
  }

  /** The unscoped candidate group of this role, if it has one. */
  public Optional<String> group() {
    return Optional.ofNullable(group).map(CandidateGroup::group);
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /**
   * Parses a role as written in configuration or a token: {@code REGIO}, {@code regio}, {@code
   * landelijk-operator}, {@code ROLE_LANDELIJK_OPERATOR}.
   */
  public static Optional<Rol> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String n = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (n.startsWith("ROLE_")) {
      n = n.substring(5);
    }
    String name = n;
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
