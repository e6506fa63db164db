package nl.knooppunt.gateway.events;

import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.processes.events.Acknowledgement;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.ContactChainSet;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.Topic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the gateway's own events: applies each to the read model and writes it to the outbox in
 * one PostgreSQL transaction; the outbox sends it to {@link Topic#EVENTS} after commit ({@link
 * Outbox}), in order, and again until Kafka takes it. So the user sees the result at once, a Kafka
 * outage delays the topic but never loses an event, and a replay of the topic rebuilds what the
 * user saw. The consumer skips the event id when it comes back.
 */
@Component
public class OutboxPublisher {

  private final Projector projector;
  private final ApplicationEventPublisher outbox;

  public OutboxPublisher(Projector projector, ApplicationEventPublisher outbox) {
    this.projector = projector;
    this.outbox = outbox;
  }

  /**
   * Applies the event and puts it in the outbox; an event applied before (a retried job, an
   * acknowledgement that comes back through the acknowledgements topic) is not sent again.
   */
  @Transactional
  public void publish(CloudEvent<? extends EventPayload> event) {
    CloudEvent<? extends EventPayload> named = nameTheActor(event);
    if (projector.apply(named)) {
      outbox.publishEvent(OutboundRecord.of(Topic.EVENTS, named.crisisId(), named));
    }
  }

  /**
   * An acknowledgement made in the hub, in one transaction: the record on {@link
   * Topic#ACKNOWLEDGEMENTS} (key = notification id) that the workers correlate with the waiting
   * process, and the fact {@code melding.bevestigd} in the read model and on the events topic.
   */
  @Transactional
  public void acknowledge(
      CloudEvent<Acknowledgement> record, CloudEvent<Acknowledgement> acknowledged) {
    outbox.publishEvent(
        OutboundRecord.of(Topic.ACKNOWLEDGEMENTS, record.data().notificationId(), record));
    publish(acknowledged);
  }

  /**
   * A new version of the level-5 measures, in one transaction: the fact on {@link Topic#EVENTS}
   * (logbook, read model) and the version on the compacted {@link Topic#MEASURES} that the workers
   * read. Returns false, and sends nothing, when an event with its id was applied before (the same
   * version set twice).
   */
  @Transactional
  public boolean publishMeasures(CloudEvent<? extends EventPayload> event) {
    CloudEvent<? extends EventPayload> named = nameTheActor(event);
    if (!projector.apply(named)) {
      return false;
    }
    outbox.publishEvent(OutboundRecord.of(Topic.EVENTS, named.crisisId(), named));
    outbox.publishEvent(OutboundRecord.of(Topic.MEASURES, Topic.MEASURES_KEY, named));
    return true;
  }

  /**
   * A changed chain of the contact register (docs/adr/0035): the record on the compacted {@link
   * Topic#CONTACTS} (key = authority code) that the workers read from the start, in the caller's
   * transaction with the register's own tables. Not on the events topic: the chain holds personal
   * addresses, which the compacted topic forgets once a newer version is written.
   */
  @Transactional
  public void publishContacts(CloudEvent<ContactChainSet> event) {
    CloudEvent<? extends EventPayload> named = nameTheActor(event);
    outbox.publishEvent(OutboundRecord.of(Topic.CONTACTS, event.data().authorityCode(), named));
  }

  /**
   * The signed-in person who caused the event is named in it (extension attribute {@code
   * actorname}), so the logbook and the pages show who acted by name and function, not by account.
   */
  private static CloudEvent<? extends EventPayload> nameTheActor(
      CloudEvent<? extends EventPayload> event) {
    if (event.actor() == null || event.actorname() != null) {
      return event;
    }
    return CurrentUsers.signedIn()
        .filter(u -> u.username().equals(event.actor()))
        .map(KnooppuntUser::displayName)
        .filter(name -> name != null && !name.isBlank())
        .<CloudEvent<? extends EventPayload>>map(name -> event.by(event.actor(), name))
        .orElse(event);
  }
}
