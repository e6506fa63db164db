package nl.knooppunt.processes.variables;

/**
 * One public appeal to put out ({@code publieksoproep}, input of the appeal job): its channels and
 * who decided it — the OvJ for an opsporingsbericht with photo/name, the gezag for NL-Alert and
 * Burgernet.
 */
public record PublicAppeal(
    Boolean opsporingsberichtMetFotoNaam,
    Boolean nlAlert,
    Boolean burgernet,
    String besluitDoor,
    String toelichting) {}
