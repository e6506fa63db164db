package nl.knooppunt.processes.variabelen;

/** Decision on a lowering proposal: the new level (1-4), or keep level 5. */
public record Afschalingsbesluit(
    Uitkomst uitkomst, Integer nieuwNiveau, String motivering, String beslisser) {
  public enum Uitkomst {
    AFSCHALEN,
    HANDHAVEN
  }
}
