package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import nl.knooppunt.directory.AffectedArea;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.Municipality;
import nl.knooppunt.directory.UnknownAreaException;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.Area;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.ThreatLevelChanged;
import nl.knooppunt.processes.events.ThreatLevelInForce;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.workers.kafka.KafkaPublisher;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.springframework.stereotype.Component;

/**
 * Registers the threat level in force: one record per gemeente on the compacted topic {@link
 * Topic#THREAT_LEVELS} (so the latest level per gemeente is always there, with its end time), and
 * one domain event for the logbook. Exercise levels use their own keys ({@code OEFENING/GM0344})
 * and never overwrite a real one.
 */
@Component
public class ThreatLevelWorkers {

  static final String EXERCISE_KEY_PREFIX = "OEFENING/";

  public record Registration(
      String crisisId,
      Boolean exercise,
      LevelFiveArea gebied,
      Integer niveau,
      String eindtijd,
      Map<String, Object> besluit) {}

  private final AreaResolver resolver;
  private final KafkaPublisher publisher;
  private final DomainEvents events;
  private final Clock clock;

  ThreatLevelWorkers(
      AreaResolver resolver, KafkaPublisher publisher, DomainEvents events, Clock clock) {
    this.resolver = resolver;
    this.publisher = publisher;
    this.events = events;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.DREIGINGSNIVEAU_REGISTREREN)
  public void register(ActivatedJob job, @VariablesAsType Registration registration) {
    if (registration.niveau() == null || registration.niveau() < 1 || registration.niveau() > 5) {
      throw new IllegalArgumentException(
          "dreigingsniveau moet 1 tot en met 5 zijn, was " + registration.niveau());
    }
    AffectedArea area;
    try {
      area = resolver.resolve(Areas.toDirectory(registration.gebied()));
    } catch (UnknownAreaException | NullPointerException e) {
      throw BpmnErrors.of(ErrorCode.GEBIED_ONBEKEND, "Gebied niet gevonden: " + e.getMessage());
    }
    String action = job.getCustomHeaders().getOrDefault("actie", "REGISTREREN");
    Instant validUntil = validUntil(registration);
    boolean exercise = Boolean.TRUE.equals(registration.exercise());
    var now = clock.instant();
    for (Municipality m : area.municipalities()) {
      publisher.publish(
          Topic.THREAT_LEVELS,
          (exercise ? EXERCISE_KEY_PREFIX : "") + m.code(),
          CloudEvent.of(
              job.getKey() + "#" + m.code(),
              EventType.DREIGINGSNIVEAU_VAN_KRACHT,
              DomainEvents.SOURCE,
              now,
              registration.crisisId(),
              exercise,
              new ThreatLevelInForce(
                  m.code(),
                  m.name(),
                  m.regionCode(),
                  registration.niveau(),
                  validUntil,
                  action,
                  registration.crisisId())));
    }
    events.log(
        job,
        EventType.DREIGINGSNIVEAU_GEWIJZIGD,
        registration.crisisId(),
        exercise,
        new ThreatLevelChanged(
            action,
            registration.niveau(),
            Area.of(registration.gebied()),
            validUntil,
            area.regionCodes(),
            area.municipalities().stream().map(Municipality::code).toList(),
            DomainEvents.origin(job)));
  }

  private static Instant validUntil(Registration registration) {
    if (registration.niveau() < 5) {
      return null; // a lowered level holds until the next change
    }
    if (registration.eindtijd() != null) {
      return dateTime(registration.eindtijd());
    }
    Object decided = registration.besluit() == null ? null : registration.besluit().get("eindtijd");
    return decided == null ? null : dateTime(decided.toString());
  }

  private static Instant dateTime(String iso) {
    Instant at = OutgoingNotice.instant(iso);
    if (at == null) {
      throw new IllegalArgumentException("eindtijd is geen ISO 8601-tijdstip: " + iso);
    }
    return at;
  }
}
