package nl.knooppunt.standalone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.gateway.GatewayApplication;
import nl.knooppunt.gateway.security.LocalAccounts;
import nl.knooppunt.processes.links.AcknowledgementLinks;
import nl.knooppunt.standalone.infra.EmbeddedKafkaServer;
import nl.knooppunt.standalone.infra.EmbeddedMailServer;
import nl.knooppunt.standalone.infra.EmbeddedPostgresServer;
import nl.knooppunt.standalone.infra.FreePorts;
import nl.knooppunt.standalone.infra.SmsGatewayStandIn;
import nl.knooppunt.workers.WorkersApplication;
import nl.knooppunt.workers.delivery.SmsChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The whole hub in one JVM: first the infrastructure (PostgreSQL, Kafka, the engine), then the
 * gateway and the workers as child contexts, wired to it exactly as they would be wired to external
 * servers in production.
 *
 * <p>Profiles: {@code --spring.profiles.active=production} (or {@code SPRING_PROFILES_ACTIVE})
 * reaches all three contexts, like every argument. Only the gateway and the workers have
 * profile-specific configuration (their production check, OIDC security, no demo accounts); the
 * infrastructure context has none and starts the same servers in any profile. So the hub runs the
 * apps' production wiring against the embedded servers, e.g. in ProductionProfileIT, with {@code
 * knooppunt.production.allow-loopback=true} because those servers are on this machine.
 */
public final class StandaloneHub implements AutoCloseable {

  static final String CONFIG_NAME = "standalone,application";
  private static final Logger log = LoggerFactory.getLogger(StandaloneHub.class);

  private final ConfigurableApplicationContext infrastructure;
  private final ConfigurableApplicationContext gateway;
  private final ConfigurableApplicationContext workers;

  private StandaloneHub(
      ConfigurableApplicationContext infrastructure,
      ConfigurableApplicationContext gateway,
      ConfigurableApplicationContext workers) {
    this.infrastructure = infrastructure;
    this.gateway = gateway;
    this.workers = workers;
  }

  public static void main(String[] args) {
    StandaloneHub hub = start(args);
    Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "knooppunt-shutdown"));
  }

  /** Starts the hub; {@code args} are Spring Boot arguments such as {@code --key=value}. */
  public static StandaloneHub start(String... args) {
    ConfigurableApplicationContext infrastructure =
        new SpringApplicationBuilder(StandaloneInfrastructure.class)
            .web(WebApplicationType.NONE)
            .properties("spring.config.name=" + CONFIG_NAME)
            .registerShutdownHook(false)
            .run(args);
    try {
      Apps apps = startApps(infrastructure, wiring(infrastructure), args);
      StandaloneHub hub = new StandaloneHub(infrastructure, apps.gateway(), apps.workers());
      infrastructure.getBean(HubStartup.class).started();
      String accounts = hub.demoAccounts();
      if (accounts.isEmpty()) {
        log.info("Landelijk Knooppunt draait (ingebed): open {} | gebruikers via OIDC", hub.url());
      } else {
        log.info(
            "Landelijk Knooppunt draait (ingebed): open {} | demo-accounts: {} (wachtwoord"
                + " <account>-demo tenzij anders ingesteld; zie README.md)",
            hub.url(),
            accounts);
      }
      return hub;
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  /**
   * A second gateway and a second workers instance on this hub's engine, Kafka and PostgreSQL, as
   * production runs two of each behind a round-robin proxy (docs/adr/0038): the gateway on a port
   * of its own, both in the same consumer groups as the first ones (the projection stays once).
   * Close it before the hub.
   */
  public Replica startReplica(String... args) {
    Map<String, Object> wiring = wiring(infrastructure);
    wiring.put("server.port", FreePorts.resolve(0));
    Apps apps = startApps(infrastructure, wiring, args);
    return new Replica(apps.gateway(), apps.workers());
  }

  private record Apps(
      ConfigurableApplicationContext gateway, ConfigurableApplicationContext workers) {}

  /**
   * Starts the gateway and the workers side by side: neither needs the other to start (the gateway
   * owns the database, the workers deploy the processes and work jobs; both meet on Kafka and the
   * engine), and the hub is ready in the time of the slower one instead of the sum. When one fails
   * the other is closed and the first failure is thrown.
   */
  private static Apps startApps(
      ConfigurableApplicationContext infrastructure, Map<String, Object> wiring, String... args) {
    CompletableFuture<ConfigurableApplicationContext> gateway =
        inThread(
            "knooppunt-start-gateway",
            () ->
                child(
                        infrastructure,
                        GatewayApplication.class,
                        GatewayApplication.CONFIG_NAME,
                        wiring)
                    .web(WebApplicationType.SERVLET)
                    .run(args));
    CompletableFuture<ConfigurableApplicationContext> workers =
        inThread(
            "knooppunt-start-workers",
            () ->
                child(
                        infrastructure,
                        WorkersApplication.class,
                        WorkersApplication.CONFIG_NAME,
                        delivery(infrastructure, wiring))
                    .web(WebApplicationType.NONE)
                    .run(args));
    RuntimeException failure = null;
    ConfigurableApplicationContext gatewayContext = null;
    ConfigurableApplicationContext workersContext = null;
    try {
      gatewayContext = gateway.join();
    } catch (CompletionException e) {
      failure = unwrap(e);
    }
    try {
      workersContext = workers.join();
    } catch (CompletionException e) {
      RuntimeException workersFailure = unwrap(e);
      if (failure == null) {
        failure = workersFailure;
      } else {
        failure.addSuppressed(workersFailure);
      }
    }
    if (failure != null) {
      ConfigurableApplicationContext started =
          gatewayContext != null ? gatewayContext : workersContext;
      if (started != null) {
        started.close();
      }
      throw failure;
    }
    return new Apps(gatewayContext, workersContext);
  }

  private static CompletableFuture<ConfigurableApplicationContext> inThread(
      String name, java.util.function.Supplier<ConfigurableApplicationContext> start) {
    CompletableFuture<ConfigurableApplicationContext> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(start.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            name);
    thread.start();
    return result;
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  /** A second gateway and workers instance ({@link #startReplica}). */
  public record Replica(
      ConfigurableApplicationContext gateway, ConfigurableApplicationContext workers)
      implements AutoCloseable {

    public int httpPort() {
      return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @Override
    public void close() {
      workers.close();
      gateway.close();
    }
  }

  /** Properties that point the gateway and the workers at the embedded servers. */
  private static Map<String, Object> wiring(ConfigurableApplicationContext infrastructure) {
    StandaloneProperties properties = infrastructure.getBean(StandaloneProperties.class);
    EmbeddedPostgresServer postgres = infrastructure.getBean(EmbeddedPostgresServer.class);
    EmbeddedKafkaServer kafka = infrastructure.getBean(EmbeddedKafkaServer.class);
    Map<String, Object> wiring = new LinkedHashMap<>();
    wiring.put("knooppunt.mode", "embedded");
    // known before the gateway starts: the acknowledgement links start with the hub's address
    int httpPort = FreePorts.resolve(properties.httpPort());
    wiring.put("server.port", httpPort);
    wiring.put("spring.datasource.url", postgres.jdbcUrl());
    // the gateway connects as the application user; Flyway runs as the owner (ADR 0037)
    wiring.put("spring.datasource.username", EmbeddedPostgresServer.APP_USER);
    wiring.put("spring.datasource.password", "");
    wiring.put("spring.flyway.user", EmbeddedPostgresServer.USER);
    wiring.put("spring.flyway.password", "");
    wiring.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
    // the logbook's key and anchors: in the data directory, outside the database
    java.nio.file.Path data =
        infrastructure.getBean(StandaloneInfrastructure.DataDirectory.class).path();
    wiring.put("knooppunt.logbook.key-file", data.resolve("logbook.key").toString());
    wiring.put("knooppunt.logbook.anchor-file", data.resolve("logbook-anchors.jsonl").toString());
    // the personal acknowledgement links: signed by the workers, checked by the gateway, with a key
    // kept in the data directory (made once)
    wiring.put(AcknowledgementLinks.KEY_SETTING, LinkKey.in(data.resolve(LinkKey.FILE)));
    wiring.put(AcknowledgementLinks.BASE_URL_SETTING, "http://localhost:" + httpPort);
    EmbeddedEngine engine = infrastructure.getBeanProvider(EmbeddedEngine.class).getIfAvailable();
    wiring.put("camunda.client.enabled", engine != null);
    if (engine != null) {
      wiring.put("camunda.client.grpc-address", engine.grpcAddress());
      // the first deployment parses every model and FEEL expression in a cold JVM: on a busy
      // laptop that takes longer than the client's default of 10 s, and the hub would not start
      wiring.put("camunda.client.request-timeout", "PT1M");
      wiring.put("camunda.client.rest-address", engine.restAddress());
    }
    return wiring;
  }

  /**
   * The workers' wiring: notices by e-mail to the embedded SMTP server, by SMS to the stand-in of
   * the SMS gateway (only the workers deliver; the gateway gets no mail settings).
   */
  private static Map<String, Object> delivery(
      ConfigurableApplicationContext infrastructure, Map<String, Object> wiring) {
    Map<String, Object> workers = new LinkedHashMap<>(wiring);
    // the workers keep no data of their own: the database and its migrations are the gateway's.
    // Without this the workers context (the gateway's jars are on the hub's classpath) would make
    // a connection pool and run the gateway's Flyway migrations itself, without the gateway's
    // placeholders, racing the gateway when both start side by side.
    workers
        .keySet()
        .removeIf(key -> key.startsWith("spring.datasource.") || key.startsWith("spring.flyway."));
    workers.put(
        "spring.autoconfigure.exclude",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration,"
            // the gateway's event publication log (Spring Modulith) lives in its database
            + "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration,"
            + "org.springframework.modulith.events.config.EventPublicationAutoConfiguration");
    EmbeddedMailServer mail = infrastructure.getBean(EmbeddedMailServer.class);
    workers.put("spring.mail.host", mail.host());
    workers.put("spring.mail.port", mail.port());
    workers.put(SmsChannel.URL, infrastructure.getBean(SmsGatewayStandIn.class).url());
    workers.put(SmsChannel.TOKEN, "ingebed");
    return workers;
  }

  private static SpringApplicationBuilder child(
      ConfigurableApplicationContext parent,
      Class<?> application,
      String configName,
      Map<String, Object> wiring) {
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("standalone-wiring", wiring));
    return new SpringApplicationBuilder(application)
        .parent(parent)
        .environment(environment)
        .properties("spring.config.name=" + configName)
        .registerShutdownHook(false);
  }

  /** The local accounts the gateway seeded (names only; passwords come from configuration). */
  public String demoAccounts() {
    return gateway.getBeanProvider(LocalAccounts.class).stream()
        .flatMap(accounts -> accounts.getUsers().keySet().stream())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The address duty officers open. */
  public String url() {
    return "http://localhost:" + httpPort() + "/";
  }

  public int httpPort() {
    return ((WebServerApplicationContext) gateway).getWebServer().getPort();
  }

  public ConfigurableApplicationContext infrastructure() {
    return infrastructure;
  }

  public ConfigurableApplicationContext gateway() {
    return gateway;
  }

  public ConfigurableApplicationContext workers() {
    return workers;
  }

  @Override
  public void close() {
    workers.close();
    gateway.close();
    infrastructure.close();
  }
}
