package nl.knooppunt.gateway.events;

import nl.knooppunt.gateway.database.DatabaseUnreachable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What the gateway's listeners (the projection of the events topic, the acknowledgements) do when a
 * record fails. While PostgreSQL is away the record is tried again, and again, with a growing pause
 * (1 s, 2 s, ... at most 10 s) and without limit: its offset is not committed, nothing after it on
 * the partition is applied before it, and nothing goes to a dead letter, so the read model catches
 * up in order once the database is back (docs/adr/0039). Any other failure is tried ten times at
 * once and then logged and skipped, as before (a record the projection cannot apply must not block
 * the partition for ever).
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrors {

  static final long FIRST_PAUSE_MS = 1_000;
  static final long LONGEST_PAUSE_MS = 10_000;

  @Bean
  CommonErrorHandler listenerErrorHandler() {
    DefaultErrorHandler handler = new DefaultErrorHandler(new FixedBackOff(0, 9));
    handler.setBackOffFunction((record, failure) -> backOff(failure));
    // a new kind of failure starts its count again: an outage after other failures is waited out
    handler.setResetStateOnExceptionChange(true);
    return handler;
  }

  /** The pauses for a failure: without end while the database is away, the default otherwise. */
  static BackOff backOff(Exception failure) {
    if (!DatabaseUnreachable.isCause(failure)) {
      return null; // the handler's default: ten attempts
    }
    ExponentialBackOff untilBack = new ExponentialBackOff(FIRST_PAUSE_MS, 2.0);
    untilBack.setMaxInterval(LONGEST_PAUSE_MS);
    return untilBack;
  }
}
