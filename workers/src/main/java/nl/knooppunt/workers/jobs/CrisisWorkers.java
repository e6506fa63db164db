package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.TaskHeader;
import nl.knooppunt.processes.events.CrisisClosed;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.FactRecorded;
import nl.knooppunt.processes.events.ProcessRegistered;
import nl.knooppunt.processes.events.SlaPassed;
import nl.knooppunt.processes.variables.Evaluation;
import org.springframework.stereotype.Component;

/**
 * Registering and closing the process of a crisis (level 5, manhunt or assistance request), a fact
 * for the logbook, and SLA reminders and escalations: each is a domain event, the read model and
 * pages follow.
 */
@Component
public class CrisisWorkers {

  /** What the registration needs: the crisis, and whether it is an exercise. */
  public record Opening(String crisisId, Boolean exercise) {}

  public record Closing(String crisisId, Boolean exercise, Evaluation evaluatie) {}

  /** What the logbook needs to place a fact; the rest comes from the task headers. */
  /**
   * @param sla the term that passed, for an SLA reminder or escalation: the step's row of the
   *     decision table SlaTermijnen ({@code =termijnen.<stap>}, ADR 0048); null on other jobs
   */
  public record Fact(String crisisId, Boolean exercise, String vrCode, String sla) {}

  private final DomainEvents events;

  CrisisWorkers(DomainEvents events) {
    this.events = events;
  }

  /**
   * The process of a crisis registers itself: {@code proces.geregistreerd} with its instance key.
   * The start itself ({@code crisis.gestart}) is its starter's fact, not this job's.
   */
  @JobWorker(type = JobTypes.CRISIS_REGISTREREN)
  public void register(ActivatedJob job, @VariablesAsType Opening crisis) {
    events.log(
        crisis.crisisId() + "#geregistreerd",
        EventType.PROCES_GEREGISTREERD,
        crisis.crisisId(),
        Boolean.TRUE.equals(crisis.exercise()),
        new ProcessRegistered(
            job.getCustomHeaders().getOrDefault("proces", job.getBpmnProcessId()),
            DomainEvents.origin(job)));
  }

  @JobWorker(type = JobTypes.CRISIS_AFSLUITEN)
  public void close(ActivatedJob job, @VariablesAsType Closing crisis) {
    events.log(
        crisis.crisisId() + "#afgesloten",
        EventType.CRISIS_AFGESLOTEN,
        crisis.crisisId(),
        Boolean.TRUE.equals(crisis.exercise()),
        new CrisisClosed(crisis.evaluatie(), DomainEvents.origin(job)));
  }

  @JobWorker(type = JobTypes.LOGBOEK_VASTLEGGEN)
  public void recordFact(ActivatedJob job, @VariablesAsType Fact fact) {
    events.log(
        job,
        EventType.LOGBOEK_FEIT,
        fact.crisisId(),
        Boolean.TRUE.equals(fact.exercise()),
        new FactRecorded(
            job.getCustomHeaders().get("gebeurtenis"),
            job.getCustomHeaders().get("besluit"),
            fact.vrCode(),
            DomainEvents.origin(job)));
  }

  @JobWorker(type = JobTypes.SLA_HERINNEREN)
  public void remind(ActivatedJob job, @VariablesAsType Fact fact) {
    events.log(
        job,
        EventType.SLA_HERINNERING,
        fact.crisisId(),
        Boolean.TRUE.equals(fact.exercise()),
        slaPassed(job, fact));
  }

  @JobWorker(type = JobTypes.SLA_ESCALEREN)
  public void escalate(ActivatedJob job, @VariablesAsType Fact fact) {
    events.log(
        job,
        EventType.SLA_ESCALATIE,
        fact.crisisId(),
        Boolean.TRUE.equals(fact.exercise()),
        slaPassed(job, fact));
  }

  private static SlaPassed slaPassed(ActivatedJob job, Fact fact) {
    return new SlaPassed(
        job.getCustomHeaders().get("taak"),
        // the instance's term; an instance of a model from before the SLA table has it as header
        fact.sla() != null ? fact.sla() : job.getCustomHeaders().get(TaskHeader.SLA.key()),
        job.getCustomHeaders().get("escalerenNaar"),
        fact.vrCode(),
        DomainEvents.origin(job));
  }
}
