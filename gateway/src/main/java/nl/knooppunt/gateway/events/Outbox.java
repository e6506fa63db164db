package nl.knooppunt.gateway.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox (docs/adr/0016): Spring Modulith's event publication registry (table {@code
 * event_publication}) externalizing every {@link OutboundRecord} to Kafka. A record published in a
 * transaction is stored in that transaction; after commit Modulith's externalizer hands it to our
 * send, and marks the publication complete only when Kafka acknowledged it.
 *
 * <ul>
 *   <li>In order per key: one sender thread takes the records in the order they were published and
 *       sends one at a time; a record Kafka does not take is tried again (1 s, 2 s, … 30 s) before
 *       the next one goes, so a Kafka outage delays the records, never reorders or loses them.
 *   <li>Never lost: what was not sent before a stop goes first at the next start (Modulith's
 *       republish on restart); a record left unsent otherwise is resubmitted by Modulith every
 *       {@code knooppunt.gateway.outbox.resubmit-every} once older than {@code
 *       resubmit-older-than}, only while the sender is idle (so never while the first send is still
 *       under way).
 *   <li>Cleaned up: completed publications are deleted after {@code delete-completed-after}.
 * </ul>
 *
 * Modulith's own Kafka externalizer ({@code spring-modulith-events-kafka}) is not used: it lets a
 * send fail after the producer's delivery timeout and leaves the record to resubmission, by which
 * time newer records of the same key went out (see the ADR).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Outbox implements AsyncConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final ThreadPoolTaskExecutor sender = sender();

  /** What goes to Kafka: the records the gateway put in the outbox, nothing else. */
  @Bean
  EventExternalizationConfiguration outboundRecords() {
    return EventExternalizationConfiguration.externalizing()
        .selectByType(OutboundRecord.class)
        .route(
            OutboundRecord.class,
            record -> RoutingTarget.forTarget(record.topic()).andKey(record.key()))
        .build();
  }

  /** Modulith's externalizer (registry, after commit, completion) with our ordered send. */
  @Bean
  DelegatingEventExternalizer outboxExternalizer(
      EventExternalizationConfiguration outboundRecords, KafkaTemplate<String, String> kafka) {
    return new DelegatingEventExternalizer(
        outboundRecords, (target, payload) -> send(kafka, (OutboundRecord) payload));
  }

  /**
   * Sends one record and waits for Kafka's acknowledgement, trying again until Kafka takes it; runs
   * on the one sender thread, so the next record waits. Interrupted (shutdown): the publication
   * stays incomplete and goes at the next start.
   */
  static CompletableFuture<SendResult<String, String>> send(
      KafkaTemplate<String, String> kafka, OutboundRecord record) {
    Duration wait = FIRST_RETRY;
    boolean warned = false;
    while (true) {
      try {
        SendResult<String, String> sent =
            kafka.send(record.topic(), record.key(), record.value()).get();
        if (warned) {
          LOG.info("Outbox: Kafka took {} again; the records waiting follow", record.eventId());
        }
        return CompletableFuture.completedFuture(sent);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      } catch (ExecutionException | RuntimeException e) {
        if (!warned) {
          LOG.warn(
              "Outbox: Kafka did not take {} for {} ({}); trying again, the next records wait",
              record.eventId(),
              record.topic(),
              e.getCause() != null ? e.getCause().toString() : e.toString());
          warned = true;
        }
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return CompletableFuture.failedFuture(interrupted);
        }
        wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
      }
    }
  }

  /** The one thread that runs the registry's after-commit listeners: the sender. */
  @Override
  public Executor getAsyncExecutor() {
    return sender;
  }

  private static ThreadPoolTaskExecutor sender() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("knooppunt-outbox-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(5);
    executor.initialize();
    return executor;
  }

  /** The sender as a bean, so the context shuts it down. */
  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskExecutor outboxSender() {
    return sender;
  }

  @Bean
  Housekeeping outboxHousekeeping(
      IncompleteEventPublications incomplete,
      CompletedEventPublications completed,
      @Value("${knooppunt.gateway.outbox.resubmit-older-than:PT10S}") Duration olderThan,
      @Value("${knooppunt.gateway.outbox.delete-completed-after:P1D}") Duration keepCompleted) {
    return new Housekeeping(incomplete, completed, olderThan, keepCompleted, sender);
  }

  /**
   * The scheduled work of the outbox: resubmitting what was left unsent, deleting what was sent.
   */
  public static class Housekeeping {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration olderThan;
    private final Duration keepCompleted;
    private final ThreadPoolTaskExecutor sender;

    Housekeeping(
        IncompleteEventPublications incomplete,
        CompletedEventPublications completed,
        Duration olderThan,
        Duration keepCompleted,
        ThreadPoolTaskExecutor sender) {
      this.incomplete = incomplete;
      this.completed = completed;
      this.olderThan = olderThan;
      this.keepCompleted = keepCompleted;
      this.sender = sender;
    }

    /** Resubmits unsent records, oldest first, when the sender has nothing under way. */
    @Scheduled(
        fixedDelayString = "${knooppunt.gateway.outbox.resubmit-every:PT10S}",
        initialDelayString = "${knooppunt.gateway.outbox.resubmit-every:PT10S}")
    public void resubmit() {
      ThreadPoolExecutor pool = sender.getThreadPoolExecutor();
      if (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
        return; // records are under way: they are not left unsent
      }
      try {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
      } catch (RuntimeException e) {
        LOG.warn("Outbox: resubmitting failed, next try in a moment: {}", e.toString());
      }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void deleteCompleted() {
      try {
        completed.deletePublicationsOlderThan(keepCompleted);
      } catch (RuntimeException e) {
        LOG.warn("Outbox: deleting completed publications failed: {}", e.toString());
      }
    }
  }
}
