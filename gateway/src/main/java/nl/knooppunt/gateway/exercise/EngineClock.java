package nl.knooppunt.gateway.exercise;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's clock control, used only in the exercise environment ({@code
 * knooppunt.oefenomgeving=true}, which also starts the embedded engine with clock control on): an
 * accelerated run pins the engine's clock to the scenario time of each inject, so the norm timers
 * (a region silent for 15 minutes) fire in seconds. In a normal hub it does nothing and says so.
 */
@Component
public class EngineClock {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineClock.class);

  private final boolean enabled;
  private final String restAddress;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  EngineClock(
      @Value("${knooppunt.oefenomgeving:false}") boolean enabled,
      @Value("${camunda.client.rest-address:}") String restAddress) {
    this.enabled = enabled && restAddress != null && !restAddress.isBlank();
    this.restAddress = restAddress == null ? "" : restAddress.replaceAll("/+$", "");
  }

  /** True in the exercise environment: runs may be accelerated. */
  public boolean enabled() {
    return enabled;
  }

  /** Pins the engine's clock (never backwards on purpose: the runner only moves it on). */
  void pin(Instant at) {
    send(
        HttpRequest.newBuilder(URI.create(restAddress + "/v2/clock"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"timestamp\":" + at.toEpochMilli() + "}"))
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  /** Gives the engine its wall clock back. */
  void reset() {
    send(
        HttpRequest.newBuilder(URI.create(restAddress + "/v2/clock/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private void send(HttpRequest request) {
    if (!enabled) {
      throw new IllegalStateException(
          "de klok van de procesengine staat alleen in de oefenomgeving"
              + " (knooppunt.oefenomgeving=true) open");
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "klok van de procesengine: " + response.statusCode() + " " + response.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    LOG.debug("engine clock: {}", request.uri());
  }
}
