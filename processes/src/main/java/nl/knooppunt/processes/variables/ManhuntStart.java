package nl.knooppunt.processes.variables;

/** Start variables of the manhunt. {@code tijdstip} is ISO 8601. */
public record ManhuntStart(
    String crisisId,
    boolean exercise,
    Location locatie,
    String tijdstip,
    Perpetrators daders,
    boolean mogelijkTerroristischMotief,
    String voorgesteldDoor) {

  /** Where it happened; vrCode is the affected region. */
  public record Location(String omschrijving, String gemeentecode, String vrCode) {}

  /** Perpetrators known or unknown. */
  public record Perpetrators(boolean bekend, Integer aantal, String signalement) {}
}
