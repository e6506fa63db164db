package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.events.AssistanceValidated;
import nl.knooppunt.processes.events.CostsRegistered;
import nl.knooppunt.processes.events.DeploymentRegistered;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.variables.AssistanceAllocation;
import nl.knooppunt.processes.variables.AssistanceCosts;
import nl.knooppunt.processes.variables.AssistanceOffer;
import nl.knooppunt.processes.variables.AssistanceRequest;
import nl.knooppunt.workers.bijstand.AllocationRule;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.springframework.stereotype.Component;

/** bijstandsaanvraag: validation and candidates, deployment and its extension, costs. */
@Component
public class AssistanceWorkers {

  public record Request(
      String crisisId, String aanvraagId, Boolean exercise, AssistanceRequest aanvraag) {}

  public record Deployment(
      String crisisId,
      String aanvraagId,
      Boolean exercise,
      AssistanceRequest aanvraag,
      AssistanceAllocation toewijzing,
      Map<String, Object> verlengingsbesluit) {}

  public record Offers(
      String crisisId,
      String aanvraagId,
      Boolean exercise,
      AssistanceRequest aanvraag,
      List<String> kandidaatRegios,
      List<AssistanceOffer> aanbiedingen) {}

  public record Costs(
      String crisisId, String aanvraagId, Boolean exercise, AssistanceCosts kosten) {}

  private final Directory directory;
  private final AllocationRule allocation;
  private final DomainEvents events;
  private final Clock clock;

  AssistanceWorkers(Directory directory, DomainEvents events, Clock clock) {
    this.directory = directory;
    this.allocation = new AllocationRule(directory);
    this.events = events;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.BIJSTAND_AANVRAAG_VALIDEREN)
  public Map<String, Object> validate(ActivatedJob job, @VariablesAsType Request request) {
    AssistanceRequest a = request.aanvraag();
    List<String> problems = problems(a);
    if (!problems.isEmpty()) {
      throw BpmnErrors.of(
          ErrorCode.AANVRAAG_ONGELDIG, "Aanvraag ongeldig: " + String.join("; ", problems));
    }
    List<String> candidates =
        a.grondslag() == AssistanceRequest.LegalBasis.POLITIEWET_ART_56
            ? allocation.policeCandidates(a.aanvragendeRegio())
            : allocation.candidates(
                a.aanvragendeRegio(),
                a.grondslag() == AssistanceRequest.LegalBasis.WVR_ART_51_LID_5);
    events.log(
        job,
        EventType.BIJSTAND_GEVALIDEERD,
        crisisId(request.crisisId(), request.aanvraagId()),
        Boolean.TRUE.equals(request.exercise()),
        new AssistanceValidated(request.aanvraagId(), a, candidates, DomainEvents.origin(job)));
    return Map.of("kandidaatRegios", candidates);
  }

  /**
   * The allocation the rule proposes from the offers; the LOCC officer sees it in the next task and
   * decides the allocation there.
   */
  @JobWorker(type = JobTypes.BIJSTAND_TOEWIJZING_VOORSTELLEN)
  public Map<String, Object> proposeAllocation(@VariablesAsType Offers offers) {
    List<AllocationRule.Offer> offered = new ArrayList<>();
    for (AssistanceOffer a :
        offers.aanbiedingen() == null ? List.<AssistanceOffer>of() : offers.aanbiedingen()) {
      if (a != null && a.reactie() == AssistanceOffer.Response.AANGEBODEN && a.aantal() > 0) {
        offered.add(
            new AllocationRule.Offer(
                a.vrCode(),
                a.aantal(),
                a.beschikbaarVanaf() == null ? clock.instant() : instant(a.beschikbaarVanaf())));
      }
    }
    List<String> order = offers.kandidaatRegios() == null ? List.of() : offers.kandidaatRegios();
    AllocationRule.Allocation proposal =
        allocation.allocate(offers.aanvraag().aantal(), offered, order);
    List<Map<String, Object>> lines =
        proposal.shares().stream()
            .map(
                share -> Map.<String, Object>of("vrCode", share.region(), "aantal", share.amount()))
            .toList();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("regels", lines);
    result.put("tekort", proposal.shortfall());
    result.put(
        "toelichting",
        proposal.covered()
            ? "Voorstel: vroegst beschikbare aanbiedingen, buurregio's eerst"
            : "Voorstel dekt de aanvraag niet: er ontbreken " + proposal.shortfall() + " eenheden");
    return Map.of(Variable.TOEWIJZINGSVOORSTEL.variableName(), result);
  }

  @JobWorker(type = JobTypes.BIJSTAND_INZET_REGISTREREN)
  public Map<String, Object> registerDeployment(
      ActivatedJob job, @VariablesAsType Deployment deployment) {
    String action = job.getCustomHeaders().getOrDefault("actie", "START");
    String end;
    if ("VERLENGEN".equals(action)) {
      Object newEnd =
          deployment.verlengingsbesluit() == null
              ? null
              : deployment.verlengingsbesluit().get("nieuwEinde");
      if (newEnd == null) {
        throw new IllegalArgumentException("verlenging zonder nieuwEinde in verlengingsbesluit");
      }
      end = newEnd.toString();
    } else {
      AssistanceRequest a = deployment.aanvraag();
      Instant from = a.vanaf() == null ? clock.instant() : instant(a.vanaf());
      end = from.plus(Duration.parse(a.duur())).toString();
    }
    events.log(
        job,
        EventType.BIJSTAND_INZET_GEREGISTREERD,
        crisisId(deployment.crisisId(), deployment.aanvraagId()),
        Boolean.TRUE.equals(deployment.exercise()),
        new DeploymentRegistered(
            action,
            deployment.aanvraagId(),
            OutgoingNotice.instant(end),
            deployment.toewijzing(),
            DomainEvents.origin(job)));
    return Map.of("inzetEinde", end);
  }

  @JobWorker(type = JobTypes.BIJSTAND_KOSTEN_REGISTREREN)
  public void registerCosts(ActivatedJob job, @VariablesAsType Costs costs) {
    events.log(
        job,
        EventType.BIJSTAND_KOSTEN_GEREGISTREERD,
        crisisId(costs.crisisId(), costs.aanvraagId()),
        Boolean.TRUE.equals(costs.exercise()),
        new CostsRegistered(costs.aanvraagId(), costs.kosten(), DomainEvents.origin(job)));
  }

  private List<String> problems(AssistanceRequest a) {
    List<String> problems = new ArrayList<>();
    if (a == null) {
      return List.of("er is geen aanvraag");
    }
    if (a.aanvragendeRegio() == null || directory.region(a.aanvragendeRegio()).isEmpty()) {
      problems.add("aanvragende regio '" + a.aanvragendeRegio() + "' bestaat niet");
    }
    if (a.capaciteit() == null) {
      problems.add("soort capaciteit ontbreekt");
    }
    if (a.aantal() <= 0) {
      problems.add("aantal moet groter dan 0 zijn");
    }
    if (a.locatie() == null || a.locatie().isBlank()) {
      problems.add("locatie ontbreekt");
    }
    if (a.grondslag() == null) {
      problems.add("wettelijke grondslag ontbreekt");
    } else if (a.capaciteit() == AssistanceRequest.Capacity.POLITIE
        && a.grondslag() != AssistanceRequest.LegalBasis.POLITIEWET_ART_56) {
      problems.add("politiecapaciteit gaat via Politiewet 2012 art. 56");
    } else if (a.capaciteit() != null
        && a.capaciteit() != AssistanceRequest.Capacity.POLITIE
        && a.grondslag() == AssistanceRequest.LegalBasis.POLITIEWET_ART_56) {
      problems.add("Politiewet 2012 art. 56 geldt alleen voor politiecapaciteit");
    }
    try {
      if (a.duur() == null
          || Duration.parse(a.duur()).isNegative()
          || Duration.parse(a.duur()).isZero()) {
        problems.add("duur moet een positieve ISO 8601-duur zijn, bijvoorbeeld PT12H");
      }
    } catch (DateTimeParseException e) {
      problems.add("duur '" + a.duur() + "' is geen ISO 8601-duur, bijvoorbeeld PT12H");
    }
    if (a.vanaf() != null) {
      try {
        instant(a.vanaf());
      } catch (DateTimeParseException e) {
        problems.add("vanaf '" + a.vanaf() + "' is geen ISO 8601-tijdstip");
      }
    }
    return problems;
  }

  private static Instant instant(String isoDateTime) {
    return OffsetDateTime.parse(isoDateTime).toInstant();
  }

  private static String crisisId(String crisisId, String requestId) {
    return crisisId != null ? crisisId : requestId;
  }
}
