package nl.knooppunt.processes.variables;

/** Decision of the head of LOCC on the minister's behalf. */
public record AssistanceDecision(Outcome uitkomst, String motivering, String beslisser) {
  public enum Outcome {
    TOEGEKEND,
    AFGEWEZEN
  }
}
