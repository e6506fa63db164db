package nl.knooppunt.processes.events;

import java.util.List;
import nl.knooppunt.processes.variables.AcknowledgementResult;

/**
 * {@link EventType#MELDINGRONDE_AFGEROND}: the outcome of a round of notices. Produced by the
 * workers. Id {@code <reference>#ronde-afgerond}.
 *
 * @param reference the round
 * @param recipients how many recipients
 * @param acknowledged how many acknowledged
 * @param acknowledgedByPhone how many confirmed by phone
 * @param notReached how many were not reached
 * @param outcomes one per recipient
 * @param origin the job
 */
public record RoundCompleted(
    String reference,
    int recipients,
    long acknowledged,
    long acknowledgedByPhone,
    long notReached,
    List<Outcome> outcomes,
    Origin origin)
    implements EventPayload {

  public RoundCompleted {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  /**
   * The outcome for one recipient (the process variable {@code bevestigingen[]}).
   *
   * @param recipientCode the recipient
   * @param notificationId the notice
   * @param status {@code BEVESTIGD}, {@code TELEFONISCH_BEVESTIGD} or {@code NIET_BEREIKT}
   * @param route how it was acknowledged
   * @param acknowledgedAt ISO 8601, as the process has it
   * @param acknowledgedBy who
   * @param note the duty officer's note (phone route)
   */
  public record Outcome(
      String recipientCode,
      String notificationId,
      AcknowledgementResult.Status status,
      AcknowledgementResult.Route route,
      String acknowledgedAt,
      String acknowledgedBy,
      String note) {

    public static Outcome of(AcknowledgementResult b) {
      return new Outcome(
          b.ontvanger(),
          b.notificatieId(),
          b.status(),
          b.route(),
          b.bevestigdOp(),
          b.bevestigdDoor(),
          b.toelichting());
    }
  }
}
