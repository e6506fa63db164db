package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.events.EventType;
import org.springframework.stereotype.Component;

/**
 * Opening and closing a crisis (level 5, manhunt or assistance request), a fact for the logbook,
 * and SLA reminders and escalations: each is a domain event, the read model and pages follow.
 */
@Component
public class CrisisWorkers {

  /** The start facts the logbook shows for a new crisis; absent ones stay out. */
  public record Opening(
      String crisisId,
      Boolean exercise,
      Object gebied,
      String reden,
      String voorgesteldDoor,
      String voorgesteldEinde,
      String gekoppeldeManhuntId,
      Object locatie,
      String tijdstip,
      Object daders,
      Boolean mogelijkTerroristischMotief,
      String aanvraagId,
      Object aanvraag,
      String aangevraagdDoor) {}

  public record Closing(String crisisId, Boolean exercise, Object evaluatie) {}

  /** What the logbook needs to place a fact; the rest comes from the task headers. */
  public record Fact(String crisisId, Boolean exercise, String vrCode) {}

  private final DomainEvents events;

  CrisisWorkers(DomainEvents events) {
    this.events = events;
  }

  @JobWorker(type = JobTypes.CRISIS_REGISTREREN)
  public void open(ActivatedJob job, @VariablesAsType Opening crisis) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("soortCrisis", job.getCustomHeaders().getOrDefault("proces", job.getBpmnProcessId()));
    data.put("gebied", crisis.gebied());
    data.put("reden", crisis.reden());
    data.put("voorgesteldDoor", crisis.voorgesteldDoor());
    data.put("voorgesteldEinde", crisis.voorgesteldEinde());
    data.put("gekoppeldeManhuntId", crisis.gekoppeldeManhuntId());
    data.put("locatie", crisis.locatie());
    data.put("tijdstip", crisis.tijdstip());
    data.put("daders", crisis.daders());
    data.put("mogelijkTerroristischMotief", crisis.mogelijkTerroristischMotief());
    data.put("aanvraagId", crisis.aanvraagId());
    data.put("aanvraag", crisis.aanvraag());
    data.put("aangevraagdDoor", crisis.aangevraagdDoor());
    events.log(
        crisis.crisisId() + "#geopend",
        EventType.CRISIS_GEOPEND,
        crisis.crisisId(),
        Boolean.TRUE.equals(crisis.exercise()),
        DomainEvents.withOrigin(job, data));
  }

  @JobWorker(type = JobTypes.CRISIS_AFSLUITEN)
  public void close(ActivatedJob job, @VariablesAsType Closing crisis) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("evaluatie", crisis.evaluatie());
    events.log(
        crisis.crisisId() + "#afgesloten",
        EventType.CRISIS_AFGESLOTEN,
        crisis.crisisId(),
        Boolean.TRUE.equals(crisis.exercise()),
        DomainEvents.withOrigin(job, data));
  }

  @JobWorker(type = JobTypes.LOGBOEK_VASTLEGGEN)
  public void recordFact(ActivatedJob job, @VariablesAsType Fact fact) {
    Map<String, Object> data = new LinkedHashMap<>(job.getCustomHeaders());
    data.put("vrCode", fact.vrCode());
    events.log(
        job, EventType.LOGBOEK_FEIT, fact.crisisId(), Boolean.TRUE.equals(fact.exercise()), data);
  }

  @JobWorker(type = JobTypes.SLA_HERINNEREN)
  public void remind(ActivatedJob job, @VariablesAsType Fact fact) {
    events.log(
        job,
        EventType.SLA_HERINNERING,
        fact.crisisId(),
        Boolean.TRUE.equals(fact.exercise()),
        slaData(job, fact));
  }

  @JobWorker(type = JobTypes.SLA_ESCALEREN)
  public void escalate(ActivatedJob job, @VariablesAsType Fact fact) {
    events.log(
        job,
        EventType.SLA_ESCALATIE,
        fact.crisisId(),
        Boolean.TRUE.equals(fact.exercise()),
        slaData(job, fact));
  }

  private static Map<String, Object> slaData(ActivatedJob job, Fact fact) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("taak", job.getCustomHeaders().get("taak"));
    data.put("sla", job.getCustomHeaders().get("sla"));
    data.put("escalerenNaar", job.getCustomHeaders().get("escalerenNaar"));
    data.put("vrCode", fact.vrCode());
    return data;
  }
}
