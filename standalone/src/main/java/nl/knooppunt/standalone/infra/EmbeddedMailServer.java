package nl.knooppunt.standalone.infra;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import nl.knooppunt.directory.DemoContactBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's SMTP server (GreenMail, on this machine only): notices by e-mail to the
 * demo contacts land here and never leave the machine. It refuses RCPT to the demo domain {@value
 * DemoContactBook#BOUNCING_DOMAIN} with 550, as a real mail server refuses an unknown address, so a
 * demo shows the fall-through from e-mail to SMS. GreenMail accepts every recipient by itself; the
 * refusal is its SMTP manager's recipient check, overridden (GreenMail's own extension point).
 */
public final class EmbeddedMailServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final GreenMail greenMail;

  private EmbeddedMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  /** Starts on {@code port} of the loopback address (0: a free one). */
  public static EmbeddedMailServer start(int port) {
    GreenMail mail =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) {
          {
            managers = new RefusingManagers();
          }
        };
    mail.start();
    EmbeddedMailServer server = new EmbeddedMailServer(mail);
    log.info("SMTP-server (ingebed, demo) op 127.0.0.1:{}", server.port());
    return server;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Every mail the server took, oldest first. */
  public List<MimeMessage> received() {
    return List.of(greenMail.getReceivedMessages());
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** Answers 550 to a recipient in the bouncing demo domain. */
  static String refusal(MailAddress recipient) {
    return recipient.getHost().toLowerCase(Locale.ROOT).equals(DemoContactBook.BOUNCING_DOMAIN)
        ? "550 5.1.1 <" + recipient.getEmail() + ">: Recipient address rejected: user unknown"
        : null;
  }

  private static final class RefusingManagers extends Managers {
    private final SmtpManager smtp =
        new SmtpManager(getImapHostManager(), getUserManager()) {
          @Override
          public String checkRecipient(SmtpState state, MailAddress recipient) {
            String refusal = refusal(recipient);
            return refusal != null ? refusal : super.checkRecipient(state, recipient);
          }
        };

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }
  }
}
