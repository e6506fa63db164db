package nl.knooppunt.processes.variabelen;

/** One region's answer in the offer round; silence after the SLA = GEEN_REACTIE, aantal 0. */
public record Aanbod(
    String vrCode, Reactie reactie, int aantal, String beschikbaarVanaf, String toelichting) {
  public enum Reactie {
    AANGEBODEN,
    AFGEWEZEN,
    GEEN_REACTIE
  }
}
