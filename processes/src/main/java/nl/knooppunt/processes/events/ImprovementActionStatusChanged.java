package nl.knooppunt.processes.events;

/**
 * An open improvement action was taken in hand ({@code IN_UITVOERING}) or dropped ({@code
 * VERVALLEN}, with the reason) in the gateway. Done is {@link ImprovementActionDone}.
 *
 * @param actionId the action ({@link ImprovementActionRecorded#actionId()})
 * @param status {@code IN_UITVOERING} or {@code VERVALLEN}
 * @param reason why it was dropped (required for {@code VERVALLEN}), or a note
 */
public record ImprovementActionStatusChanged(String actionId, String status, String reason)
    implements EventPayload {

  /** Taken in hand: open still, someone works on it. */
  public static final String IN_PROGRESS = "IN_UITVOERING";

  /** Dropped, with a reason: no longer open. */
  public static final String DROPPED = "VERVALLEN";

  public ImprovementActionStatusChanged {
    Required.text(actionId, "actionId");
    Required.text(status, "status");
    if (!IN_PROGRESS.equals(status) && !DROPPED.equals(status)) {
      throw new IllegalArgumentException("status is IN_UITVOERING or VERVALLEN, not " + status);
    }
    if (DROPPED.equals(status)) {
      Required.text(reason, "reason");
    }
  }
}
