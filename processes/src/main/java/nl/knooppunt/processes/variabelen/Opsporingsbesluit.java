package nl.knooppunt.processes.variabelen;

/** The officier van justitie confirms leadership and decides on public appeals. */
public record Opsporingsbesluit(
    Boolean leidingBevestigd,
    Boolean opsporingsberichtMetFotoNaam,
    Boolean nlAlert,
    Boolean burgernet,
    String toelichting,
    String officierVanJustitie) {}
