package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import nl.knooppunt.directory.AffectedArea;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.UnknownAreaException;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.Variable;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.processes.variables.Recipient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Area resolution: which regions are affected and whom to notify. */
@Component
public class AreaWorkers {

  /** The task header that asks for the neighbours too (a manhunt alerts them). */
  static final String CONTEXT_MANHUNT = "MANHUNT";

  public record AreaInput(LevelFiveArea gebied) {}

  /** Always asked before a level decision: police and OM each share their own information. */
  static final List<String> ALWAYS_ASKED =
      List.of(CandidateGroup.POLITIE.group(), CandidateGroup.OM.group());

  private final AreaResolver resolver;
  private final List<String> informationPartners;

  AreaWorkers(
      AreaResolver resolver,
      @Value("${knooppunt.dreigingsniveau.informatiepartners:}") List<String> extraPartners) {
    this.resolver = resolver;
    this.informationPartners = informationPartners(extraPartners);
  }

  /**
   * Police and OM, then the partners of the setting (e.g. {@code aivd}, {@code kmar}), each a
   * candidate group the hub knows: every one gets its own information task before a level decision.
   */
  static List<String> informationPartners(List<String> extra) {
    java.util.LinkedHashSet<String> partners = new java.util.LinkedHashSet<>(ALWAYS_ASKED);
    for (String partner : extra == null ? List.<String>of() : extra) {
      String group = partner.strip();
      if (group.isEmpty()) {
        continue;
      }
      if (CandidateGroup.of(group).isEmpty()) {
        throw new IllegalStateException(
            "knooppunt.dreigingsniveau.informatiepartners: "
                + group
                + " is geen rol van het knooppunt (kandidaatgroep)");
      }
      partners.add(group);
    }
    return List.copyOf(partners);
  }

  @JobWorker(type = JobTypes.GEBIED_BEPALEN)
  public Map<String, Object> resolve(ActivatedJob job, @VariablesAsType AreaInput input) {
    if (input.gebied() == null || input.gebied().soort() == null) {
      throw BpmnErrors.of(ErrorCode.GEBIED_ONBEKEND, "Er is geen gebied opgegeven");
    }
    AffectedArea area;
    try {
      var requested = Areas.toDirectory(input.gebied());
      area =
          CONTEXT_MANHUNT.equals(job.getCustomHeaders().get("context"))
              ? resolver.resolveWithNeighbours(requested)
              : resolver.resolve(requested);
    } catch (UnknownAreaException e) {
      throw BpmnErrors.of(ErrorCode.GEBIED_ONBEKEND, "Gebied niet gevonden: " + e.getMessage());
    }
    return Map.of(
        Variable.BETROKKEN_REGIOS.variableName(), area.regionCodes(),
        Variable.ONTVANGERS.variableName(), recipients(area.recipients()),
        Variable.INFORMATIEPARTNERS.variableName(), informationPartners);
  }

  static List<Recipient> recipients(List<Authority> authorities) {
    return authorities.stream()
        .map(a -> new Recipient(a.code(), a.name(), Areas.recipientKind(a.role())))
        .toList();
  }
}
