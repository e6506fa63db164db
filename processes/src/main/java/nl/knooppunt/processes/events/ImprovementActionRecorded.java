package nl.knooppunt.processes.events;

/**
 * An improvement action (verbeteractie) of an evaluation, recorded in the gateway by a national
 * reader of the evaluation: what is to be done, by whom and when. It stays open until someone marks
 * it done ({@link ImprovementActionDone}). The subject is the crisis whose evaluation it belongs to
 * (for a manhunt and its linked level 5: the manhunt).
 *
 * @param actionId the action's id, e.g. {@code MH-1-VA-3f2a9c01}
 * @param text what is to be done
 * @param owner the role or organisation that does it
 * @param dueDate the date it must be done, ISO ({@code 2026-06-01})
 */
public record ImprovementActionRecorded(String actionId, String text, String owner, String dueDate)
    implements EventPayload {

  public ImprovementActionRecorded {
    Required.text(actionId, "actionId");
    Required.text(text, "text");
    Required.text(owner, "owner");
    Required.text(dueDate, "dueDate");
  }
}
