package nl.knooppunt.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void parsesTheCloudEventsStyleEnvelopeAndWritesItBack() {
    Envelope e =
        Envelope.parse(
            JSON,
            "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"nl.knooppunt.besluit.genomen\","
                + "\"source\":\"knooppunt-workers\",\"time\":\"2026-11-23T10:00:00+01:00\","
                + "\"subject\":\"DN5-1\",\"data\":{\"decision\":\"AFKONDIGEN\",\"actor\":\"nctv\","
                + "\"exercise\":true}}");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(e.crisisId()).isEqualTo("DN5-1");
    assertThat(e.actor()).isEqualTo("nctv");
    assertThat(e.exercise()).isTrue();
    assertThat(Envelope.parse(JSON, e.toJson(JSON))).isEqualTo(e);
  }

  @Test
  void aRecordWithoutIdOrTypeOrNotJsonIsRefused() {
    assertThatThrownBy(() -> Envelope.parse(JSON, "geen json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.parse(JSON, "{\"type\":\"x\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.parse(JSON, "[]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAcknowledgementHasTheSameEventIdWhoeverProducesIt() {
    assertThat(EventTypes.acknowledgementEventId("N-1")).isEqualTo("melding-bevestigd:N-1");
  }
}
