package nl.knooppunt.processes.variabelen;

/** Alignment of one region with its lokaal gezag; silence is recorded as GEEN_REACTIE. */
public record Afstemming(
    String vrCode, Reactie reactie, String standpuntGezag, String maatregelen, String toelichting) {
  public enum Reactie {
    AFGESTEMD,
    GEEN_REACTIE
  }
}
