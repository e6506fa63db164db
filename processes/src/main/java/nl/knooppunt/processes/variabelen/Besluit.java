package nl.knooppunt.processes.variabelen;

/** The NCTV decision on declaring level 5. {@code beslisser} comes from the signed-in user. */
public record Besluit(Uitkomst uitkomst, String eindtijd, String motivering, String beslisser) {
  public enum Uitkomst {
    AFKONDIGEN,
    NIET_AFKONDIGEN
  }
}
