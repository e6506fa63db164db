package nl.knooppunt.processes.variables;

import java.util.List;

/** The evaluation (PDCA) every crisis process ends with; lessons are shared between regions. */
public record Evaluation(
    String watGingGoed,
    List<String> verbeterpunten,
    List<Action> acties,
    Boolean delenMetRegios,
    String evaluatieDoor) {

  /** One improvement action (plan-do-check-act). */
  public record Action(String actie, String eigenaar, String gereedOp) {}
}
