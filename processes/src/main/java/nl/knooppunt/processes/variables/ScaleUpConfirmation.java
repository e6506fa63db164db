package nl.knooppunt.processes.variables;

/**
 * The region's confirmation of its scale-up ({@code opschaling}), with the advice it answers.
 *
 * @param gripNiveau the level the region confirms: GRIP_1 … GRIP_5 or GRIP_RIJK
 * @param gripAdvies the level the hub advised (1–5) when the region confirmed
 * @param lagerDanAdvies the confirmed level is below the advice; {@code toelichting} says why
 */
public record ScaleUpConfirmation(
    String vrCode,
    String gripNiveau,
    String opgeschaaldOp,
    String toelichting,
    Integer gripAdvies,
    Boolean lagerDanAdvies) {}
