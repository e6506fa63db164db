package nl.knooppunt.gateway.logbook;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the logbook's key and anchors live ({@code knooppunt.logbook}); both outside the database.
 */
@ConfigurationProperties("knooppunt.logbook")
public class LogbookSettings {

  /** The chain's secret key (production: from a secret). */
  private String key;

  /** A file holding the key, created with a random key when missing (embedded default). */
  private Path keyFile;

  /** The file the anchors are appended to (one JSON line each). */
  private Path anchorFile;

  /** An anchor after this many new entries ... */
  private int anchorEvery = 100;

  /** ... or after this long when there are new entries. */
  private Duration anchorInterval = Duration.ofHours(1);

  /** How long verification waits for the anchors on Kafka before it checks without them. */
  private Duration kafkaReadTimeout = Duration.ofSeconds(10);

  public Duration getKafkaReadTimeout() {
    return kafkaReadTimeout;
  }

  public void setKafkaReadTimeout(Duration kafkaReadTimeout) {
    this.kafkaReadTimeout = kafkaReadTimeout;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public Path getKeyFile() {
    return keyFile;
  }

  public void setKeyFile(Path keyFile) {
    this.keyFile = keyFile;
  }

  public Path getAnchorFile() {
    return anchorFile;
  }

  public void setAnchorFile(Path anchorFile) {
    this.anchorFile = anchorFile;
  }

  public int getAnchorEvery() {
    return anchorEvery;
  }

  public void setAnchorEvery(int anchorEvery) {
    this.anchorEvery = anchorEvery;
  }

  public Duration getAnchorInterval() {
    return anchorInterval;
  }

  public void setAnchorInterval(Duration anchorInterval) {
    this.anchorInterval = anchorInterval;
  }
}
