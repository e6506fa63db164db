package nl.knooppunt.processes.variables;

import java.util.List;

/** Costs of a deployment as registered by the LOCC. */
public record AssistanceCosts(List<Line> regels, java.math.BigDecimal totaal, String toelichting) {
  public record Line(String vrCode, java.math.BigDecimal bedrag, String omschrijving) {}
}
