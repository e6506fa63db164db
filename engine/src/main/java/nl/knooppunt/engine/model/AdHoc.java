package nl.knooppunt.engine.model;

import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.List;
import java.util.function.Function;
import nl.knooppunt.engine.feel.Expression;

/**
 * An ad-hoc sub-process as Camunda 8.8 runs it internally (ADR 0047): on entering, the inner
 * elements named by {@code zeebe:adHoc activeElementsCollection} are activated (none if the list is
 * empty or undefined: it stays active); without a completion condition it completes when no inner
 * element is active any more; with one, it is evaluated whenever an inner element completes, and
 * when true the sub-process completes, after terminating the remaining inner elements if {@code
 * cancelRemainingInstances} (the default) or else once they are done. The job-worker implementation
 * is refused.
 */
public record AdHoc(
    Expression activeElements, Expression completionCondition, boolean cancelRemainingInstances) {

  static AdHoc read(AdHocSubProcess ah, Function<String, Expression> feel, List<String> problems) {
    if (ah.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      problems.add(
          "Element '"
              + ah.getId()
              + "': an ad-hoc sub-process implemented by a job worker is not supported by the"
              + " embedded engine");
    }
    ZeebeAdHoc z = ah.getSingleExtensionElement(ZeebeAdHoc.class);
    String active = z == null ? null : z.getActiveElementsCollection();
    String condition =
        ah.getCompletionCondition() == null ? null : ah.getCompletionCondition().getTextContent();
    return new AdHoc(
        active == null || active.isBlank() ? null : feel.apply(active),
        condition == null || condition.isBlank() ? null : feel.apply(condition),
        ah.isCancelRemainingInstances());
  }
}
