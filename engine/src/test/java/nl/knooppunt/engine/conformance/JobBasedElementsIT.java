package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Elements other than service tasks that are implemented by a job worker: send tasks, business-rule
 * tasks with a job definition, intermediate message throw events; plus the none intermediate throw
 * event that just passes.
 *
 * <p>Docs: docs.camunda.io/docs/components/modeler/bpmn/send-tasks/,
 * docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/,
 * docs.camunda.io/docs/components/modeler/bpmn/message-events/ (message throw events),
 * docs.camunda.io/docs/components/modeler/bpmn/none-events/
 */
@DisplayName("Job-based elements — docs.camunda.io/docs/components/modeler/bpmn/send-tasks/")
class JobBasedElementsIT extends ConformanceTestBase {

  @Test
  @DisplayName("a send task creates a job with its headers; completion continues the flow")
  void sendTask() {
    final String id = uid("send_task");
    final String send = uid("send");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .sendTask("notify", t -> t.zeebeJobType(send).zeebeTaskHeader("channel", "email"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);

    final ActivatedJob job = awaitJob(send);
    assertThat(job.getElementId()).isEqualTo("notify");
    assertThat(job.getCustomHeaders()).containsEntry("channel", "email");
    complete(job, Map.of("sent", true));
    assertThat(probe(probe)).containsEntry("sent", true);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/
  @Test
  @DisplayName("a business rule task with a job definition behaves like a service task")
  void businessRuleTaskAsJob() {
    final String id = uid("brt_job");
    final String decide = uid("decide");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .businessRuleTask("classify", t -> t.zeebeJobType(decide).zeebeJobRetries("2"))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id, Map.of("threat", 4));

    final ActivatedJob job = awaitJob(decide);
    assertThat(job.getElementId()).isEqualTo("classify");
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getVariablesAsMap()).containsEntry("threat", 4);
    complete(job, Map.of("level", "substantial"));
    assertThat(probe(probe)).containsEntry("level", "substantial");
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/message-events/
  @Test
  @DisplayName("an intermediate message throw event with a job definition creates a job")
  void messageThrowEventAsJob() {
    final String id = uid("msg_throw_job");
    final String publish = uid("publish");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateThrowEvent(
                "announce", e -> e.message("announcement").zeebeJobType(publish))
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);

    final ActivatedJob job = awaitJob(publish);
    assertThat(job.getElementId()).isEqualTo("announce");
    complete(job, Map.of("published", true));
    assertThat(probe(probe)).containsEntry("published", true);
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/none-events/
  @Test
  @DisplayName("a none intermediate throw event passes straight through")
  void noneIntermediateThrowEvent() {
    final String id = uid("none_throw");
    final String probe = uid("probe");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateThrowEvent("milestone")
            .serviceTask("probe", t -> t.zeebeJobType(probe))
            .endEvent()
            .done());
    start(id);
    assertThat(awaitJob(probe).getElementId()).isEqualTo("probe");
  }
}
