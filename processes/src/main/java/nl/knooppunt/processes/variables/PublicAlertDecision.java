package nl.knooppunt.processes.variables;

/**
 * The gezag's (mayor's or, from GRIP 3, the region chair's) decision on warning the public through
 * NL-Alert and Burgernet during a manhunt ({@code alarmeringsbesluit}).
 */
public record PublicAlertDecision(
    Boolean nlAlert, Boolean burgernet, String toelichting, String besluitDoor) {}
