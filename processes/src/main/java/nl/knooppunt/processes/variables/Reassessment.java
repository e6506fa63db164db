package nl.knooppunt.processes.variables;

/** Review before expiry: extend (with a new end) or lower. */
public record Reassessment(
    Outcome uitkomst, String nieuweEindtijd, String motivering, String beslisser) {
  public enum Outcome {
    VERLENGEN,
    AFSCHALEN
  }
}
