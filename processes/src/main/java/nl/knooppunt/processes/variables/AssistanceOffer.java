package nl.knooppunt.processes.variables;

/**
 * One candidate's answer in the offer round; silence after the SLA = GEEN_REACTIE, aantal 0.
 *
 * @param vrCode the candidate: a VR code, or a police unit code under Politiewet 2012 art. 56
 * @param uitrusting the equipment the units bring (vehicles, material)
 * @param beschermingsniveau the protective gear the units have
 * @param zelfvoorzienendUren how many hours the units sustain themselves (food, fuel, relief)
 */
public record AssistanceOffer(
    String vrCode,
    Response reactie,
    int aantal,
    String beschikbaarVanaf,
    String toelichting,
    String uitrusting,
    ProtectionLevel beschermingsniveau,
    Integer zelfvoorzienendUren) {
  public enum Response {
    AANGEBODEN,
    AFGEWEZEN,
    GEEN_REACTIE
  }

  /** The protective gear of the offered units (uniform per role: Inspectie, recommendation 3). */
  public enum ProtectionLevel {
    /** Standard personal protective equipment of the discipline. */
    STANDAARD,
    /** Ballistic protection (vest and helmet) for work near an armed threat. */
    BALLISTISCH,
    /** Protection against hazardous substances (CBRN). */
    GEVAARLIJKE_STOFFEN
  }
}
