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
 * BPMN errors: thrown by a job worker or an error end event, caught by code in the nearest scope.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/error-events/ and
 * docs.camunda.io/docs/components/best-practices/development/dealing-with-problems-and-exceptions/
 */
@DisplayName("Error events — docs.camunda.io/docs/components/modeler/bpmn/error-events/")
class ErrorEventsIT extends ConformanceTestBase {

  @Test
  @DisplayName("throwError is caught by the boundary error event with that code; variables pass")
  void throwErrorCaughtByCode() {
    final String id = uid("err_boundary");
    final String type = uid("work");
    final String rejected = uid("rejected");
    final String other = uid("other");
    final String happy = uid("happy");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            // error variables reach the catch event; an output mapping merges them (docs)
            .boundaryEvent(
                "onRejected", b -> b.error("REJECTED").zeebeOutputExpression("reason", "reason"))
            .serviceTask("handleRejected", t -> t.zeebeJobType(rejected))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("onOther", b -> b.error("OTHER"))
            .serviceTask("handleOther", t -> t.zeebeJobType(other))
            .endEvent()
            .moveToActivity("work")
            .serviceTask("happyPath", t -> t.zeebeJobType(happy))
            .endEvent()
            .done());
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);

    client
        .newThrowErrorCommand(job.getKey())
        .errorCode("REJECTED")
        .errorMessage("region declined")
        .variables(Map.of("reason", "no capacity"))
        .send()
        .join();

    final ActivatedJob handler = awaitJob(rejected);
    assertThat(handler.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(handler.getVariablesAsMap()).containsEntry("reason", "no capacity");
    assertNoJob(other);
    assertNoJob(happy);
    // the interrupted job is gone
    assertThat(errorCode(failure(() -> complete(job)))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName("an error boundary without an error code catches any error code")
  void catchAllBoundary() {
    final String id = uid("err_catch_all");
    final String type = uid("work");
    final String handler = uid("handler");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("anyError", b -> b.error())
            .serviceTask("handle", t -> t.zeebeJobType(handler))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    start(id);

    client.newThrowErrorCommand(awaitJob(type).getKey()).errorCode("WHATEVER").send().join();

    assertThat(awaitJob(handler).getElementId()).isEqualTo("handle");
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/
  @Test
  @DisplayName("an error nobody catches raises an incident naming the error code")
  void uncaughtErrorRaisesIncident() {
    final String id = uid("err_uncaught");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(type))
            .boundaryEvent("onKnown", b -> b.error("KNOWN"))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .done());
    final long instance = start(id);

    client
        .newThrowErrorCommand(awaitJob(type).getKey())
        .errorCode("UNKNOWN_CODE")
        .errorMessage("nobody listens")
        .send()
        .join();

    final IncidentView incident = awaitIncident(instance);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.errorMessage()).contains("UNKNOWN_CODE");
  }

  @Test
  @DisplayName("an error end event in an embedded subprocess is caught by the subprocess boundary")
  void errorEndEventCaughtBySubprocessBoundary() {
    final String id = uid("err_end_event");
    final String inner = uid("inner");
    final String handler = uid("handler");
    final String after = uid("after");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("checks")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("check", t -> t.zeebeJobType(inner))
            .endEvent("invalid", e -> e.error("INVALID_AREA"))
            .subProcessDone()
            .boundaryEvent("onInvalid", b -> b.error("INVALID_AREA"))
            .serviceTask("handle", t -> t.zeebeJobType(handler))
            .endEvent()
            .moveToActivity("checks")
            .serviceTask("after", t -> t.zeebeJobType(after))
            .endEvent()
            .done());
    final long instance = start(id);

    complete(awaitJob(inner));

    assertThat(awaitJob(handler).getProcessInstanceKey()).isEqualTo(instance);
    assertNoJob(after);
  }

  @Test
  @DisplayName("the nearest enclosing catch event wins (task boundary before subprocess boundary)")
  void nearestScopeCatches() {
    final String id = uid("err_nearest");
    final String inner = uid("inner");
    final String innerHandler = uid("innerHandler");
    final String outerHandler = uid("outerHandler");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("scope")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(inner))
            .boundaryEvent("innerCatch", b -> b.error("FAILED"))
            .serviceTask("innerHandle", t -> t.zeebeJobType(innerHandler))
            .endEvent()
            .moveToActivity("work")
            .endEvent()
            .subProcessDone()
            .boundaryEvent("outerCatch", b -> b.error("FAILED"))
            .serviceTask("outerHandle", t -> t.zeebeJobType(outerHandler))
            .endEvent()
            .moveToActivity("scope")
            .endEvent()
            .done());
    start(id);

    client.newThrowErrorCommand(awaitJob(inner).getKey()).errorCode("FAILED").send().join();

    assertThat(awaitJob(innerHandler).getElementId()).isEqualTo("innerHandle");
    assertNoJob(outerHandler);
  }
}
