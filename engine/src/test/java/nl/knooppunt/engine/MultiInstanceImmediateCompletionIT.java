package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A parallel multi-instance whose inner instances complete the moment they are created (their
 * message is already buffered) still waits for every element of the collection and collects every
 * output. Regression: the body used to complete after the first inner instance finished, before its
 * siblings existed (docs.camunda.io/docs/components/modeler/bpmn/multi-instance/).
 */
class MultiInstanceImmediateCompletionIT {

  static TestEngine engine;

  @BeforeAll
  static void start(TestInfo test) {
    // MultiInstanceImmediateCompletionOverRestIT runs every scenario again with the client's
    // defaults (REST)
    engine = TestEngine.startFor(test, false);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void everyInnerInstanceCountsWhenEachCompletesAtOnce() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("mi-direct-klaar")
            .startEvent()
            .subProcess(
                "perOntvanger",
                s ->
                    s.multiInstance(
                        mi ->
                            mi.parallel()
                                .zeebeInputCollectionExpression("ontvangers")
                                .zeebeInputElement("ontvanger")
                                .zeebeOutputCollection("bevestigingen")
                                .zeebeOutputElementExpression("ontvanger + \"-bevestigd\"")))
            .embeddedSubProcess()
            .startEvent()
            .intermediateCatchEvent(
                "bevestiging",
                c -> c.message(m -> m.name("bevestigd").zeebeCorrelationKeyExpression("ontvanger")))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done();
    var client = engine.client();
    client.newDeployResourceCommand().addProcessModel(model, "mi-direct-klaar.bpmn").send().join();
    for (String recipient : List.of("a", "b", "c")) {
      client
          .newPublishMessageCommand()
          .messageName("bevestigd")
          .correlationKey(recipient)
          .timeToLive(Duration.ofMinutes(5))
          .send()
          .join();
    }

    Map<String, Object> result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("mi-direct-klaar")
            .latestVersion()
            .variables(Map.of("ontvangers", List.of("a", "b", "c")))
            .withResult()
            .send()
            .join()
            .getVariablesAsMap();

    assertThat(result.get("bevestigingen"))
        .isEqualTo(List.of("a-bevestigd", "b-bevestigd", "c-bevestigd"));
  }
}
