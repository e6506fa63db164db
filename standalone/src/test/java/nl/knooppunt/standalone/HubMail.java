package nl.knooppunt.standalone;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;

/** Reading the mail the hub's embedded SMTP server received, for the stories. */
public final class HubMail {

  private HubMail() {}

  /** Whether the message went to this address (any recipient, case-insensitive). */
  public static boolean addressedTo(MimeMessage message, String address) {
    try {
      return message.getAllRecipients() != null
          && Arrays.stream(message.getAllRecipients())
              .anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  /** The subject, or empty when it cannot be read. */
  public static String subject(MimeMessage message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (MessagingException e) {
      return "";
    }
  }

  /** The plain-text body as the recipient reads it. */
  public static String body(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
