package nl.knooppunt.processes.variables;

/** Alignment of one region with its lokaal gezag; silence is recorded as GEEN_REACTIE. */
public record Alignment(
    String vrCode,
    Response reactie,
    String standpuntGezag,
    String maatregelen,
    String toelichting) {
  public enum Response {
    AFGESTEMD,
    GEEN_REACTIE
  }
}
