package nl.knooppunt.workers.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.directory.Contact;
import nl.knooppunt.processes.events.DeliveryAttempt;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Origin;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.workers.jobs.DomainEvents;
import nl.knooppunt.workers.notification.NoticeSender;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivers a notice by e-mail and SMS to persons of the recipient's contact chain: per person its
 * EMAIL and SMS channels in the person's order, the next one at once when one fails or bounces,
 * stopping at the first that accepts. Every attempt is a {@link DeliveryAttempt} on the events
 * topic. A channel's failure is recorded, never thrown: the job does not fail and is not retried
 * (that would resend accepted mails); silence escalates as the process does (docs/adr/0033).
 */
@Component
public class ChainDelivery {

  /** The setting with how long a personal acknowledgement link stays valid (ISO 8601). */
  public static final String VALIDITY = "knooppunt.bevestiging.geldigheid";

  private final RegisterContactBook contacts;
  private final EmailChannel email;
  private final SmsChannel sms;
  private final DomainEvents events;
  private final AcknowledgementLinks links;
  private final String baseUrl;
  private final Duration validity;
  private final String hubContact;
  private final Clock clock;

  ChainDelivery(
      RegisterContactBook contacts,
      EmailChannel email,
      SmsChannel sms,
      DomainEvents events,
      AcknowledgementLinks links,
      @Value("${" + AcknowledgementLinks.BASE_URL_SETTING + "}") String baseUrl,
      @Value("${" + VALIDITY + ":PT24H}") Duration validity,
      @Value("${" + NoticeSender.HUB_CONTACT + "}") String hubContact,
      Clock clock) {
    this.contacts = contacts;
    this.email = email;
    this.sms = sms;
    this.events = events;
    this.links = links;
    this.baseUrl = baseUrl;
    this.validity = validity;
    this.hubContact = hubContact;
    this.clock = clock;
  }

  /**
   * The first notice: to the person(s) at order 1 on duty now, or to every person of the chain at
   * once ({@code wholeChain}: the register's reachability test).
   */
  public List<DeliveryAttempt> primary(OutgoingNotice notice, boolean wholeChain, Origin origin) {
    return deliver(notice, wholeChain ? order -> true : order -> order == 1, origin);
  }

  /** After silence: the persons at order 2 and later (stand-in, officer on duty). */
  public List<DeliveryAttempt> fallback(OutgoingNotice notice, Origin origin) {
    return deliver(notice, order -> order >= 2, origin);
  }

  private List<DeliveryAttempt> deliver(OutgoingNotice notice, IntPredicate orders, Origin origin) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (ChainContact person : contacts.chainOf(notice.recipient())) {
      if (orders.test(person.order())) {
        attempts.addAll(toPerson(notice, person, origin));
      }
    }
    return attempts;
  }

  /** The person's e-mail and SMS channels in order, until one accepts. */
  private List<DeliveryAttempt> toPerson(
      OutgoingNotice notice, ChainContact person, Origin origin) {
    Instant expires = clock.instant().plus(validity);
    String link =
        links.link(
            baseUrl,
            new AcknowledgementLinks.Claims(
                notice.notificationId(), notice.recipient().code(), person.order(), expires));
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (Contact channel : person.channels()) {
      String subject;
      String text;
      ChannelOutcome outcome;
      switch (channel.channel()) {
        case EMAIL -> {
          subject = DeliveryMessage.subject(notice);
          text = DeliveryMessage.mailBody(notice, link, hubContact);
          outcome = email.send(channel.address(), subject, text);
        }
        case SMS -> {
          text = DeliveryMessage.sms(notice, link, hubContact);
          subject = firstWords(text);
          outcome =
              sms.send(
                  channel.address(),
                  text,
                  DeliveryAttempt.eventId(notice.notificationId(), person.order(), "SMS"));
        }
        default -> {
          continue;
        }
      }
      DeliveryAttempt attempt =
          new DeliveryAttempt(
              notice.notificationId(),
              notice.crisisId(),
              notice.recipient().code(),
              notice.recipient().name(),
              person.order(),
              person.name(),
              channel.channel().name(),
              channel.address(),
              channel.demo(),
              outcome.status(),
              outcome.detail(),
              subject,
              text,
              clock.instant(),
              origin);
      events.log(
          DeliveryAttempt.eventId(
              notice.notificationId(), person.order(), channel.channel().name()),
          EventType.MELDING_AFLEVERPOGING,
          notice.crisisId(),
          notice.exercise(),
          attempt);
      attempts.add(attempt);
      if (outcome.isAccepted()) {
        break;
      }
    }
    return attempts;
  }

  /** The start of an SMS as its "subject" in the notification table. */
  private static String firstWords(String text) {
    if (text.length() <= 60) {
      return text;
    }
    int space = text.lastIndexOf(' ', 60);
    return text.substring(0, space > 0 ? space : 60) + " ...";
  }
}
