package nl.knooppunt.workers.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

class EngineRejectionsTest {

  @Test
  void aRepublishedMessageIsRecognisedOverGrpcAndOverRest() {
    assertThat(
            EngineRejections.alreadyExists(
                new ClientStatusException(Status.ALREADY_EXISTS.withDescription("dup"), null)))
        .isTrue();
    assertThat(
            EngineRejections.alreadyExists(
                new ProblemException(
                    409, "dup", new ProblemDetail().setTitle("ALREADY_EXISTS").setStatus(409))))
        .isTrue();
  }

  @Test
  void otherRejectionsAreNotMistakenForARepublishedMessage() {
    assertThat(
            EngineRejections.alreadyExists(
                new ClientStatusException(Status.NOT_FOUND.withDescription("x"), null)))
        .isFalse();
    assertThat(
            EngineRejections.alreadyExists(
                new ProblemException(
                    409, "x", new ProblemDetail().setTitle("INVALID_STATE").setStatus(409))))
        .isFalse();
    assertThat(EngineRejections.alreadyExists(new ProblemException(409, "x", null))).isFalse();
    assertThat(EngineRejections.alreadyExists(new ClientException("gone"))).isFalse();
  }
}
