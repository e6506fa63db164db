package nl.knooppunt.workers.camunda;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;

/**
 * Reads a rejection of the engine the same way over either protocol the Camunda client uses: a gRPC
 * status ({@link ClientStatusException}) or a REST problem ({@link ProblemException}, its title is
 * Camunda's rejection name). The hub runs on the client's defaults (REST preferred, ADR 0049), so
 * its idempotency checks must not depend on gRPC.
 */
public final class EngineRejections {

  private EngineRejections() {}

  /** A message with this id was published before (messageId uniqueness): the retry is a no-op. */
  public static boolean alreadyExists(RuntimeException e) {
    if (e instanceof ClientStatusException s) {
      return s.getStatusCode() == Status.Code.ALREADY_EXISTS;
    }
    if (e instanceof ProblemException p) {
      return p.details() != null && "ALREADY_EXISTS".equals(p.details().getTitle());
    }
    return false;
  }
}
