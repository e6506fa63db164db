package nl.knooppunt.processes.variabelen;

/** Relevant (investigation) information shared by police/OM before declaring and extending. */
public record Opsporingsinformatie(
    String samenvatting,
    String dreigingsinschatting,
    String opsporingsbelang,
    Vertrouwelijkheid vertrouwelijkheid,
    String gedeeldDoor) {
  public enum Vertrouwelijkheid {
    OPENBAAR,
    DEPARTEMENTAAL_VERTROUWELIJK,
    STAATSGEHEIM_CONFIDENTIEEL
  }
}
