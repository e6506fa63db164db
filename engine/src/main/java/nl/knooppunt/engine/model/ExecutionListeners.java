package nl.knooppunt.engine.model;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.knooppunt.engine.feel.Expression;

/**
 * Reads {@code zeebe:executionListeners} of a flow node. Supported on tasks, sub-processes, call
 * activities, intermediate and end events (start and end), start and boundary events (end only, as
 * Camunda's validators allow) and gateways (start only); refused by name on the process and on
 * multi-instance activities (not implemented here).
 */
final class ExecutionListeners {

  private static final Set<ElementKind> SUPPORTED =
      Set.of(
          ElementKind.JOB_TASK,
          ElementKind.USER_TASK,
          ElementKind.TASK,
          ElementKind.RECEIVE_TASK,
          ElementKind.SUB_PROCESS,
          ElementKind.CALL_ACTIVITY,
          ElementKind.INTERMEDIATE_CATCH_EVENT,
          ElementKind.INTERMEDIATE_THROW_EVENT,
          ElementKind.END_EVENT,
          ElementKind.START_EVENT,
          ElementKind.BOUNDARY_EVENT,
          ElementKind.EXCLUSIVE_GATEWAY,
          ElementKind.INCLUSIVE_GATEWAY,
          ElementKind.PARALLEL_GATEWAY,
          ElementKind.EVENT_BASED_GATEWAY);

  private static final Set<ElementKind> START_ONLY =
      Set.of(
          ElementKind.EXCLUSIVE_GATEWAY,
          ElementKind.INCLUSIVE_GATEWAY,
          ElementKind.PARALLEL_GATEWAY,
          ElementKind.EVENT_BASED_GATEWAY);

  private ExecutionListeners() {}

  static void read(
      Element e, BaseElement node, Function<String, Expression> expr, List<String> problems) {
    ZeebeExecutionListeners els = node.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (els == null || els.getExecutionListeners().isEmpty()) {
      return;
    }
    if (!SUPPORTED.contains(e.kind) || e.multiInstance != null) {
      problems.add(
          "Element '"
              + e.id
              + "': zeebe:executionListeners on "
              + (e.multiInstance != null ? "a multi-instance activity" : "this element type")
              + " is not supported by the embedded engine");
      return;
    }
    for (ZeebeExecutionListener l : els.getExecutionListeners()) {
      boolean start = l.getEventType() == ZeebeExecutionListenerEventType.start;
      if (!start && l.getEventType() != ZeebeExecutionListenerEventType.end) {
        problems.add(
            "Element '"
                + e.id
                + "': the execution listener event type '"
                + l.getEventType()
                + "' is not supported by the embedded engine");
        continue;
      }
      if (!start && START_ONLY.contains(e.kind)) {
        problems.add(
            "Element '"
                + e.id
                + "': an end execution listener on a gateway is not supported by the embedded"
                + " engine");
        continue;
      }
      e.executionListeners.add(
          new ExecutionListener(
              start,
              expr.apply(l.getType()),
              expr.apply(l.getRetries() == null ? "3" : l.getRetries())));
    }
  }
}
