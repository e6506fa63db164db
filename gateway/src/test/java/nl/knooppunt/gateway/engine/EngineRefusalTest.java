package nl.knooppunt.gateway.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine refuses commands (its journal's disk is full, docs/adr/0039): the gateway answers 503
 * and names the engine's reason, never a bare "not reachable".
 */
class EngineRefusalTest {

  @Test
  void aStartRefusedByTheEngineNamesItsReason() {
    CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    String reason =
        "Expected to handle the request, but the engine's journal cannot be written (No space left"
            + " on device): commands are refused until there is space again";
    when(client
            .newCreateInstanceCommand()
            .bpmnProcessId(any())
            .latestVersion()
            .variables(any(Object.class))
            .requestTimeout(any())
            .send()
            .join())
        .thenThrow(
            new ClientStatusException(Status.RESOURCE_EXHAUSTED.withDescription(reason), null));
    @SuppressWarnings("unchecked")
    ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
    when(provider.getIfAvailable()).thenReturn(client);

    assertThatThrownBy(
            () ->
                new CamundaOrchestration(provider)
                    .startProcess("dreigingsniveau-5", Map.of("crisisId", "DN5-1")))
        .isInstanceOf(EngineException.Unavailable.class)
        .hasMessageContaining("neemt nu geen opdrachten aan")
        .hasMessageContaining("No space left on device");
  }

  @Test
  void aStartRefusedByTheEngineOverRestNamesItsReason() {
    CamundaClient client = mock(CamundaClient.class, RETURNS_DEEP_STUBS);
    String reason = "Expected to handle the request, but the engine's journal cannot be written";
    when(client
            .newCreateInstanceCommand()
            .bpmnProcessId(any())
            .latestVersion()
            .variables(any(Object.class))
            .requestTimeout(any())
            .send()
            .join())
        .thenThrow(
            new ProblemException(
                503,
                reason,
                new ProblemDetail()
                    .setTitle("RESOURCE_EXHAUSTED")
                    .setStatus(503)
                    .setDetail(reason)));
    @SuppressWarnings("unchecked")
    ObjectProvider<CamundaClient> provider = mock(ObjectProvider.class);
    when(provider.getIfAvailable()).thenReturn(client);

    assertThatThrownBy(
            () ->
                new CamundaOrchestration(provider)
                    .startProcess("dreigingsniveau-5", Map.of("crisisId", "DN5-2")))
        .isInstanceOf(EngineException.Unavailable.class)
        .hasMessageContaining("neemt nu geen opdrachten aan")
        .hasMessageContaining("journal cannot be written");
  }
}
