package nl.knooppunt.processes.variables;

/** A proposal to lower level 5: from the duty officer, a manhunt, or a review. */
public record ProposedLowering(String voorgesteldDoor, String reden, Source bron) {
  public enum Source {
    LANDELIJK_OPERATOR,
    MANHUNT,
    HERBEOORDELING
  }
}
