package nl.knooppunt.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueriesTest {

  @Test
  void aStuckStepShowsTheErrorBrieflyNotAStackTraceWithAJsonDocument() {
    String worker =
        "io.camunda.client.api.command.InternalClientException: Failed to deserialize json"
            + " '{\"crisisId\":\"DN5-1\",\"gebied\":{\"soort\":\"ONBEKEND\"}}' to class 'class"
            + " Registration' at io.camunda.client.impl.CamundaObjectMapper.fromJson(x.java:56) at"
            + " java.base/...\nCaused by: ...";
    assertThat(Queries.brief(worker))
        .isEqualTo(
            "io.camunda.client.api.command.InternalClientException: Failed to deserialize json"
                + " '…' to class 'class Registration'");
    assertThat(Queries.brief("x".repeat(500))).hasSize(Queries.BRIEF);
    assertThat(Queries.brief("Kafka niet bereikbaar")).isEqualTo("Kafka niet bereikbaar");
    assertThat(Queries.brief(null)).isNull();
  }
}
