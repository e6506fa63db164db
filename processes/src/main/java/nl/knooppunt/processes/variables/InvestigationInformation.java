package nl.knooppunt.processes.variables;

/** Relevant (investigation) information shared by police/OM before declaring and extending. */
public record InvestigationInformation(
    String samenvatting,
    String dreigingsinschatting,
    String opsporingsbelang,
    Classification vertrouwelijkheid,
    String gedeeldDoor) {

  /**
   * The field that marks shared information with its classification, wherever it is logged or shown
   * (a form, a variable, a part of either): the gateway withholds the content of a part so marked
   * from roles not cleared for it (docs/adr/0031).
   */
  public static final String CLASSIFICATION_FIELD = "vertrouwelijkheid";

  /** The field that names who shared the information (shown to everyone). */
  public static final String SHARED_BY_FIELD = "gedeeldDoor";

  public enum Classification {
    OPENBAAR,
    DEPARTEMENTAAL_VERTROUWELIJK,
    STAATSGEHEIM_CONFIDENTIEEL;

    /**
     * Whether information marked {@code value} is only for cleared roles: every classification but
     * {@link #OPENBAAR}, and a missing value or one that is no classification at all (fail closed).
     */
    public static boolean restricted(Object value) {
      return !OPENBAAR.name().equals(String.valueOf(value));
    }
  }
}
