package nl.knooppunt.workers.acknowledgement;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.workers.camunda.EngineRejections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each acknowledgement on the acknowledgements topic into the Camunda message {@code
 * knooppunt.melding.bevestigd}, correlated by notification id. The message id is the
 * acknowledgement's event id, so a replayed record is published once.
 */
@Component
class AcknowledgementListener {

  /**
   * How long an acknowledgement waits for its subscription: one that arrives before the notice's
   * wait state opens (a fast regional system) still correlates.
   */
  static final Duration MESSAGE_TTL = Duration.ofHours(24);

  private static final Logger log = LoggerFactory.getLogger(AcknowledgementListener.class);

  private final CamundaClient camunda;

  AcknowledgementListener(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @KafkaListener(
      id = "acknowledgements",
      topics = "#{T(nl.knooppunt.processes.events.Topic).ACKNOWLEDGEMENTS.topicName()}",
      containerFactory = AcknowledgementKafkaConfiguration.FACTORY)
  void onAcknowledgement(String record) {
    ReceivedAcknowledgement ack = ReceivedAcknowledgement.from(record);
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(MessageName.MELDING_BEVESTIGD.messageName())
          .correlationKey(ack.notificationId())
          .messageId(ack.eventId())
          .timeToLive(MESSAGE_TTL)
          .variables(
              Map.of(
                  Variable.BEVESTIGD_OP.variableName(), ack.acknowledgedAt().toString(),
                  Variable.BEVESTIGD_DOOR.variableName(), ack.acknowledgedBy()))
          .send()
          .join();
      log.info("Bevestiging {} van {} doorgegeven", ack.notificationId(), ack.acknowledgedBy());
    } catch (ClientException e) {
      if (EngineRejections.alreadyExists(e)) {
        log.debug("Bevestiging {} was al doorgegeven", ack.eventId());
        return;
      }
      throw e;
    }
  }
}
