package nl.knooppunt.gateway.notification;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.gateway.directory.DirectoryAdapter;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.gateway.web.Page;
import nl.knooppunt.gateway.web.PageModel;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.gateway.web.Times;
import nl.knooppunt.gateway.web.World;
import nl.knooppunt.processes.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices addressed to the signed-in person's authority (a mayor's office, a region, a police
 * unit, the OM): read what was sent — what happened, the area, until when, what is expected, the
 * measures for their role (and which version of the list), whom to call — and acknowledge receipt
 * with one button. The acknowledgement goes through {@link NotificationService}, as the API's
 * operation does, so it lands exactly like one from any other channel.
 */
@Controller
@Page
@RequestMapping("/meldingen")
public class NoticePages {

  private final NotificationService notifications;
  private final Queries queries;
  private final DirectoryAdapter directory;
  private final NotificationQueries notices;
  private final DeliveryAttempts attempts;

  public NoticePages(
      NotificationService notifications,
      Queries queries,
      DirectoryAdapter directory,
      NotificationQueries notices,
      DeliveryAttempts attempts) {
    this.attempts = attempts;
    this.notices = notices;
    this.notifications = notifications;
    this.queries = queries;
    this.directory = directory;
  }

  /** One notice as the pages show it. */
  public record NoticeItem(
      String id,
      String kind,
      String crisisId,
      String crisisTitle,
      String recipient,
      String sentAt,
      String area,
      String validUntil,
      Integer level,
      String expected,
      String contact,
      Integer measuresVersion,
      String measuresRole,
      List<String> measures,
      String subject,
      String text,
      boolean exercise,
      boolean open,
      String acknowledged) {}

  public static List<NoticeItem> items(List<Notification> list) {
    return list.stream().map(NoticePages::item).toList();
  }

  public static NoticeItem item(Notification n) {
    boolean open = Boolean.TRUE.equals(n.getRequiresAck()) && n.getAcknowledgedAt() == null;
    return new NoticeItem(
        n.getNotificationId(),
        Labels.value(n.getKind()),
        n.getCrisisId(),
        n.getCrisisTitle() == null ? n.getCrisisId() : n.getCrisisTitle(),
        n.getRecipientName() == null ? n.getRecipientCode() : n.getRecipientName(),
        Times.format(n.getSentAt()),
        n.getArea(),
        Times.format(n.getValidUntil()),
        n.getLevel(),
        n.getExpected(),
        n.getContact(),
        n.getMeasuresVersion(),
        n.getMeasuresRole(),
        n.getMeasures() == null ? List.of() : n.getMeasures(),
        n.getSubject(),
        n.getText(),
        Boolean.TRUE.equals(n.getExercise()),
        open,
        n.getAcknowledgedAt() == null
            ? null
            : "Bevestigd op "
                + Times.format(n.getAcknowledgedAt())
                + (n.getAcknowledgedBy() == null ? "" : " door " + n.getAcknowledgedBy()));
  }

  @GetMapping
  public String list(Model model, HttpSession session) {
    KnooppuntUser user = PageModel.require("listMyNotifications");
    List<Notification> all =
        notices.notificationsFor(directory.recipientCodesOf(user), World.exercise(session), false);
    Map<String, String> people = queries.people();
    model.addAttribute("meldingen", items(named(all, people)));
    model.addAttribute(
        "pogingen",
        attempts.ofNotifications(all.stream().map(Notification::getNotificationId).toList()));
    return "meldingen";
  }

  @GetMapping("/melding")
  public String notice(@RequestParam("id") String id, Model model) {
    KnooppuntUser user = PageModel.require("listMyNotifications");
    Notification n = mine(user, id);
    model.addAttribute("melding", item(named(List.of(n), queries.people()).get(0)));
    model.addAttribute(
        "pogingen",
        attempts.ofNotifications(List.of(n.getNotificationId())).get(n.getNotificationId()));
    if (Boolean.TRUE.equals(n.getExercise())) {
      model.addAttribute("oefening", true);
    }
    return "melding";
  }

  @PostMapping("/bevestigen")
  public String acknowledge(@RequestParam("id") String id, RedirectAttributes flash) {
    KnooppuntUser user = PageModel.require("acknowledgeNotification");
    Notification n = mine(user, id);
    try {
      notifications.acknowledge(id);
      flash.addFlashAttribute(
          "melding",
          "Ontvangst bevestigd: " + Labels.value(n.getKind()) + " (" + n.getCrisisTitle() + ").");
    } catch (Problems.Conflict e) {
      flash.addFlashAttribute("foutmelding", e.getMessage());
      return "redirect:/meldingen/melding?id="
          + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }
    return "redirect:/taken";
  }

  /** The notice if it is addressed to the user; 404 otherwise (its existence is not revealed). */
  private Notification mine(KnooppuntUser user, String id) {
    return notices
        .notification(id)
        .filter(n -> directory.recipientCodesOf(user).contains(n.getRecipientCode()))
        .orElseThrow(() -> new Problems.NotFound("Deze melding is er niet, of niet voor u."));
  }

  private static List<Notification> named(List<Notification> list, Map<String, String> people) {
    list.stream()
        .filter(n -> n.getAcknowledgedBy() != null)
        .forEach(
            n ->
                n.setAcknowledgedBy(
                    people.getOrDefault(n.getAcknowledgedBy(), n.getAcknowledgedBy())));
    return list.stream().filter(Objects::nonNull).toList();
  }
}
