package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.directory.AffectedArea;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.Municipality;
import nl.knooppunt.directory.UnknownAreaException;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.processes.variabelen.Gebied;
import nl.knooppunt.workers.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Registers the threat level in force: one record per gemeente on the compacted topic {@code
 * knooppunt.threat-levels.v1} (so the latest level per gemeente is always there, with its end
 * time), and one domain event for the logbook. Exercise levels use their own keys ({@code
 * OEFENING/GM0344}) and never overwrite a real one.
 */
@Component
public class ThreatLevelWorkers {

  static final String EXERCISE_KEY_PREFIX = "OEFENING/";

  public record Registration(
      String crisisId,
      Boolean exercise,
      Gebied gebied,
      Integer niveau,
      String eindtijd,
      Map<String, Object> besluit) {}

  private final AreaResolver resolver;
  private final EventPublisher publisher;
  private final DomainEvents events;
  private final Clock clock;

  ThreatLevelWorkers(
      AreaResolver resolver, EventPublisher publisher, DomainEvents events, Clock clock) {
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
    String validUntil = validUntil(registration);
    boolean exercise = Boolean.TRUE.equals(registration.exercise());
    var now = clock.instant();
    for (Municipality m : area.municipalities()) {
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("gemeente", m.code());
      level.put("gemeenteNaam", m.name());
      level.put("vrCode", m.regionCode());
      level.put("niveau", registration.niveau());
      level.put("geldigTot", validUntil);
      level.put("actie", action);
      level.put("crisisId", registration.crisisId());
      publisher.publish(
          Topic.THREAT_LEVELS,
          (exercise ? EXERCISE_KEY_PREFIX : "") + m.code(),
          CloudEvent.of(
              job.getKey() + "#" + m.code(),
              EventType.DREIGINGSNIVEAU_GEWIJZIGD,
              DomainEvents.SOURCE,
              now,
              registration.crisisId(),
              exercise,
              level));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("actie", action);
    data.put("niveau", registration.niveau());
    data.put("gebied", registration.gebied());
    data.put("geldigTot", validUntil);
    data.put("regios", area.regionCodes());
    data.put("gemeenten", area.municipalities().stream().map(Municipality::code).toList());
    events.log(job, EventType.DREIGINGSNIVEAU_GEWIJZIGD, registration.crisisId(), exercise, data);
  }

  private static String validUntil(Registration registration) {
    if (registration.niveau() < 5) {
      return null; // a lowered level holds until the next change
    }
    if (registration.eindtijd() != null) {
      return registration.eindtijd();
    }
    Object decided = registration.besluit() == null ? null : registration.besluit().get("eindtijd");
    return decided == null ? null : decided.toString();
  }
}
