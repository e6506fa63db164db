package nl.knooppunt.processes.variabelen;

/** The region's confirmation of its scale-up. */
public record Opschaling(
    String vrCode, String gripNiveau, String opgeschaaldOp, String toelichting) {}
