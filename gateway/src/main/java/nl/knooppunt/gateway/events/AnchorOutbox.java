package nl.knooppunt.gateway.events;

import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.LogbookAnchored;
import nl.knooppunt.processes.events.Topic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an anchor of the logbook's chain in the outbox for {@link Topic#LOGBOOK_ANCHORS} (key {@link
 * Topic#LOGBOOK_ANCHORS_KEY}): not applied to the read model, not in the logbook (it is about the
 * logbook), sent after commit like every record ({@link Outbox}).
 */
@Component
public class AnchorOutbox {

  private final ApplicationEventPublisher outbox;

  AnchorOutbox(ApplicationEventPublisher outbox) {
    this.outbox = outbox;
  }

  @Transactional
  public void publish(CloudEvent<LogbookAnchored> anchor) {
    outbox.publishEvent(
        OutboundRecord.of(Topic.LOGBOOK_ANCHORS, Topic.LOGBOOK_ANCHORS_KEY, anchor));
  }
}
