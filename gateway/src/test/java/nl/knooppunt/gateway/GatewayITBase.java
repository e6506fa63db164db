package nl.knooppunt.gateway;

import nl.knooppunt.processes.events.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway against real PostgreSQL (embedded) and real Kafka (in-process KRaft), with the engine
 * replaced by {@link FakeOrchestration}. Every subclass shares one context.
 */
@SpringBootTest(
    classes = GatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=gateway",
      "camunda.client.enabled=false",
      "knooppunt.security.bcrypt-strength=4",
      "knooppunt.mode=embedded",
      // tests poll the fake engine's incidents themselves (IncidentWatcher.poll)
      "knooppunt.gateway.incident-watch.enabled=false",
      // tests send the reminders of improvement actions themselves (ActionReminders.remind)
      "knooppunt.learning.reminders=false",
      "knooppunt.bevestiging.sleutel=" + GatewayITBase.LINK_KEY
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 3,
    topics = {Topic.Names.EVENTS, Topic.Names.ACKNOWLEDGEMENTS, Topic.Names.MEASURES},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import({FakeOrchestration.Config.class, TestClock.Config.class})
public abstract class GatewayITBase {

  /** The key of the personal acknowledgement links in the tests (Base64, 47 bytes). */
  public static final String LINK_KEY =
      "a25vb3BwdW50LXRlc3Qtc2xldXRlbC12b29yLWRlLWxpbmtzLTAxMjM0NTY3ODk=";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestDatabases.url(DATABASE));
    // the gateway as in production: the application user, Flyway as the owner
    registry.add("spring.datasource.username", () -> TestDatabases.APP_USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.user", () -> TestDatabases.OWNER);
    registry.add("spring.flyway.password", () -> "");
  }

  /** The database of every subclass. */
  protected static final String DATABASE = "gateway";

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected FakeOrchestration engine;
  @Autowired protected Fixtures fixtures;
  @Autowired protected TestClock clock;

  protected Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }
}
