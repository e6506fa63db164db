package nl.knooppunt.workers.jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Locale;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import org.springframework.stereotype.Component;

/**
 * Four eyes: whoever proposed a level-5 decision may not take it, and whoever co-signs it is
 * neither the decider nor the proposer.
 */
@Component
public class DecisionWorkers {

  /**
   * @param voorsteller who proposed (from the start or the lowering proposal)
   * @param beslisser who decided (the gateway sets it from the signed-in user)
   * @param medeondertekenaar who co-signed, at the co-sign step (null at the decision step)
   */
  public record FourEyes(String voorsteller, String beslisser, String medeondertekenaar) {}

  @JobWorker(type = JobTypes.VIER_OGEN_CONTROLEREN)
  public void checkFourEyes(ActivatedJob job, @VariablesAsType FourEyes decision) {
    String besluit = job.getCustomHeaders().getOrDefault("besluit", "besluit");
    if (decision.beslisser() == null || decision.beslisser().isBlank()) {
      throw BpmnErrors.of(
          ErrorCode.VIER_OGEN_GESCHONDEN,
          "Besluit " + besluit + " heeft geen beslisser: wie besloot is niet vastgelegd");
    }
    if (normal(decision.beslisser()).equals(normal(decision.voorsteller()))) {
      throw BpmnErrors.of(
          ErrorCode.VIER_OGEN_GESCHONDEN,
          "Besluit "
              + besluit
              + ": "
              + decision.beslisser()
              + " stelde dit voor en mag er daarom niet zelf over beslissen (vier ogen)");
    }
    String coSigner = normal(decision.medeondertekenaar());
    if (!coSigner.isEmpty()
        && (coSigner.equals(normal(decision.beslisser()))
            || coSigner.equals(normal(decision.voorsteller())))) {
      throw BpmnErrors.of(
          ErrorCode.VIER_OGEN_GESCHONDEN,
          "Besluit "
              + besluit
              + ": "
              + decision.medeondertekenaar()
              + " besloot of stelde dit voor en mag het daarom niet medeondertekenen (vier ogen)");
    }
  }

  private static String normal(String user) {
    return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
  }
}
