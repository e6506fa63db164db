package nl.knooppunt.standalone;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the whole hub has started: the gateway answers (and its health endpoint with it) before
 * the workers are up and have deployed the processes, so until then the hub is out of service (503)
 * and a client that waits for health UP never gets "process unknown to the engine" on its first
 * request. A bean of the infrastructure context: the gateway's health endpoint includes it (the
 * gateway is a child context).
 */
public final class HubStartup implements HealthIndicator {

  private volatile boolean started;

  /** The gateway and the workers have both started. */
  void started() {
    started = true;
  }

  @Override
  public Health health() {
    return started
        ? Health.up().build()
        : Health.outOfService().withDetail("reden", "het knooppunt start nog").build();
  }
}
