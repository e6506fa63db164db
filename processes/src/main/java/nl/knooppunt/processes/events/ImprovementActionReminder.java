package nl.knooppunt.processes.events;

/**
 * The owner of an open improvement action was reminded of its due date (issue #16): a few days
 * before ({@link #BEFORE}) and on the day itself ({@link #DUE_TODAY}). Once per action and kind:
 * the event id is made of both, so a second replica or a restart never reminds twice.
 *
 * @param actionId the action ({@link ImprovementActionRecorded#actionId()})
 * @param kind {@code VOORAF} or {@code VANDAAG}
 * @param owner the owner as recorded (a role or organisation)
 * @param dueDate the date it is due ({@code yyyy-mm-dd})
 */
public record ImprovementActionReminder(String actionId, String kind, String owner, String dueDate)
    implements EventPayload {

  /** Reminded a few days before the due date. */
  public static final String BEFORE = "VOORAF";

  /** Reminded on the due date itself, the action still open. */
  public static final String DUE_TODAY = "VANDAAG";

  public ImprovementActionReminder {
    Required.text(actionId, "actionId");
    Required.text(kind, "kind");
    Required.text(dueDate, "dueDate");
    if (!BEFORE.equals(kind) && !DUE_TODAY.equals(kind)) {
      throw new IllegalArgumentException("kind is VOORAF or VANDAAG, not " + kind);
    }
  }
}
