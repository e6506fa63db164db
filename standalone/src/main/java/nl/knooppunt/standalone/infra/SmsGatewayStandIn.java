package nl.knooppunt.standalone.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's stand-in for the SMS provider's HTTP gateway (on this machine only): it
 * takes {@code POST /sms} with {@code {"to", "text", "reference"}} as the workers send it, keeps
 * what it got in memory (nothing is texted) and answers 202; a number that is not E.164 gets 422,
 * as a provider refuses an invalid number.
 */
public final class SmsGatewayStandIn implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmsGatewayStandIn.class);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final int MAX_KEPT = 10_000;

  /** One SMS the stand-in took. */
  public record Sms(String to, String text, String reference, Instant at) {}

  private final HttpServer server;
  private final List<Sms> received = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  private SmsGatewayStandIn(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/sms", this::handle);
    server.start();
  }

  /** Starts on {@code port} of the loopback address (0: a free one). */
  public static SmsGatewayStandIn start(int port) {
    try {
      SmsGatewayStandIn standIn = new SmsGatewayStandIn(port);
      log.info("SMS-gateway (ingebed, demo): {}", standIn.url());
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the SMS gateway stand-in", e);
    }
  }

  /** The address the workers post to. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
  }

  /** Every SMS taken, oldest first. */
  public List<Sms> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{\"fout\":\"alleen POST\"}");
        return;
      }
      JsonNode body;
      try {
        body = json.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        answer(exchange, 400, "{\"fout\":\"geen JSON\"}");
        return;
      }
      String to = body.path("to").asText("");
      if (!E164.matcher(to).matches()) {
        answer(exchange, 422, "{\"fout\":\"ONGELDIG_NUMMER\"}");
        return;
      }
      if (received.size() < MAX_KEPT) {
        received.add(
            new Sms(
                to, body.path("text").asText(), body.path("reference").asText(), Instant.now()));
      }
      answer(exchange, 202, "{\"status\":\"GEACCEPTEERD\"}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
