package nl.knooppunt.processes.variables;

/**
 * An assistance request.
 *
 * @param aanvragendeRegio VR code of the requesting region
 * @param vanaf ISO 8601 date-time
 * @param duur ISO 8601 duration
 */
public record AssistanceRequest(
    String aanvragendeRegio,
    Capacity capaciteit,
    int aantal,
    String locatie,
    String vanaf,
    String duur,
    LegalBasis grondslag) {

  public enum Capacity {
    BRANDWEER,
    GENEESKUNDIGE_HULPVERLENING,
    BEVOLKINGSZORG,
    POLITIE,
    CRISISCOORDINATIE
  }

  /** Legal route. */
  public enum LegalBasis {
    /** Wet veiligheidsregio's art. 51, via the LOCC. */
    WVR_ART_51,
    /** Urgent neighbour route, Wvr art. 51 lid 5. */
    WVR_ART_51_LID_5,
    /** Politiewet 2012 art. 56. */
    POLITIEWET_ART_56
  }
}
