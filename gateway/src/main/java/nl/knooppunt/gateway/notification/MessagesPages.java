package nl.knooppunt.gateway.notification;

import java.util.List;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.notification.DeliveryAttempts.Readers;
import nl.knooppunt.gateway.security.AccessPolicy;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.security.Rol;
import nl.knooppunt.gateway.web.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mail and SMS the hub sent ({@code /berichten}), from the delivery attempts: when, crisis, to
 * whom, which person, channel, address, status and subject, the text to unfold; filtered by crisis
 * and channel. A demo shows the whole path with it. The beheerder sees every message, a region the
 * messages to the authorities of its region, a gezag those to its own municipality's authority
 * ({@link AccessPolicy#SENT_MESSAGE_READERS}); others are refused.
 */
@Controller
@Page
@RequestMapping("/berichten")
public class MessagesPages {

  /** The channels to filter on: value and label. */
  public record Choice(String value, String label) {}

  static final List<Choice> CHANNELS =
      List.of(new Choice("EMAIL", "E-mail"), new Choice("SMS", "Sms"));

  private final DeliveryAttempts attempts;
  private final DirectoryAdapter directory;

  MessagesPages(DeliveryAttempts attempts, DirectoryAdapter directory) {
    this.attempts = attempts;
    this.directory = directory;
  }

  @GetMapping
  public String list(
      @RequestParam(name = "crisis", required = false) String crisis,
      @RequestParam(name = "kanaal", required = false) String channel,
      Model model) {
    KnooppuntUser user = CurrentUsers.current();
    if (!AccessPolicy.readsSentMessages(user)) {
      throw new AccessDeniedException("Rol " + user.roles() + " mag de berichten niet zien.");
    }
    Readers readers = readers(user);
    String kanaal =
        CHANNELS.stream().map(Choice::value).filter(v -> v.equals(channel)).findFirst().orElse("");
    var crises = attempts.crises(readers);
    String gekozen = crisis != null && crises.containsKey(crisis) ? crisis : "";
    model.addAttribute("berichten", attempts.sent(readers, gekozen, kanaal));
    model.addAttribute("crises", crises);
    model.addAttribute("kanalen", CHANNELS);
    model.addAttribute("gekozenCrisis", gekozen);
    model.addAttribute("gekozenKanaal", kanaal);
    model.addAttribute("alles", readers.all());
    return "berichten";
  }

  /** Whose messages the user reads. */
  private Readers readers(KnooppuntUser user) {
    if (user.has(Rol.BEHEERDER)) {
      return Readers.ALL;
    }
    String region = user.has(Rol.REGIO) ? user.vrCode() : null;
    return new Readers(false, directory.recipientCodesOf(user), region);
  }
}
