package nl.knooppunt.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of DESIGN §6 as candidate groups. Scoped roles (region, police unit, gezag) have one
 * group per code: {@code regio-VR09}, {@code politie-<eenheid>}, {@code gezag-<gemeentecode>}.
 */
public enum CandidateGroup {
  LANDELIJK_OPERATOR("landelijk-operator"),
  /** The NCTV decider on duty: decides the level, first step of the end-time escalation chain. */
  NCTV_BESLUITVORMER("nctv-besluitvormer"),
  /** The second NCTV decider: escalated to half an hour before a level 5 ends undecided. */
  NCTV_TWEEDE_BESLUITVORMER("nctv-tweede-besluitvormer"),
  /** Head of the NCTV / DG: escalated to when a level 5 reaches its end undecided. */
  NCTV_HOOFD("nctv-hoofd"),
  COMMUNICATIEADVISEUR("communicatieadviseur"),
  LOCC_OFFICIER("locc-officier"),
  HOOFD_LOCC("hoofd-locc"),
  /**
   * The korpschef (chief of the national police): decides on police assistance between police units
   * (Politiewet 2012 art. 56), where the head of the LOCC decides the others (#14 item 12).
   */
  KORPSCHEF("korpschef"),
  /** Police liaison at national level; unit-scoped groups use {@link #POLITIE_PREFIX}. */
  POLITIE("politie"),
  OM("om"),
  MANAGEMENT("management"),
  BEHEERDER("beheerder");

  /** Prefix of the per-region group; the BPMN builds it in FEEL: {@code ="regio-" + vrCode}. */
  public static final String REGIO_PREFIX = "regio-";

  /** Prefix of the per-police-unit group. */
  public static final String POLITIE_PREFIX = "politie-";

  /** Prefix of the per-municipality gezag group. */
  public static final String GEZAG_PREFIX = "gezag-";

  private final String group;

  CandidateGroup(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }

  /**
   * The candidate group of one veiligheidsregio, e.g. {@code region("VR09")} = {@code regio-VR09}.
   */
  public static String region(String vrCode) {
    return REGIO_PREFIX + vrCode;
  }

  /** The candidate group of one police unit. */
  public static String policeUnit(String unit) {
    return POLITIE_PREFIX + unit;
  }

  /** The candidate group of the gezag (mayor) of one municipality. */
  public static String gezag(String municipalityCode) {
    return GEZAG_PREFIX + municipalityCode;
  }

  public static Optional<CandidateGroup> of(String group) {
    return Arrays.stream(values()).filter(g -> g.group.equals(group)).findFirst();
  }

  @Override
  public String toString() {
    return group;
  }
}
