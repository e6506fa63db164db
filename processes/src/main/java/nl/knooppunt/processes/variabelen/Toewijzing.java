package nl.knooppunt.processes.variabelen;

import java.util.List;

/** The allocation drawn up by the LOCC from the offers. */
public record Toewijzing(List<Regel> regels, String toelichting) {
  public record Regel(String vrCode, int aantal) {}
}
