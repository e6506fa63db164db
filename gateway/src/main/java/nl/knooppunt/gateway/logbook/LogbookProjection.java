package nl.knooppunt.gateway.logbook;

import java.time.Instant;
import nl.knooppunt.gateway.readmodel.Projection;
import nl.knooppunt.processes.events.CloudEvent;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every event in the logbook's hash chain, with its summary in words; the chain skips an event it
 * holds already, so a repeated delivery adds nothing.
 */
@Component
@Order(0)
class LogbookProjection implements Projection {

  private final Logbook logbook;
  private final Summaries summaries;

  LogbookProjection(Logbook logbook, Summaries summaries) {
    this.logbook = logbook;
    this.summaries = summaries;
  }

  @Override
  public void delivered(CloudEvent<? extends EventPayload> e) {
    logbook.append(e, summaries.of(e), CloudEventJson.writeData(e.data()), Instant.now());
  }

  @Override
  public void project(CloudEvent<? extends EventPayload> e) {
    // the chain is written on every delivery
  }
}
