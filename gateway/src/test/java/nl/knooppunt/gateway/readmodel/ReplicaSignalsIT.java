package nl.knooppunt.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import nl.knooppunt.gateway.GatewayITBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Two gateway replicas share one projection and tell each other's pages (docs/adr/0038): the
 * replica that projected an event signals it through PostgreSQL once committed; this replica hears
 * what another replica signalled, and listens again after its connection was cut (a database
 * restart).
 */
class ReplicaSignalsIT extends GatewayITBase {

  @Autowired DataSource dataSource;
  @Autowired ReadModelSignal signal;
  @Autowired ReadModelListener listener;
  @Autowired ConfigurableApplicationContext context;

  /** What this replica's pages are told (the listener's side). */
  private final List<ReadModelChanged> heard = new CopyOnWriteArrayList<>();

  private final ApplicationListener<ApplicationEvent> hear =
      event -> {
        if (event instanceof PayloadApplicationEvent<?> p
            && p.getPayload() instanceof ReadModelChanged change) {
          heard.add(change);
        }
      };

  @BeforeEach
  void listen() {
    context.addApplicationListener(hear);
  }

  @AfterEach
  void stopListening() {
    context.removeApplicationListener(hear);
  }

  @Test
  void aProjectedEventIsSignalledToEveryReplicaWithItsCrisis() throws Exception {
    try (Connection other = dataSource.getConnection()) {
      try (Statement s = other.createStatement()) {
        s.execute("LISTEN " + ReadModelSignal.CHANNEL);
      }
      String crisisId = fixtures.crisis("dreigingsniveau-5", "VR09", false);

      List<String> payloads = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                PGNotification[] n = other.unwrap(PGConnection.class).getNotifications(200);
                if (n != null) {
                  for (PGNotification x : n) {
                    payloads.add(x.getParameter());
                  }
                }
                return payloads.stream().anyMatch(p -> p.endsWith("\n" + crisisId));
              });
      assertThat(payloads).allSatisfy(p -> assertThat(p).startsWith(signal.replica() + "\n"));
      try (Statement s = other.createStatement()) {
        s.execute("UNLISTEN *");
      }
    }
  }

  @Test
  void aChangeAnotherReplicaProjectedReachesThisReplicaOnlyOnce() {
    await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    heard.clear();
    jdbc.query(
        "select pg_notify(?, ?)",
        rs -> null,
        ReadModelSignal.CHANNEL,
        "andere-replica\nknooppunt.taak.aangemaakt\nCR-ELDERS-1");
    // this replica's own signal is not passed on a second time
    jdbc.query(
        "select pg_notify(?, ?)",
        rs -> null,
        ReadModelSignal.CHANNEL,
        signal.replica() + "\nknooppunt.taak.aangemaakt\nCR-HIER-1");
    jdbc.query(
        "select pg_notify(?, ?)",
        rs -> null,
        ReadModelSignal.CHANNEL,
        "andere-replica\nknooppunt.taak.aangemaakt\nCR-ELDERS-2");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> heard.stream().anyMatch(c -> "CR-ELDERS-2".equals(c.crisisId())));
    assertThat(heard)
        .extracting(ReadModelChanged::crisisId)
        .containsExactly("CR-ELDERS-1", "CR-ELDERS-2");
  }

  @Test
  void afterTheDatabaseCutItsConnectionTheReplicaListensAgainAndEveryPageReloads() {
    await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    heard.clear();
    Integer cut =
        jdbc.queryForObject(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where"
                + " application_name = ?",
            Integer.class,
            ReadModelListener.APPLICATION_NAME);
    assertThat(cut).isEqualTo(1);

    // told: anything may have changed while nobody listened (no crisis: every page)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> heard.stream().anyMatch(c -> ReadModelListener.RECONNECTED.equals(c.type())));
    assertThat(heard).allSatisfy(c -> assertThat(c.crisisId()).isNull());
    jdbc.query(
        "select pg_notify(?, ?)",
        rs -> null,
        ReadModelSignal.CHANNEL,
        "andere-replica\nknooppunt.taak.aangemaakt\nCR-NA-HERSTART");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> heard.stream().anyMatch(c -> "CR-NA-HERSTART".equals(c.crisisId())));
  }
}
