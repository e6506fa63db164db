package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.util.Map;
import nl.knooppunt.engine.conformance.IncidentProbe.IncidentView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Call activities: starting a child process, passing variables in and out, completion, errors and
 * cancellation.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/call-activities/ and
 * docs.camunda.io/docs/components/concepts/variables/ (propagation by BPMN element)
 */
@DisplayName("Call activities — docs.camunda.io/docs/components/modeler/bpmn/call-activities/")
class CallActivityIT extends ConformanceTestBase {

  private static void deployChild(final String childId, final String childWork) {
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("childWork", t -> t.zeebeJobType(childWork))
            .endEvent()
            .done());
  }

  @Test
  @DisplayName("the child sees the parent's variables; with child propagation all come back")
  void propagatesBothWays() {
    final String parent = uid("call_parent");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    final String probe = uid("probe");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(child)
                        .zeebePropagateAllParentVariables(true)
                        .zeebePropagateAllChildVariables(true))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    final long parentInstance = start(parent, Map.of("crisisId", "c-1"));

    final ActivatedJob childJob = awaitJob(childWork);
    assertThat(childJob.getBpmnProcessId()).isEqualTo(child);
    assertThat(childJob.getProcessInstanceKey()).isNotEqualTo(parentInstance);
    assertThat(childJob.getVariablesAsMap()).containsEntry("crisisId", "c-1");
    complete(childJob, Map.of("acknowledged", 3, "detail", "x"));

    final ActivatedJob probeJob = awaitJob(probe);
    assertThat(probeJob.getProcessInstanceKey()).isEqualTo(parentInstance);
    assertThat(probeJob.getVariablesAsMap())
        .containsEntry("acknowledged", 3)
        .containsEntry("detail", "x");
  }

  @Test
  @DisplayName("propagateAllChildVariables=false: only output-mapped child variables come back")
  void noChildPropagationWithOutputMapping() {
    final String parent = uid("call_parent_nochild");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    final String probe = uid("probe");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(child)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeOutputExpression("acknowledged", "ackCount"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(parent);

    complete(awaitJob(childWork), Map.of("acknowledged", 3, "detail", "x"));

    assertThat(probe(probe))
        .containsEntry("ackCount", 3)
        .doesNotContainKeys("acknowledged", "detail");
  }

  @Test
  @DisplayName("propagateAllChildVariables=false without output mapping: nothing comes back")
  void noChildPropagationNothingBack() {
    final String parent = uid("call_parent_nothing");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    final String probe = uid("probe");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "call", c -> c.zeebeProcessId(child).zeebePropagateAllChildVariables(false))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(parent, Map.of("keep", "me"));

    complete(awaitJob(childWork), Map.of("acknowledged", 3));

    assertThat(probe(probe)).containsEntry("keep", "me").doesNotContainKey("acknowledged");
  }

  @Test
  @DisplayName("propagateAllParentVariables=false: the child gets only the input mappings")
  void onlyInputMappingsIntoChild() {
    final String parent = uid("call_parent_inputs");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessId(child)
                        .zeebePropagateAllParentVariables(false)
                        .zeebeInputExpression("area.code", "regionCode"))
            .endEvent()
            .done());
    start(parent, Map.of("area", Map.of("code", "VR09"), "secret", "parent-only"));

    final ActivatedJob childJob = awaitJob(childWork);
    assertThat(childJob.getVariablesAsMap())
        .containsEntry("regionCode", "VR09")
        .doesNotContainKeys("area", "secret");
  }

  @Test
  @DisplayName("the called process id may be a FEEL expression")
  void calledElementExpression() {
    final String parent = uid("call_parent_feel");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessIdExpression("childProcess"))
            .endEvent()
            .done());
    start(parent, Map.of("childProcess", child));

    assertThat(awaitJob(childWork).getBpmnProcessId()).isEqualTo(child);
  }

  @Test
  @DisplayName("cancelling the parent cancels the child instance")
  void cancelCascadesToChild() {
    final String parent = uid("call_parent_cancel");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    final long parentInstance = start(parent);
    final ActivatedJob childJob = awaitJob(childWork);

    client.newCancelInstanceCommand(parentInstance).send().join();

    assertThat(errorCode(failure(() -> complete(childJob)))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            errorCode(
                failure(
                    () ->
                        client
                            .newCancelInstanceCommand(childJob.getProcessInstanceKey())
                            .send()
                            .join())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/error-events/
  @Test
  @DisplayName("an error thrown in the child is caught by a boundary event on the call activity")
  void childErrorCaughtByCallActivityBoundary() {
    final String parent = uid("call_parent_error");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    final String handler = uid("handler");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .boundaryEvent("childFailed", b -> b.error("CHILD_FAILED"))
            .serviceTask("handle", t -> t.zeebeJobType(handler))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    final long parentInstance = start(parent);

    client
        .newThrowErrorCommand(awaitJob(childWork).getKey())
        .errorCode("CHILD_FAILED")
        .send()
        .join();

    assertThat(awaitJob(handler).getProcessInstanceKey()).isEqualTo(parentInstance);
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName("calling a process that is not deployed raises an incident")
  void unknownCalledProcessRaisesIncident() {
    final String parent = uid("call_parent_missing");
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(uid("not_deployed")))
            .endEvent()
            .done());
    final long instance = start(parent);

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("CALLED_ELEMENT_ERROR");
    assertThat(incident.elementId()).isEqualTo("call");
  }

  // Docs: docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CancelProcessInstance)
  @Test
  @DisplayName("a child instance cannot be cancelled on its own → FAILED_PRECONDITION")
  void childCannotBeCancelledDirectly() {
    // docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (CancelProcessInstance: cancel
    // the root process instance instead)
    final String parent = uid("call_parent_child_cancel");
    final String child = uid("call_child");
    final String childWork = uid("childWork");
    deployChild(child, childWork);
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    start(parent);
    final ActivatedJob childJob = awaitJob(childWork);

    final Throwable thrown =
        failure(
            () -> client.newCancelInstanceCommand(childJob.getProcessInstanceKey()).send().join());

    assertThat(errorCode(thrown)).isEqualTo(Status.Code.FAILED_PRECONDITION);
    complete(childJob); // the child is still running
  }
}
