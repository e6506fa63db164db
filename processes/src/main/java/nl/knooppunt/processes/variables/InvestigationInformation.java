package nl.knooppunt.processes.variables;

/** Relevant (investigation) information shared by police/OM before declaring and extending. */
public record InvestigationInformation(
    String samenvatting,
    String dreigingsinschatting,
    String opsporingsbelang,
    Classification vertrouwelijkheid,
    String gedeeldDoor) {
  public enum Classification {
    OPENBAAR,
    DEPARTEMENTAAL_VERTROUWELIJK,
    STAATSGEHEIM_CONFIDENTIEEL
  }
}
