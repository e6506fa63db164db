package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Process instance modification: activate and terminate instructions, variable instructions, and
 * what Camunda rejects.
 *
 * <p>Docs: docs.camunda.io/docs/components/concepts/process-instance-modification/ and
 * docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/ (ModifyProcessInstance)
 */
@DisplayName(
    "Process instance modification —"
        + " docs.camunda.io/docs/components/concepts/process-instance-modification/")
class ProcessInstanceModificationIT extends ConformanceTestBase {

  /** beoordelen (job) → sub-process dossier [ aanvullen (job) ] → afronden (job). */
  private static BpmnModelInstance dossier(
      final String id, final String assess, final String add, final String finish) {
    return Bpmn.createExecutableProcess(id)
        .startEvent("start")
        .serviceTask("beoordelen", t -> t.zeebeJobType(assess))
        .subProcess("dossier")
        .embeddedSubProcess()
        .startEvent()
        .serviceTask("aanvullen", t -> t.zeebeJobType(add))
        .endEvent()
        .subProcessDone()
        .serviceTask("afronden", t -> t.zeebeJobType(finish))
        .subProcess(
            "perRegio",
            s -> s.multiInstance(m -> m.parallel().zeebeInputCollectionExpression("[1, 2]")))
        .embeddedSubProcess()
        .startEvent()
        .serviceTask("regio", t -> t.zeebeJobType(finish + "_regio"))
        .endEvent()
        .subProcessDone()
        .endEvent()
        .done();
  }

  @Test
  @DisplayName(
      "activating a later element and terminating the current one moves the instance on, with"
          + " the variables of the instruction")
  void moveTheInstanceToALaterElement() {
    final String id = uid("mod_move");
    final String assess = uid("beoordelen");
    final String finish = uid("afronden");
    deploy(dossier(id, assess, uid("aanvullen"), finish));
    final long instance = start(id, Map.of("zaak", "Z-7"));
    final ActivatedJob current = awaitJob(assess);

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("afronden")
        .withVariables(Map.of("reden", "spoed"))
        .and()
        .terminateElement(current.getElementInstanceKey())
        .send()
        .join();

    final ActivatedJob moved = awaitJob(finish);
    assertThat(moved.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(moved.getVariablesAsMap())
        .containsEntry("zaak", "Z-7")
        .containsEntry("reden", "spoed");
    // the terminated element's job is gone
    assertThat(errorCode(failure(() -> complete(current)))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName(
      "activating an element inside a sub-process that is not active creates the sub-process;"
          + " a variable instruction with its scope id sets the variable there")
  void activatingInsideAnInactiveSubProcessCreatesIt() {
    final String id = uid("mod_sub");
    final String assess = uid("beoordelen");
    final String add = uid("aanvullen");
    final String finish = uid("afronden");
    deploy(dossier(id, assess, add, finish));
    final long instance = start(id);
    awaitJob(assess);

    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("aanvullen")
        .withVariables(Map.of("ontbreekt", "kaart"), "dossier")
        .send()
        .join();

    final ActivatedJob inside = awaitJob(add);
    assertThat(inside.getVariablesAsMap()).containsEntry("ontbreekt", "kaart");
    // the sub-process completes normally and continues with afronden, beside beoordelen
    complete(inside);
    assertThat(awaitJob(finish).getProcessInstanceKey()).isEqualTo(instance);
  }

  @Test
  @DisplayName("terminating the last active element terminates the process instance")
  void terminatingTheLastElementEndsTheInstance() {
    final String id = uid("mod_last");
    final String assess = uid("beoordelen");
    deploy(dossier(id, assess, uid("aanvullen"), uid("afronden")));
    final long instance = start(id);
    final ActivatedJob current = awaitJob(assess);

    client
        .newModifyProcessInstanceCommand(instance)
        .terminateElement(current.getElementInstanceKey())
        .send()
        .join();

    assertThat(errorCode(failure(() -> client.newCancelInstanceCommand(instance).send().join())))
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  @DisplayName(
      "what Camunda rejects is INVALID_ARGUMENT naming it: an unknown element, a start event, an"
          + " element inside a multi-instance body, an unknown element instance; an unknown"
          + " process instance is NOT_FOUND; a rejected command changes nothing")
  void rejectedInstructions() {
    final String id = uid("mod_reject");
    final String assess = uid("beoordelen");
    deploy(dossier(id, assess, uid("aanvullen"), uid("afronden")));
    final long instance = start(id);
    final ActivatedJob current = awaitJob(assess);

    final Throwable unknown =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .activateElement("bestaatNiet")
                    .and()
                    .terminateElement(current.getElementInstanceKey())
                    .send()
                    .join());
    assertThat(errorCode(unknown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(unknown)).contains("'bestaatNiet'");

    final Throwable startEvent =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .activateElement("start")
                    .send()
                    .join());
    assertThat(errorCode(startEvent)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(startEvent)).contains("'start'");

    final Throwable insideMultiInstance =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .activateElement("regio")
                    .send()
                    .join());
    assertThat(errorCode(insideMultiInstance)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(insideMultiInstance)).contains("'perRegio'");

    final Throwable unknownInstance =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .terminateElement(2251799813999999L)
                    .send()
                    .join());
    assertThat(errorCode(unknownInstance)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(unknownInstance)).contains("2251799813999999");

    final Throwable unknownProcessInstance =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(2251799813999999L)
                    .activateElement("afronden")
                    .send()
                    .join());
    assertThat(errorCode(unknownProcessInstance)).isEqualTo(Status.Code.NOT_FOUND);

    // nothing changed: the current job is still there and completes
    complete(current);
  }

  @Test
  @DisplayName(
      "activating inside a multi-instance sub-process with two active instances needs an"
          + " ancestor: without one it is INVALID_ARGUMENT naming the flow scope")
  void ambiguousFlowScopeNeedsAnAncestor() {
    final String id = uid("mod_ambiguous");
    final String assess = uid("beoordelen");
    final String finish = uid("afronden");
    deploy(dossier(id, assess, uid("aanvullen"), finish));
    final long instance = start(id);
    final ActivatedJob current = awaitJob(assess);
    client
        .newModifyProcessInstanceCommand(instance)
        .activateElement("perRegio")
        .and()
        .terminateElement(current.getElementInstanceKey())
        .send()
        .join();
    final java.util.List<ActivatedJob> regions = awaitJobs(finish + "_regio", 2);
    assertThat(regions).hasSize(2);

    final Throwable thrown =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .activateElement("regio")
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown))
        .contains("more than one active instance")
        .contains("'perRegio'");
  }

  @Test
  @DisplayName(
      "terminating everything of an instance a call activity created is INVALID_ARGUMENT: modify"
          + " the parent instead")
  void aCalledInstanceIsNotTerminatedOnItsOwn() {
    final String child = uid("mod_child");
    final String parent = uid("mod_parent");
    final String type = uid("kind_taak");
    deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("taak", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("aanroepen", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    start(parent);
    final ActivatedJob job = awaitJob(type);

    final Throwable thrown =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(job.getProcessInstanceKey())
                    .terminateElement(job.getElementInstanceKey())
                    .send()
                    .join());
    assertThat(errorCode(thrown)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorMessage(thrown)).contains("call activity");
    complete(job);
  }

  @Test
  @DisplayName("over REST: POST /v2/process-instances/{key}/modification; errors are problems")
  void modificationOverRest() {
    final String id = uid("mod_rest");
    final String assess = uid("beoordelen");
    final String finish = uid("afronden");
    deploy(dossier(id, assess, uid("aanvullen"), finish));
    final long instance = start(id);
    final ActivatedJob current = awaitJob(assess);

    client
        .newModifyProcessInstanceCommand(instance)
        .useRest()
        .activateElement("afronden")
        .withVariable("reden", "rest")
        .and()
        .terminateElement(current.getElementInstanceKey())
        .send()
        .join();

    assertThat(awaitJob(finish).getVariablesAsMap()).containsEntry("reden", "rest");
    final Throwable unknown =
        failure(
            () ->
                client
                    .newModifyProcessInstanceCommand(instance)
                    .useRest()
                    .activateElement("bestaatNiet")
                    .send()
                    .join());
    assertThat(httpCode(unknown)).isEqualTo(400);
  }
}
