package nl.knooppunt.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.knooppunt.gateway.Api.Response;
import nl.knooppunt.gateway.GatewayITBase;
import nl.knooppunt.gateway.TestDatabases;
import nl.knooppunt.gateway.engine.EngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting a crisis is one unit: the duty officer never leaves behind a running process without a
 * crisis in the hub (tasks nobody can place, no start in the logbook), nor a crisis without its
 * process.
 */
class NoOrphanProcessesIT extends GatewayITBase {

  private static final String PATH = "/api/v1/processes/threat-level-proposals";

  private Map<String, Object> proposal() {
    return Map.of(
        "area",
        Map.of("kind", "VEILIGHEIDSREGIO", "codes", List.of("VR09")),
        "reason",
        "Dreiging na aanslag",
        "proposedEnd",
        OffsetDateTime.now(ZoneOffset.UTC).plusHours(6).withNano(0).toString(),
        "exercise",
        true);
  }

  private int crises() {
    return jdbc.queryForObject("select count(*) from crisis", Integer.class);
  }

  private int logbookStarts() {
    return jdbc.queryForObject(
        "select count(*) from logbook where type = 'nl.knooppunt.crisis.gestart'", Integer.class);
  }

  @AfterEach
  void putTheOutboxBack() {
    TestDatabases.asOwner(DATABASE)
        .execute("alter table if exists event_publication_weg rename to event_publication");
  }

  @Test
  void anEngineThatCannotBeReachedLeavesNoCrisisBehind() {
    int before = crises();
    int startsBefore = logbookStarts();
    engine.failNextStart = new EngineException.Unavailable("Proces starten: geen verbinding");

    Response r = api.post(PATH, "operator", proposal());

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.isProblem()).isTrue();
    assertThat(crises()).isEqualTo(before);
    assertThat(logbookStarts()).isEqualTo(startsBefore);
  }

  @Test
  void aCrisisThatCannotBeRecordedHasItsJustStartedProcessCancelled() {
    int before = crises();
    int startsBefore = logbookStarts();
    // the read model's database refuses the record: its outbox table is gone for a moment
    // (only its owner can do that; the gateway's own user cannot)
    TestDatabases.asOwner(DATABASE)
        .execute("alter table event_publication rename to event_publication_weg");

    Response r = api.post(PATH, "operator", proposal());

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.isProblem()).isTrue();
    assertThat(r.json().path("detail").asText()).contains("weer gestopt");
    long started = engine.lastStarted;
    assertThat(engine.calls)
        .anySatisfy(
            c -> {
              assertThat(c.what()).isEqualTo("cancel");
              assertThat(c.key()).isEqualTo(String.valueOf(started));
            });
    assertThat(crises()).isEqualTo(before);
    assertThat(logbookStarts()).isEqualTo(startsBefore);
  }
}
