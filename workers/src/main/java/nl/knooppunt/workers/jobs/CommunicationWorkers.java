package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.PublicCommunicationPublished;
import nl.knooppunt.processes.variables.LocalMessage;
import nl.knooppunt.processes.variables.PublicCommunication;
import org.springframework.stereotype.Component;

/**
 * Publishes public communication, only when it serves all three aims of the seeds: inform society,
 * give a course of action (handelingsperspectief), give meaning (duiding); with it the local
 * messages the affected municipalities added before publication. The channels themselves
 * (crisis.nl, NL-Alert, press) are outside the hub; the event is what they consume.
 */
@Component
public class CommunicationWorkers {

  public record Publication(
      String crisisId,
      Boolean exercise,
      PublicCommunication publiekeCommunicatie,
      List<LocalMessage> lokaleBoodschappen) {}

  private final DomainEvents events;

  CommunicationWorkers(DomainEvents events) {
    this.events = events;
  }

  @JobWorker(type = JobTypes.COMMUNICATIE_PUBLICEREN)
  public void publish(ActivatedJob job, @VariablesAsType Publication publication) {
    PublicCommunication text = publication.publiekeCommunicatie();
    List<String> missing = new ArrayList<>();
    if (text == null || blank(text.informeren())) {
      missing.add("informeren");
    }
    if (text == null || blank(text.handelingsperspectief())) {
      missing.add("handelingsperspectief");
    }
    if (text == null || blank(text.duiding())) {
      missing.add("duiding");
    }
    if (!missing.isEmpty()) {
      throw BpmnErrors.of(
          ErrorCode.COMMUNICATIE_ONVOLLEDIG,
          "Publiekscommunicatie mist: " + String.join(", ", missing));
    }
    boolean exercise = Boolean.TRUE.equals(publication.exercise());
    String marker = exercise ? "OEFENING — " : "";
    events.log(
        job,
        EventType.COMMUNICATIE_GEPUBLICEERD,
        publication.crisisId(),
        exercise,
        new PublicCommunicationPublished(
            job.getCustomHeaders().getOrDefault("fase", String.valueOf(text.fase())),
            marker + text.informeren(),
            marker + text.handelingsperspectief(),
            marker + text.duiding(),
            text.kanalen(),
            localMessages(publication.lokaleBoodschappen(), marker),
            DomainEvents.origin(job)));
  }

  /** The municipalities' own messages that say something; an exercise says so in each. */
  private static List<PublicCommunicationPublished.LocalMessage> localMessages(
      List<LocalMessage> given, String marker) {
    if (given == null) {
      return List.of();
    }
    return given.stream()
        .filter(m -> m != null && !blank(m.boodschap()))
        .map(
            m ->
                new PublicCommunicationPublished.LocalMessage(
                    m.gemeente(), marker + m.boodschap().strip(), m.opgesteldDoor()))
        .toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
