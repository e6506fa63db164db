package nl.knooppunt.processes.variabelen;

/**
 * An assistance request.
 *
 * @param aanvragendeRegio VR code of the requesting region
 * @param vanaf ISO 8601 date-time
 * @param duur ISO 8601 duration
 */
public record Aanvraag(
    String aanvragendeRegio,
    Capaciteit capaciteit,
    int aantal,
    String locatie,
    String vanaf,
    String duur,
    Grondslag grondslag) {

  public enum Capaciteit {
    BRANDWEER,
    GENEESKUNDIGE_HULPVERLENING,
    BEVOLKINGSZORG,
    POLITIE,
    CRISISCOORDINATIE
  }

  /** Legal route. */
  public enum Grondslag {
    /** Wet veiligheidsregio's art. 51, via the LOCC. */
    WVR_ART_51,
    /** Urgent neighbour route, Wvr art. 51 lid 5. */
    WVR_ART_51_LID_5,
    /** Politiewet 2012 art. 56. */
    POLITIEWET_ART_56
  }
}
