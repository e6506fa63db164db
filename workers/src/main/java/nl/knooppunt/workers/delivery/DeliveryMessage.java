package nl.knooppunt.workers.delivery;

import nl.knooppunt.workers.notification.OutgoingNotice;

/**
 * A notice as it goes out by e-mail and SMS to one person, with that person's acknowledgement link.
 * The e-mail is the hub notice's text ({@link OutgoingNotice#markedText}: what, area, until when,
 * what is expected, the measures for the role, OEFENING marked) with "Ontvangst bevestigen:
 * &lt;link&gt;" as its request to confirm, then the 24/7 line; the SMS is {@link SmsText}.
 */
public final class DeliveryMessage {

  /** How the personal link is introduced in an e-mail. */
  public static final String CONFIRM_PREFIX = "Ontvangst bevestigen: ";

  private DeliveryMessage() {}

  /** The subject: the kind's label, {@code OEFENING — } first in an exercise. */
  public static String subject(OutgoingNotice notice) {
    return notice.markedSubject();
  }

  /** The plain-text e-mail body. */
  public static String mailBody(OutgoingNotice notice, String link, String hubContact) {
    return notice.markedText(hubContact, CONFIRM_PREFIX + link);
  }

  /**
   * The SMS: what (the subject), area, until when and the expectation, cut to fit; link and 24/7
   * line whole.
   */
  public static String sms(OutgoingNotice notice, String link, String hubContact) {
    StringBuilder middle = new StringBuilder();
    // what: the subject (one line); the text only when there is no subject
    append(middle, present(notice.subject()) ? notice.subject() : notice.text(), ". ");
    if (present(notice.area())) {
      append(middle, "Gebied: " + notice.area().strip(), ". ");
    }
    if (present(notice.validUntil())) {
      append(middle, "Tot " + OutgoingNotice.dutchDateTime(notice.validUntil()), ". ");
    }
    append(middle, notice.expectation(), " ");
    return SmsText.compose(notice.exercise(), middle.toString(), link, hubContact);
  }

  private static void append(StringBuilder sb, String part, String separator) {
    if (present(part)) {
      String p = part.strip();
      sb.append(p);
      if (!p.endsWith(".") || !separator.startsWith(".")) {
        sb.append(separator);
      } else {
        sb.append(' ');
      }
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
