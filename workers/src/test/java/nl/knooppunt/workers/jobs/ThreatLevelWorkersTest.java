package nl.knooppunt.workers.jobs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.time.Clock;
import java.util.List;
import nl.knooppunt.directory.AreaResolver;
import nl.knooppunt.directory.DemoContactBook;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.processes.variables.LevelFiveArea;
import nl.knooppunt.workers.kafka.KafkaPublisher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThreatLevelWorkersTest {

  private final KafkaPublisher publisher = mock(KafkaPublisher.class);
  private final ThreatLevelWorkers workers =
      new ThreatLevelWorkers(
          new AreaResolver(Directory.load(new DemoContactBook())),
          publisher,
          new DomainEvents(publisher, Clock.systemUTC()),
          Clock.systemUTC());

  /** Not a business outcome the model could route: the job fails, is retried, then an incident. */
  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, 6})
  void aLevelOutside1To5IsATechnicalFailureThatNamesTheLevel(Integer level) {
    var registration =
        new ThreatLevelWorkers.Registration(
            "DN5-1",
            false,
            new LevelFiveArea(LevelFiveArea.Kind.GEMEENTE, List.of("GM0344"), "Utrecht"),
            level,
            null,
            null);

    assertThatThrownBy(() -> workers.register(mock(ActivatedJob.class), registration))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(BpmnError.class)
        .hasMessage("dreigingsniveau moet 1 tot en met 5 zijn, was " + level);
    verifyNoInteractions(publisher);
  }
}
