package nl.knooppunt.processes.variables;

import java.util.List;

/** The allocation drawn up by the LOCC from the offers. */
public record AssistanceAllocation(List<Line> regels, String toelichting) {
  public record Line(String vrCode, int aantal) {}
}
