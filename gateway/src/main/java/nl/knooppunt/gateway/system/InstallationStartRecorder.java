package nl.knooppunt.gateway.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records every start of the gateway in {@code installation_start}, so operators can see when the
 * hub was (re)started and with which version.
 */
@Component
class InstallationStartRecorder {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String version;
  private final String mode;

  InstallationStartRecorder(
      JdbcTemplate jdbc,
      @Value("${knooppunt.version:development}") String version,
      @Value("${knooppunt.mode:embedded}") String mode) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
    this.version = version;
    this.mode = mode;
  }

  @EventListener(ApplicationReadyEvent.class)
  void recordStart() {
    jdbc.update(
        "insert into installation_start (started_at, version, mode) values (?, ?, ?)",
        OffsetDateTime.now(clock),
        version,
        mode);
  }
}
