package nl.knooppunt.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** The outbox's send: a record Kafka refuses is tried again before anything else goes. */
class OutboxTest {

  @Test
  @SuppressWarnings("unchecked")
  void aRecordKafkaRefusesIsSentAgainUntilKafkaTakesIt() throws Exception {
    KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    SendResult<String, String> taken = mock(SendResult.class);
    when(kafka.send(anyString(), anyString(), anyString()))
        .thenReturn(CompletableFuture.failedFuture(new TimeoutException("Kafka is away")))
        .thenReturn(CompletableFuture.completedFuture(taken));
    OutboundRecord record =
        new OutboundRecord("knooppunt.events.v2", "DN5-1", "crisis-gestart:DN5-1", "{}");

    CompletableFuture<SendResult<String, String>> sent = Outbox.send(kafka, record);

    assertThat(sent).isCompletedWithValue(taken);
    verify(kafka, times(2)).send("knooppunt.events.v2", "DN5-1", "{}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSendInterruptedAtShutdownLeavesTheRecordForTheNextStart() {
    KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    when(kafka.send(anyString(), anyString(), anyString()))
        .thenReturn(CompletableFuture.failedFuture(new TimeoutException("Kafka is away")));
    Thread.currentThread().interrupt();
    try {
      CompletableFuture<SendResult<String, String>> sent =
          Outbox.send(kafka, new OutboundRecord("t", "k", "e", "{}"));
      assertThat(sent).isCompletedExceptionally();
    } finally {
      Thread.interrupted();
    }
  }
}
