package nl.knooppunt.gateway.acknowledgement;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.knooppunt.api.model.Notification;
import nl.knooppunt.gateway.events.OutboxPublisher;
import nl.knooppunt.gateway.events.Sources;
import nl.knooppunt.gateway.notification.DeliveryAttempts;
import nl.knooppunt.gateway.notification.NotificationQueries;
import nl.knooppunt.gateway.readmodel.Queries;
import nl.knooppunt.gateway.security.LoginThrottle;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.processes.links.AcknowledgementLinks.Checked;
import nl.knooppunt.processes.links.AcknowledgementLinks.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledging a notice from the personal link in an e-mail or SMS, without login (docs/adr/0033,
 * 0034). The token is checked against the shared key and the clock; a token the gateway accepted
 * once is recorded by its fingerprint ({@code acknowledgement_link_use}) and refused the second
 * time. The acknowledgement itself goes the way of one made in the hub: the record on the
 * acknowledgements topic that the workers correlate, and the fact {@code melding.bevestigd} in the
 * read model, the logbook and the live pages, with route {@link Acknowledgement#ROUTE_LINK} and the
 * person's name. Opening the link ({@link #open}) never changes anything: mail scanners open links.
 * Wrong tokens are throttled per address like failed sign-ins.
 */
@Service
public class LinkAcknowledgements {

  private static final Logger LOG = LoggerFactory.getLogger(LinkAcknowledgements.class);

  /** The hub's contact line when the notice does not say it (setting). */
  public static final String CONTACT_SETTING = "knooppunt.bevestiging.contact";

  /** What became of a link. */
  public enum Kind {
    /** Valid, the notice waits for its acknowledgement: the page with the button. */
    OPEN,
    /** Acknowledged now, from this link. */
    CONFIRMED,
    /** Someone else acknowledged the notice before (the link's use is recorded on a POST). */
    ALREADY_ACKNOWLEDGED,
    /** The notice asks no acknowledgement. */
    NOT_NEEDED,
    /** Not made by the hub, altered, or for a notice or recipient that does not match. */
    INVALID,
    /** Made by the hub, past its expiry. */
    EXPIRED,
    /** Used before (its fingerprint is known). */
    USED,
    /** Too many wrong links from this address. */
    THROTTLED
  }

  /**
   * The outcome for the page: its kind and HTTP status, the notice (null when invalid), the person,
   * the time it is about (acknowledged, used), by whom, the contact line, whether the round was
   * closed, and for {@link Kind#THROTTLED} the seconds to wait.
   */
  public record Outcome(
      Kind kind,
      int status,
      Notification notice,
      String person,
      OffsetDateTime when,
      String by,
      String contact,
      boolean roundClosed,
      long retryAfterSeconds) {

    static Outcome of(Kind kind, int status) {
      return new Outcome(kind, status, null, null, null, null, null, false, 0);
    }
  }

  private final AcknowledgementLinks links;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final NotificationQueries notices;
  private final DeliveryAttempts attempts;
  private final OutboxPublisher events;
  private final JdbcTemplate jdbc;
  private final Queries queries;
  private final String contact;

  LinkAcknowledgements(
      @Value("${" + AcknowledgementLinks.KEY_SETTING + ":}") String key,
      @Value("${" + CONTACT_SETTING + ":het Landelijk Knooppunt (NCC), 24 uur per dag bereikbaar}")
          String contact,
      ObjectProvider<Clock> clock,
      NotificationQueries notices,
      DeliveryAttempts attempts,
      OutboxPublisher events,
      JdbcTemplate jdbc,
      Queries queries) {
    if (key == null || key.isBlank()) {
      LOG.warn(
          "{} is not set: every acknowledgement link is refused as not valid",
          AcknowledgementLinks.KEY_SETTING);
      this.links = null;
    } else {
      this.links = new AcknowledgementLinks(key);
    }
    this.contact = contact;
    this.clock = clock.getIfUnique(Clock::systemUTC);
    this.throttle = new LoginThrottle(this.clock);
    this.notices = notices;
    this.attempts = attempts;
    this.events = events;
    this.jdbc = jdbc;
    this.queries = queries;
  }

  /** Opening the link: what the page shows. Changes nothing (a wrong token counts as a failure). */
  public Outcome open(String token, String address) {
    return check(token, address, false);
  }

  /** Pressing "Ontvangst bevestigen": checks again, then records the use and acknowledges. */
  @Transactional
  public Outcome confirm(String token, String address) {
    return check(token, address, true);
  }

  private Outcome check(String token, String address, boolean confirm) {
    Optional<LoginThrottle.Refusal> refusal = throttle.refusal(address, address);
    if (refusal.isPresent()) {
      long seconds = Math.max(1, refusal.get().remaining(clock.instant()).toSeconds());
      return new Outcome(Kind.THROTTLED, 429, null, null, null, null, null, false, seconds);
    }
    Instant now = clock.instant();
    Checked checked = links == null ? new Checked(Verdict.ONGELDIG, null) : links.check(token, now);
    if (checked.verdict() == Verdict.ONGELDIG) {
      return invalid(address);
    }
    AcknowledgementLinks.Claims claims = checked.claims();
    Notification n = notices.notification(claims.notificationId()).orElse(null);
    if (n == null || !claims.recipientCode().equals(n.getRecipientCode())) {
      return invalid(address);
    }
    String person =
        attempts
            .person(n.getNotificationId(), claims.chainOrder())
            .orElse(n.getRecipientName() != null ? n.getRecipientName() : n.getRecipientCode());
    String fingerprint = AcknowledgementLinks.fingerprint(token);
    Optional<OffsetDateTime> used = usedAt(fingerprint);
    if (used.isPresent()) {
      return outcome(Kind.USED, 409, n, person, used.get(), null);
    }
    if (checked.verdict() == Verdict.VERLOPEN) {
      return outcome(Kind.EXPIRED, 410, n, person, utc(claims.expires()), null);
    }
    if (Boolean.FALSE.equals(n.getRequiresAck())) {
      return outcome(Kind.NOT_NEEDED, 200, n, person, null, null);
    }
    if (n.getAcknowledgedAt() != null) {
      if (confirm) {
        record(fingerprint, n, claims, person, now);
      }
      String by = n.getAcknowledgedBy();
      return outcome(
          Kind.ALREADY_ACKNOWLEDGED,
          200,
          n,
          person,
          n.getAcknowledgedAt(),
          by == null ? "onbekend" : queries.people().getOrDefault(by, by));
    }
    if (!confirm) {
      return outcome(Kind.OPEN, 200, n, person, null, null);
    }
    if (!record(fingerprint, n, claims, person, now)) {
      // the same link pressed twice at once: the other request acknowledged
      return outcome(Kind.USED, 409, n, person, usedAt(fingerprint).orElse(utc(now)), null);
    }
    acknowledge(n, person, now);
    return outcome(Kind.CONFIRMED, 200, n, person, utc(now), person);
  }

  private Outcome invalid(String address) {
    throttle.failed(address, address);
    return Outcome.of(Kind.INVALID, 404);
  }

  private Outcome outcome(
      Kind kind, int status, Notification n, String person, OffsetDateTime when, String by) {
    String line = n.getContact() != null && !n.getContact().isBlank() ? n.getContact() : contact;
    return new Outcome(kind, status, n, person, when, by, line, roundClosed(n), 0);
  }

  /** Whether the notice's round was completed (the workers' {@code melding.ronde-afgerond}). */
  private boolean roundClosed(Notification n) {
    if (n.getRoundRef() == null) {
      return false;
    }
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from processed_event where event_id = ?)",
            Boolean.class,
            n.getRoundRef() + "#ronde-afgerond"));
  }

  private Optional<OffsetDateTime> usedAt(String fingerprint) {
    return jdbc
        .queryForList(
            "select used_at from acknowledgement_link_use where fingerprint = ?",
            OffsetDateTime.class,
            fingerprint)
        .stream()
        .findFirst()
        .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** Records the link's use; false when it was recorded before. */
  private boolean record(
      String fingerprint,
      Notification n,
      AcknowledgementLinks.Claims claims,
      String person,
      Instant now) {
    return jdbc.update(
            "insert into acknowledgement_link_use (fingerprint, notification_id, recipient_code,"
                + " chain_order, person, used_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
            fingerprint,
            n.getNotificationId(),
            claims.recipientCode(),
            claims.chainOrder(),
            person,
            utc(now))
        == 1;
  }

  /** Exactly like an acknowledgement in the hub, with route LINK and the person's name. */
  private void acknowledge(Notification n, String person, Instant now) {
    String id = n.getNotificationId();
    boolean exercise = Boolean.TRUE.equals(n.getExercise());
    Acknowledgement ack =
        new Acknowledgement(id, n.getCrisisId(), person, now, Acknowledgement.ROUTE_LINK);
    events.acknowledge(
        CloudEvent.of(
            "bevestiging:" + id, EventType.BEVESTIGING, Sources.GATEWAY, now, id, exercise, ack),
        CloudEvent.of(
            Acknowledgement.eventId(id),
            EventType.MELDING_BEVESTIGD,
            Sources.GATEWAY,
            now,
            n.getCrisisId(),
            exercise,
            ack));
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
