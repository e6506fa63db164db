package nl.knooppunt.processes.variabelen;

/** Start variables of the manhunt. {@code tijdstip} is ISO 8601. */
public record ManhuntStart(
    String crisisId,
    boolean exercise,
    Locatie locatie,
    String tijdstip,
    Daders daders,
    boolean mogelijkTerroristischMotief,
    String voorgesteldDoor) {

  /** Where it happened; vrCode is the affected region. */
  public record Locatie(String omschrijving, String gemeentecode, String vrCode) {}

  /** Perpetrators known or unknown. */
  public record Daders(boolean bekend, Integer aantal, String signalement) {}
}
