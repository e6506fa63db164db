package nl.knooppunt.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.knooppunt.directory.DemoContactBook;

/**
 * The ends of the system in the workers' ITs: a GreenMail SMTP server that refuses RCPT to the demo
 * domain {@value DemoContactBook#BOUNCING_DOMAIN} (550), and an SMS gateway stand-in that keeps
 * what it got and answers 422 to a number that is not E.164.
 */
final class MailAndSmsStandIns {

  private MailAndSmsStandIns() {}

  /** GreenMail on a free loopback port, refusing recipients in the bouncing domain. */
  static GreenMail mailServer() {
    GreenMail mail =
        new GreenMail(
            new ServerSetup(0, InetAddress.getLoopbackAddress().getHostAddress(), "smtp")) {
          {
            managers = new RefusingManagers();
          }
        };
    mail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    return mail;
  }

  private static final class RefusingManagers extends Managers {
    private final SmtpManager smtp =
        new SmtpManager(getImapHostManager(), getUserManager()) {
          @Override
          public String checkRecipient(SmtpState state, MailAddress rcpt) {
            return rcpt.getHost().toLowerCase(Locale.ROOT).equals(DemoContactBook.BOUNCING_DOMAIN)
                ? "550 5.1.1 <" + rcpt.getEmail() + ">: Recipient address rejected"
                : super.checkRecipient(state, rcpt);
          }
        };

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }
  }

  /** One SMS the stand-in got. */
  record Sms(String to, String text, String reference) {}

  /** The SMS gateway stand-in; {@link #url} is its address. */
  static final class SmsGateway {
    final List<Sms> received = new CopyOnWriteArrayList<>();
    final String url;

    SmsGateway() {
      try {
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ObjectMapper json = new ObjectMapper();
        server.createContext(
            "/sms",
            exchange -> {
              JsonNode body = json.readTree(exchange.getRequestBody());
              String to = body.path("to").asText();
              int status;
              if (to.matches("\\+[1-9][0-9]{7,14}")) {
                received.add(
                    new Sms(to, body.path("text").asText(), body.path("reference").asText()));
                status = 202;
              } else {
                status = 422;
              }
              byte[] answer =
                  (status == 202 ? "{}" : "{\"fout\":\"ONGELDIG_NUMMER\"}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(status, answer.length);
              exchange.getResponseBody().write(answer);
              exchange.close();
            });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
