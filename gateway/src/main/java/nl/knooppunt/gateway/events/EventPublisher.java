package nl.knooppunt.gateway.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.readmodel.Projector;
import nl.knooppunt.gateway.security.CurrentUsers;
import nl.knooppunt.gateway.security.KnooppuntUser;
import nl.knooppunt.processes.events.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the gateway's own events: first to {@code knooppunt.events.v1} (so a replay rebuilds
 * them), then applies them to the read model at once (so the user sees the result without waiting
 * for the consumer; the consumer skips the event id later).
 */
@Component
public class EventPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

  private final KafkaTemplate<String, String> kafka;
  private final Projector projector;
  private final ObjectMapper json;

  public EventPublisher(
      KafkaTemplate<String, String> kafka, Projector projector, ObjectMapper json) {
    this.kafka = kafka;
    this.projector = projector;
    this.json = json;
  }

  public void publish(Envelope event) {
    nameTheActor(event);
    try {
      kafka
          .send(Topic.Names.EVENTS, event.crisisId(), event.toJson(json))
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error(
          "Event {} ({}) not written to {}: interrupted",
          event.id(),
          event.type(),
          Topic.Names.EVENTS);
    } catch (Exception e) {
      LOG.error(
          "Event {} ({}) not written to {}; applied to the read model only",
          event.id(),
          event.type(),
          Topic.Names.EVENTS,
          e);
    }
    projector.apply(event);
  }

  /**
   * The signed-in person who caused the event is named in it ({@code data.actorName}), so the
   * logbook and the pages show who acted by name and function, not by account.
   */
  private static void nameTheActor(Envelope event) {
    if (event.actor() == null || event.data().has("actorName")) {
      return;
    }
    CurrentUsers.signedIn()
        .filter(u -> u.username().equals(event.actor()))
        .map(KnooppuntUser::displayName)
        .filter(name -> name != null && !name.isBlank())
        .ifPresent(name -> event.data().put("actorName", name));
  }

  /** Writes a record to another topic and waits for the broker's acknowledgement. */
  public void send(String topic, String key, String value) {
    try {
      kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new KafkaUnavailableException(topic, e);
    }
  }

  /** Kafka did not accept a record in time. */
  public static class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String topic, Throwable cause) {
      super("Kafka nam het bericht voor " + topic + " niet aan", cause);
    }
  }
}
