package nl.knooppunt.processes.variabelen;

import java.util.List;

/** The evaluation (PDCA) every crisis process ends with; lessons are shared between regions. */
public record Evaluatie(
    String watGingGoed,
    List<String> verbeterpunten,
    List<Actie> acties,
    Boolean delenMetRegios,
    String evaluatieDoor) {

  /** One improvement action (plan-do-check-act). */
  public record Actie(String actie, String eigenaar, String gereedOp) {}
}
