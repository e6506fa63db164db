package nl.knooppunt.processes.variables;

/** The NCTV decision on declaring level 5. {@code beslisser} comes from the signed-in user. */
public record DeclarationDecision(
    Outcome uitkomst, String eindtijd, String motivering, String beslisser) {
  public enum Outcome {
    AFKONDIGEN,
    NIET_AFKONDIGEN
  }
}
