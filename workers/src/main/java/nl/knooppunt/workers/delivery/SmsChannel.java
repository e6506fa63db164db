package nl.knooppunt.workers.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a notice as an SMS through an HTTP SMS gateway (the provider is the edge of the system):
 * {@code POST} of {@code {"to": "+31…", "text": "…", "reference": "…"}} as JSON to {@value #URL},
 * with {@code Authorization: Bearer} {@value #TOKEN}. A 2xx answer is {@code GEACCEPTEERD}; 404 or
 * 422 (the gateway does not know the number or finds it invalid) is {@code ONBESTELBAAR}; anything
 * else, a time-out and no gateway configured included, is {@code MISLUKT}. It never throws: the
 * chain tries the next channel.
 */
@Component
public class SmsChannel {

  /** The setting with the SMS gateway's address. */
  public static final String URL = "knooppunt.sms.url";

  /** The setting with the SMS gateway's bearer token. */
  public static final String TOKEN = "knooppunt.sms.token";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final String url;
  private final String token;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  SmsChannel(
      @Value("${" + URL + ":}") String url,
      @Value("${" + TOKEN + ":}") String token,
      ObjectMapper json) {
    this.url = url == null ? "" : url.strip();
    this.token = token == null ? "" : token.strip();
    this.json = json;
  }

  public ChannelOutcome send(String number, String text, String reference) {
    if (url.isEmpty()) {
      return ChannelOutcome.failed("geen SMS-gateway ingesteld (" + URL + ")");
    }
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      json.writeValueAsString(
                          Map.of("to", number, "text", text, "reference", reference))));
      if (!token.isEmpty()) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return ChannelOutcome.accepted();
      }
      String detail = "SMS-gateway antwoordde " + status + ": " + response.body();
      return status == 404 || status == 422
          ? ChannelOutcome.undeliverable(detail)
          : ChannelOutcome.failed(detail);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return ChannelOutcome.failed(e.getMessage());
    } catch (IOException e) {
      return ChannelOutcome.failed("SMS-gateway niet bereikbaar: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ChannelOutcome.failed("onderbroken");
    }
  }
}
