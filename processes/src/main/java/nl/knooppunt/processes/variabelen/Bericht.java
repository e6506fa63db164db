package nl.knooppunt.processes.variabelen;

/**
 * The content of a notification round. The worker adds the OEFENING marking when {@code exercise}
 * is true.
 */
public record Bericht(Soort soort, String onderwerp, String tekst) {
  public enum Soort {
    AFKONDIGING,
    VERLENGING,
    AFSCHALING,
    NIET_AFGEKONDIGD,
    MANHUNT,
    AFSCHALING_MANHUNT,
    BIJSTAND_TOEGEKEND,
    BIJSTAND_AFGEWEZEN
  }
}
