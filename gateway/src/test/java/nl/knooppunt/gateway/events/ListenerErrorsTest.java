package nl.knooppunt.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class ListenerErrorsTest {

  @Test
  void whileTheDatabaseIsAwayARecordIsTriedAgainWithoutEndAndNeverSkipped() {
    Exception away =
        new ListenerExecutionFailedException(
            "projection failed",
            new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("Connection is not available")));

    BackOff backOff = ListenerErrors.backOff(away);

    assertThat(backOff).isNotNull();
    BackOffExecution pauses = backOff.start();
    assertThat(pauses.nextBackOff()).isEqualTo(1_000);
    long longest = 0;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      long pause = pauses.nextBackOff();
      assertThat(pause)
          .as("attempt %d is not the last", attempt)
          .isNotEqualTo(BackOffExecution.STOP);
      longest = Math.max(longest, pause);
    }
    assertThat(longest).isEqualTo(10_000);
  }

  @Test
  void anyOtherFailureKeepsTheDefaultOfTenAttempts() {
    assertThat(ListenerErrors.backOff(new IllegalStateException("a bug in a projection"))).isNull();
  }
}
