package nl.knooppunt.workers.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a notice as a plain-text e-mail to the SMTP server of {@code spring.mail.*} (Spring Boot's
 * {@link JavaMailSender}). The server refusing the recipient (RCPT answered 550, unknown user or
 * domain: an invalid address) makes the message {@code ONBESTELBAAR}; any other failure (no server
 * configured, connection refused, time-out, authentication) makes it {@code MISLUKT}. It never
 * throws: the chain tries the next channel.
 */
@Component
public class EmailChannel {

  /** The setting with the sender address of every notice by e-mail. */
  public static final String SENDER = "knooppunt.bereikbaarheid.afzender";

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String sender;

  EmailChannel(
      ObjectProvider<JavaMailSender> mailSender, @Value("${" + SENDER + "}") String sender) {
    this.mailSender = mailSender;
    this.sender = sender;
  }

  public ChannelOutcome send(String address, String subject, String body) {
    JavaMailSender mail = mailSender.getIfAvailable();
    if (mail == null) {
      return ChannelOutcome.failed("geen SMTP-server ingesteld (spring.mail.host)");
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(sender);
      helper.setTo(address);
      helper.setSubject(subject);
      helper.setText(body, false);
      mail.send(message);
      return ChannelOutcome.accepted();
    } catch (MailException | MessagingException e) {
      return refusedRecipient(e)
          ? ChannelOutcome.undeliverable(reason(e))
          : ChannelOutcome.failed(reason(e));
    } catch (RuntimeException e) {
      return ChannelOutcome.failed(reason(e));
    }
  }

  /** Whether the server refused the address itself: a send failure that names invalid addresses. */
  static boolean refusedRecipient(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (t instanceof SendFailedException sfe
          && sfe.getInvalidAddresses() != null
          && sfe.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException me && me.getNextException() != null) {
      return me.getNextException();
    }
    if (t instanceof org.springframework.mail.MailSendException mse
        && !mse.getFailedMessages().isEmpty()) {
      return mse.getFailedMessages().values().iterator().next();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /** The innermost message: the SMTP reply rather than the wrapper's summary. */
  private static String reason(Throwable e) {
    String reason = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = next(t)) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage().strip();
      }
    }
    return reason;
  }
}
