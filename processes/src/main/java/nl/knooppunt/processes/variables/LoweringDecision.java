package nl.knooppunt.processes.variables;

/** Decision on a lowering proposal: the new level (1-4), or keep level 5. */
public record LoweringDecision(
    Outcome uitkomst, Integer nieuwNiveau, String motivering, String beslisser) {
  public enum Outcome {
    AFSCHALEN,
    HANDHAVEN
  }
}
