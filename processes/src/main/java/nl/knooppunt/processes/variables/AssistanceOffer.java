package nl.knooppunt.processes.variables;

/** One region's answer in the offer round; silence after the SLA = GEEN_REACTIE, aantal 0. */
public record AssistanceOffer(
    String vrCode, Response reactie, int aantal, String beschikbaarVanaf, String toelichting) {
  public enum Response {
    AANGEBODEN,
    AFGEWEZEN,
    GEEN_REACTIE
  }
}
