package nl.knooppunt.processes.variabelen;

/** Decision of the head of LOCC on the minister's behalf. */
public record BesluitBijstand(Uitkomst uitkomst, String motivering, String beslisser) {
  public enum Uitkomst {
    TOEGEKEND,
    AFGEWEZEN
  }
}
