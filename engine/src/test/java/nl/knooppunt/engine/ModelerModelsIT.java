package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.support.Scenario;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Models as Camunda Desktop and Web Modeler save them (their namespaces, diagram interchange and
 * metadata; {@code src/test/resources/modeler/}) deploy and run to the end through the real client,
 * as on Camunda 8.8 (issue 23, ADR 0047).
 */
class ModelerModelsIT {

  static TestEngine engine;
  static Scenario s;

  @BeforeAll
  static void start(TestInfo test) {
    // ModelerModelsOverRestIT runs every model again with the client's defaults (REST)
    engine = TestEngine.startFor(test, false);
    s = new Scenario(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static DeploymentEvent deploy(String file) {
    try (InputStream in = ModelerModelsIT.class.getResourceAsStream("/modeler/" + file)) {
      return s.client()
          .newDeployResourceCommand()
          .addResourceBytes(in.readAllBytes(), file)
          .send()
          .join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aWebModelerExportWithCamunda7MarkupDeploysAndRunsWithThatMarkupIgnored() {
    deploy("web-modeler-export.bpmn");
    long pi = s.create("modeler_web_export");
    s.complete("modeler-melding-registreren", Map.of("melding", "brand"));
    s.awaitElement(pi, "MeldingBeoordelen", "ELEMENT_ACTIVATED");
    long task =
        engine.records("USER_TASK", "CREATED").stream()
            .filter(r -> Long.valueOf(pi).equals(r.get("processInstanceKey")))
            .findFirst()
            .orElseThrow()
            .key();
    s.client().newCompleteUserTaskCommand(task).send().join();
    s.awaitCompleted(pi);
  }

  @Test
  void aCollaborationDeploysItsExecutablePoolAndTheMessageFlowsAreOnlyDocumentation() {
    DeploymentEvent deployment = deploy("samenwerking-met-pools.bpmn");
    assertThat(deployment.getProcesses())
        .extracting(Process::getBpmnProcessId)
        .containsExactly("modeler_samenwerking");
    long pi = s.create("modeler_samenwerking", Map.of("meldingId", "M-1"));
    s.complete("modeler-bericht-versturen", Map.of());
    s.awaitElement(pi, "AntwoordOntvangen", "ELEMENT_ACTIVATED");
    s.client()
        .newPublishMessageCommand()
        .messageName("modeler-antwoord")
        .correlationKey("M-1")
        .send()
        .join();
    s.awaitCompleted(pi);
  }

  @Test
  void mappingSourcesWithoutALeadingEqualsSignAreLiteralStrings() {
    deploy("statische-waarden.bpmn");
    long pi = s.create("modeler_statische_waarden", Map.of("regio", "VR13"));
    ActivatedJob job = s.job("modeler-bron-ophalen");
    assertThat(job.getVariablesAsMap())
        .containsEntry("url", "https://data.example.nl/api/v1/incidenten")
        .containsEntry("sleutel", "{{secrets.KNOOPPUNT_API_SLEUTEL}}")
        .containsEntry("regioCode", "VR13");
    s.client().newCompleteCommand(job).variables(Map.of("aantal", 3)).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "status")).isEqualTo("opgehaald");
    assertThat(s.variable(pi, "aantalIncidenten")).isEqualTo(3L);
  }

  @Test
  void undefinedAndManualTasksPassScriptTasksRunAndMessageEventsAreJobs() {
    deploy("taken-en-berichten.bpmn");
    long pi = s.create("modeler_taken", Map.of("aantal", 21));
    ActivatedJob script = s.job("modeler-script");
    assertThat(script.getElementId()).isEqualTo("ScriptAlsJob");
    assertThat(script.getVariablesAsMap()).containsEntry("verdubbeld", 42);
    assertThat(engine.element(pi, "Overleggen", "ELEMENT_COMPLETED")).isTrue();
    assertThat(engine.element(pi, "TelefonischAfstemmen", "ELEMENT_COMPLETED")).isTrue();
    s.client().newCompleteCommand(script).send().join();
    ActivatedJob announce = s.job("modeler-aankondigen");
    assertThat(announce.getElementId()).isEqualTo("Event_Aankondigen");
    s.client().newCompleteCommand(announce).send().join();
    ActivatedJob end = s.job("modeler-eindbericht");
    assertThat(end.getElementId()).isEqualTo("Event_Bericht");
    assertThat(engine.completed(pi)).isFalse();
    s.client().newCompleteCommand(end).variables(Map.of("verstuurd", true)).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "verstuurd")).isEqualTo(true);
  }

  @Test
  void aJobBasedUserTaskIsAJobWithTheFormKeyAndAssignmentAsCamundaSetsThem() {
    deploy("gebruikerstaak-als-job.bpmn");
    long pi = s.create("modeler_gebruikerstaak_job", Map.of("behandelaar", "piet"));
    ActivatedJob job = s.job("io.camunda.zeebe:userTask");
    assertThat(job.getElementId()).isEqualTo("BesluitNemen");
    assertThat(job.getRetries()).isEqualTo(1);
    assertThat(job.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:userTaskForm_2b0sl1t")
        .containsEntry("io.camunda.zeebe:assignee", "piet")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"crisisteam\",\"meldkamer\"]")
        .containsEntry("io.camunda.zeebe:candidateUsers", "[\"an\",\"bo\"]")
        .containsEntry("io.camunda.zeebe:dueDate", "2026-12-31T12:00:00Z")
        .containsEntry("prioriteit", "hoog");
    s.client().newCompleteCommand(job).variables(Map.of("besluit", "opschalen")).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "besluit")).isEqualTo("opschalen");
  }

  @Test
  void executionListenersRunAsJobsInOrderBeforeAndAfterTheirElement() {
    deploy("uitvoeringsluisteraars.bpmn");
    long pi = s.create("modeler_uitvoeringsluisteraars");
    ActivatedJob first = s.job("modeler-el-voor-1");
    assertThat(first.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(first.getListenerEventType()).isEqualTo(ListenerEventType.START);
    assertThat(first.getElementId()).isEqualTo("Beoordelen");
    s.client().newCompleteCommand(first).variables(Map.of("voorbereid", 1)).send().join();
    ActivatedJob second = s.job("modeler-el-voor-2");
    assertThat(second.getRetries()).isEqualTo(2);
    assertThat(second.getVariablesAsMap()).containsEntry("voorbereid", 1);
    assertThat(engine.element(pi, "Beoordelen", "ELEMENT_ACTIVATED")).isFalse();
    s.client().newCompleteCommand(second).send().join();
    ActivatedJob work = s.job("modeler-beoordelen");
    assertThat(work.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(work.getVariablesAsMap()).containsEntry("voorbereid", 1);
    s.client().newCompleteCommand(work).variables(Map.of("oordeel", "ernstig")).send().join();
    ActivatedJob after = s.job("modeler-el-na");
    assertThat(after.getListenerEventType()).isEqualTo(ListenerEventType.END);
    assertThat(after.getVariablesAsMap()).containsEntry("oordeel", "ernstig");
    assertThat(engine.element(pi, "Beoordelen", "ELEMENT_COMPLETED")).isFalse();
    s.client().newCompleteCommand(after).variables(Map.of("gecontroleerd", true)).send().join();
    ActivatedJob atTheEnd = s.job("modeler-el-einde");
    assertThat(atTheEnd.getElementId()).isEqualTo("Event_Beoordeeld");
    assertThat(engine.element(pi, "Beoordelen", "ELEMENT_COMPLETED")).isTrue();
    s.client().newCompleteCommand(atTheEnd).send().join();
    s.awaitCompleted(pi);
    assertThat(s.variable(pi, "oordeel")).isEqualTo("ernstig");
    assertThat(s.variable(pi, "gecontroleerd")).isEqualTo(true);
  }

  @Test
  void anAdHocSubProcessActivatesTheChosenElementsAndCompletesOnItsCondition() {
    deploy("ad-hoc-maatregelen.bpmn");
    // the condition stays false until the last chosen element: the sub-process waits for both
    long both =
        s.create(
            "modeler_adhoc",
            Map.of("maatregelen", List.of("Informeren", "Evacueren"), "klaar", false));
    ActivatedJob inform = s.job("modeler-informeren");
    s.client().newCompleteCommand(inform).send().join();
    s.awaitElement(both, "Nabellen", "ELEMENT_COMPLETED");
    assertThat(engine.element(both, "Maatregelen", "ELEMENT_COMPLETED")).isFalse();
    ActivatedJob evacuate = s.job("modeler-evacueren");
    s.client().newCompleteCommand(evacuate).variables(Map.of("klaar", true)).send().join();
    s.awaitCompleted(both);

    // the condition is met by the first: the remaining element is terminated
    long early =
        s.create(
            "modeler_adhoc",
            Map.of("maatregelen", List.of("Evacueren", "Informeren"), "klaar", false));
    ActivatedJob first = s.job("modeler-evacueren");
    s.client().newCompleteCommand(first).variables(Map.of("klaar", true)).send().join();
    s.awaitCompleted(early);
    assertThat(engine.element(early, "Informeren", "ELEMENT_TERMINATED")).isTrue();
    assertThat(engine.element(early, "Nabellen", "ELEMENT_ACTIVATED")).isFalse();
  }

  @Test
  void anAdHocSubProcessAskedForAnElementItDoesNotHaveRaisesAnIncident() {
    deploy("ad-hoc-maatregelen.bpmn");
    long pi = s.create("modeler_adhoc", Map.of("maatregelen", List.of("Onbekend"), "klaar", false));
    assertThat(s.incidentMessage(s.incidentKey(pi))).contains("Onbekend");
  }

  @Test
  void anEndListenerOfTheStartEventAndAStartListenerOfAGatewayRunBeforeTheRouteIsChosen() {
    deploy("luisteraars-op-gebeurtenissen.bpmn");
    long pi = s.create("modeler_luisteraars_gebeurtenissen");
    ActivatedJob started = s.job("modeler-el-gestart");
    assertThat(started.getElementId()).isEqualTo("StartEvent_1");
    assertThat(started.getListenerEventType()).isEqualTo(ListenerEventType.END);
    s.client().newCompleteCommand(started).send().join();
    ActivatedJob choice = s.job("modeler-el-keuze");
    assertThat(choice.getElementId()).isEqualTo("Keuze");
    assertThat(choice.getListenerEventType()).isEqualTo(ListenerEventType.START);
    s.client().newCompleteCommand(choice).variables(Map.of("route", "snel")).send().join();
    s.awaitCompleted(pi);
    assertThat(engine.element(pi, "Event_Snel", "ELEMENT_COMPLETED")).isTrue();
  }
}
