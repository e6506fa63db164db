package nl.knooppunt.processes.events;

import java.util.List;

/**
 * An improvement action (verbeteractie) of an evaluation, recorded in the gateway by a national
 * reader of the evaluation: what is to be done, by whom and when, with the finding it comes from.
 * It stays open until someone marks it done ({@link ImprovementActionDone}) or drops it ({@link
 * ImprovementActionStatusChanged}). The subject is the crisis whose evaluation it belongs to (for a
 * manhunt and its linked level 5: the manhunt).
 *
 * @param actionId the action's id, e.g. {@code MH-1-VA-3f2a9c01}
 * @param text what is to be done
 * @param owner the role or organisation that does it
 * @param dueDate the date it must be done, ISO ({@code 2026-06-01})
 * @param finding what was found (bevinding); may be {@code null}
 * @param lesson the lesson learned (les); may be {@code null}
 * @param step the procedure step it is about (e.g. {@code AFSTEMMING_LOKAAL_GEZAG}); may be {@code
 *     null}
 * @param tags free tags (e.g. {@code bereikbaarheid}); may be {@code null}
 * @param shared the lesson is shared with every region (not only those of the crisis)
 */
public record ImprovementActionRecorded(
    String actionId,
    String text,
    String owner,
    String dueDate,
    String finding,
    String lesson,
    String step,
    List<String> tags,
    boolean shared)
    implements EventPayload {

  public ImprovementActionRecorded {
    Required.text(actionId, "actionId");
    Required.text(text, "text");
    Required.text(owner, "owner");
    Required.text(dueDate, "dueDate");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** An action without a finding, lesson, step or tags (as recorded before findings existed). */
  public ImprovementActionRecorded(String actionId, String text, String owner, String dueDate) {
    this(actionId, text, owner, dueDate, null, null, null, List.of(), false);
  }
}
