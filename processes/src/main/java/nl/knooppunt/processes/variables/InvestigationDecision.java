package nl.knooppunt.processes.variables;

/** The officier van justitie confirms leadership and decides on public appeals. */
public record InvestigationDecision(
    Boolean leidingBevestigd,
    Boolean opsporingsberichtMetFotoNaam,
    Boolean nlAlert,
    Boolean burgernet,
    String toelichting,
    String officierVanJustitie) {}
