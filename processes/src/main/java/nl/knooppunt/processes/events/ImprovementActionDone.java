package nl.knooppunt.processes.events;

/**
 * An improvement action was marked done in the gateway, with what was done.
 *
 * @param actionId the action ({@link ImprovementActionRecorded#actionId()})
 * @param note what was done (may be empty)
 */
public record ImprovementActionDone(String actionId, String note) implements EventPayload {

  public ImprovementActionDone {
    Required.text(actionId, "actionId");
  }
}
