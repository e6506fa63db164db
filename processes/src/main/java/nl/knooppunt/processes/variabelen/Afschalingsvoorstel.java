package nl.knooppunt.processes.variabelen;

/** A proposal to lower level 5: from the duty officer, a manhunt, or a review. */
public record Afschalingsvoorstel(String voorgesteldDoor, String reden, Bron bron) {
  public enum Bron {
    LANDELIJK_OPERATOR,
    MANHUNT,
    HERBEOORDELING
  }
}
