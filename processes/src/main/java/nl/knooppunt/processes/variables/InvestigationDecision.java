package nl.knooppunt.processes.variables;

/**
 * The officier van justitie confirms leadership and decides on an opsporingsbericht with photo
 * and/or name ({@code opsporingsbesluit}). NL-Alert and Burgernet are the gezag's: {@link
 * PublicAlertDecision}.
 */
public record InvestigationDecision(
    Boolean leidingBevestigd,
    Boolean opsporingsberichtMetFotoNaam,
    String toelichting,
    String officierVanJustitie) {}
