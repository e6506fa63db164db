package nl.knooppunt.processes.variabelen;

import java.util.List;

/** Costs of a deployment as registered by the LOCC. */
public record Kosten(List<Regel> regels, java.math.BigDecimal totaal, String toelichting) {
  public record Regel(String vrCode, java.math.BigDecimal bedrag, String omschrijving) {}
}
