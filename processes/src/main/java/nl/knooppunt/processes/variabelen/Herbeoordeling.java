package nl.knooppunt.processes.variabelen;

/** Review before expiry: extend (with a new end) or lower. */
public record Herbeoordeling(
    Uitkomst uitkomst, String nieuweEindtijd, String motivering, String beslisser) {
  public enum Uitkomst {
    VERLENGEN,
    AFSCHALEN
  }
}
