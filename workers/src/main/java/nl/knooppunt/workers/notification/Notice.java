package nl.knooppunt.workers.notification;

import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.Contact;

/**
 * One notice to one authority over one channel.
 *
 * @param notificationId the idempotency key: the same for every retry of the same notice
 * @param crisisId the crisis it belongs to
 * @param exercise OEFENING: the subject and text say so
 * @param recipient who
 * @param contact over which channel and address
 * @param kind what the notice is (AFKONDIGING, GRIP_ADVIES, SITUATIERAPPORT, ...)
 * @param subject one line
 * @param text the message
 * @param requiresAck whether the hub waits for an acknowledgement
 */
public record Notice(
    String notificationId,
    String crisisId,
    boolean exercise,
    Authority recipient,
    Contact contact,
    String kind,
    String subject,
    String text,
    boolean requiresAck) {

  /** The marking every exercise notice carries, in subject and text. */
  public static final String EXERCISE_MARKER = "OEFENING";

  public String markedSubject() {
    return exercise ? EXERCISE_MARKER + " — " + subject : subject;
  }

  public String markedText() {
    return exercise
        ? EXERCISE_MARKER + " — " + text + "\n\n" + EXERCISE_MARKER + " " + EXERCISE_MARKER
        : text;
  }
}
