package nl.knooppunt.processes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope keeps an event's fields as the producer gave them, absent ones included. */
class CloudEventTest {

  @Test
  void aLoweredLevelWithoutAnEndTimeIsAnEventWithAnAbsentField() {
    Map<String, Object> level = new LinkedHashMap<>();
    level.put("gemeente", "GM0344");
    level.put("niveau", 3);
    level.put("geldigTot", null);
    level.put("actie", "AFSCHALEN");

    CloudEvent event =
        CloudEvent.of(
            "job-1#GM0344",
            EventType.DREIGINGSNIVEAU_GEWIJZIGD,
            "/knooppunt/workers",
            Instant.parse("2026-03-18T16:00:00Z"),
            "DN5-1",
            false,
            level);

    assertThat(event.data()).containsEntry("geldigTot", null).containsKey("geldigTot").hasSize(4);
    assertThat(event.data().keySet()).containsExactly("gemeente", "niveau", "geldigTot", "actie");
  }

  @Test
  void theDataIsACopyNobodyCanChangeAfterwards() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("niveau", 5);
    CloudEvent event =
        CloudEvent.of("e-1", EventType.LOGBOEK_FEIT, "/test", Instant.EPOCH, "DN5-1", false, data);

    data.put("niveau", 1);

    assertThat(event.data()).containsEntry("niveau", 5);
    assertThatThrownBy(() -> event.data().put("niveau", 2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void noDataIsAnEmptyObject() {
    CloudEvent event =
        CloudEvent.of("e-2", EventType.LOGBOEK_FEIT, "/test", Instant.EPOCH, "DN5-1", false, null);
    assertThat(event.data()).isEmpty();
  }
}
