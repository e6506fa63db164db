package nl.knooppunt.processes.variables;

/** The region's confirmation of its scale-up. */
public record ScaleUpConfirmation(
    String vrCode, String gripNiveau, String opgeschaaldOp, String toelichting) {}
