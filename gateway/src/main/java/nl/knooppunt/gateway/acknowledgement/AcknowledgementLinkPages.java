package nl.knooppunt.gateway.acknowledgement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import nl.knooppunt.gateway.acknowledgement.LinkAcknowledgements.Outcome;
import nl.knooppunt.gateway.web.Times;
import nl.knooppunt.processes.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The small page the personal link in an e-mail or SMS opens, without login ({@code
 * /bevestigen/<token>}): to whom, the notice as the hub has it, and one button "Ontvangst
 * bevestigen". No navigation of a signed-in user; the token is in the URL, so the page is sent with
 * no referrer, not stored and not indexed. Every refusal is a Dutch page with its own status.
 */
@Controller
@RequestMapping("/bevestigen")
public class AcknowledgementLinkPages {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private final LinkAcknowledgements links;

  AcknowledgementLinkPages(LinkAcknowledgements links) {
    this.links = links;
  }

  @GetMapping("/{token}")
  public String open(
      @PathVariable("token") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return page(links.open(token, request.getRemoteAddr()), token, response, model);
  }

  @PostMapping("/{token}")
  public String confirm(
      @PathVariable("token") String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return page(links.confirm(token, request.getRemoteAddr()), token, response, model);
  }

  private static String page(Outcome o, String token, HttpServletResponse response, Model model) {
    response.setStatus(o.status());
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
    if (o.retryAfterSeconds() > 0) {
      response.setHeader("Retry-After", Long.toString(o.retryAfterSeconds()));
    }
    model.addAttribute("uitkomst", o.kind().name());
    model.addAttribute("token", token);
    model.addAttribute("wachtSeconden", o.retryAfterSeconds());
    model.addAttribute("contact", o.contact());
    model.addAttribute("persoon", o.person());
    model.addAttribute("door", o.by());
    model.addAttribute("wanneer", Times.format(o.when()));
    model.addAttribute("uur", hour(o.when()));
    model.addAttribute("rondeAfgerond", o.roundClosed());
    if (o.notice() != null) {
      var n = o.notice();
      model.addAttribute("soort", Labels.value(n.getKind()));
      model.addAttribute(
          "ontvanger", n.getRecipientName() == null ? n.getRecipientCode() : n.getRecipientName());
      model.addAttribute("onderwerp", n.getSubject());
      model.addAttribute("tekst", n.getText());
      model.addAttribute("verstuurd", Times.format(n.getSentAt()));
      model.addAttribute("oefening", Boolean.TRUE.equals(n.getExercise()));
    }
    return "bevestigen";
  }

  private static String hour(OffsetDateTime t) {
    return t == null ? "" : HOUR.format(t.atZoneSameInstant(Times.AMSTERDAM));
  }
}
