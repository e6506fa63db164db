package nl.knooppunt.engine.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.engine.support.ChildEngine;
import org.junit.jupiter.api.Test;

/**
 * The engine benchmark (not a test: no timed assertions). Run with {@code mvn -o -pl engine -am
 * -Pbench test} (see engine/README.md); it prints the figures of issue 3 with durability on (every
 * acknowledged command is fsynced).
 */
class EngineBenchmark {

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(engine.grpcAddress()))
        .restAddress(URI.create(engine.restAddress()))
        .preferRestOverGrpc(false)
        .defaultJobWorkerMaxJobsActive(64)
        .numJobWorkerExecutionThreads(2)
        .build();
  }

  private static void print(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }

  @Test
  void run() throws Exception {
    // P2 of the hub's benchmarks (docs/performance.md); -Dbench=P1,P4 runs others, not this one
    String selected = System.getProperty("bench", "all").trim();
    if (!selected.isEmpty()
        && !selected.equalsIgnoreCase("all")
        && java.util.Arrays.stream(selected.split(","))
            .noneMatch(p -> p.trim().equalsIgnoreCase("P2"))) {
      print("P2 (engine) not selected: -Dbench=" + selected);
      return;
    }
    print(
        "cores="
            + Runtime.getRuntime().availableProcessors()
            + " maxHeap="
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB");
    handOff();
    throughput();
    waitingInstances();
  }

  // ---- 1. job hand-off ------------------------------------------------------------------------

  private void handOff() throws Exception {
    int chain = 101;
    int rounds = 13;
    int warmUpRounds = 3;
    try (EmbeddedEngine engine =
            EmbeddedEngine.start(
                new EngineSettings(Files.createTempDirectory("bench-handoff"), 0, 0, false));
        CamundaClient client = client(engine)) {
      AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess("handoff").startEvent();
      for (int i = 0; i < chain; i++) {
        b = b.serviceTask("t" + i, t -> t.zeebeJobType("handoff"));
      }
      client
          .newDeployResourceCommand()
          .addProcessModel(b.endEvent().done(), "h.bpmn")
          .send()
          .join();
      List<Long> samples = Collections.synchronizedList(new ArrayList<>());
      AtomicLong completeSentAt = new AtomicLong();
      AtomicInteger seen = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(rounds * chain);
      JobWorker worker =
          client
              .newWorker()
              .jobType("handoff")
              .handler(
                  (c, job) -> {
                    long now = System.nanoTime();
                    long sent = completeSentAt.get();
                    if (sent != 0 && seen.getAndIncrement() >= warmUpRounds * chain) {
                      samples.add(now - sent);
                    }
                    completeSentAt.set(System.nanoTime());
                    c.newCompleteCommand(job).send().join();
                    done.countDown();
                  })
              .maxJobsActive(32)
              .streamEnabled(true)
              .pollInterval(Duration.ofMillis(100))
              .open();
      for (int r = 0; r < rounds; r++) {
        completeSentAt.set(0);
        client.newCreateInstanceCommand().bpmnProcessId("handoff").latestVersion().send().join();
        long target = (long) (r + 1) * chain;
        while (done.getCount() > rounds * chain - target) {
          done.await(10, TimeUnit.MILLISECONDS);
        }
      }
      worker.close();
      List<Long> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      print(
          String.format(
              "job hand-off (CompleteJob n -> activation n+1, waiting worker, durable): n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms",
              sorted.size(),
              pct(sorted, 50) / 1e6,
              pct(sorted, 99) / 1e6,
              sorted.get(sorted.size() - 1) / 1e6));
    }
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  // ---- 2. throughput ----------------------------------------------------------------------------

  private void throughput() throws Exception {
    int instances = 4000;
    try (EmbeddedEngine engine =
            EmbeddedEngine.start(
                new EngineSettings(Files.createTempDirectory("bench-throughput"), 0, 0, false));
        CamundaClient client = client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("three")
                  .startEvent()
                  .serviceTask("a", t -> t.zeebeJobType("bench-a"))
                  .serviceTask("b", t -> t.zeebeJobType("bench-b"))
                  .serviceTask("c", t -> t.zeebeJobType("bench-c"))
                  .endEvent()
                  .done(),
              "three.bpmn")
          .send()
          .join();
      AtomicInteger completedJobs = new AtomicInteger();
      List<JobWorker> workers = new ArrayList<>();
      for (String type : List.of("bench-a", "bench-b", "bench-c")) {
        workers.add(
            client
                .newWorker()
                .jobType(type)
                .handler(
                    (c, job) ->
                        c.newCompleteCommand(job)
                            .send()
                            .whenComplete((r, e) -> completedJobs.incrementAndGet()))
                .maxJobsActive(64)
                .pollInterval(Duration.ofMillis(50))
                .open());
      }
      // warm-up
      runInstances(client, 300, completedJobs);
      completedJobs.set(0);
      long start = System.nanoTime();
      runInstances(client, instances, completedJobs);
      double seconds = (System.nanoTime() - start) / 1e9;
      double jobsPerSecond = completedJobs.get() / seconds;
      workers.forEach(JobWorker::close);

      // bare Topology round-trips on the same client and engine
      Semaphore inFlight = new Semaphore(16);
      AtomicInteger topologies = new AtomicInteger();
      long tStart = System.nanoTime();
      long tEnd = tStart + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < tEnd) {
        inFlight.acquire();
        client
            .newTopologyRequest()
            .send()
            .whenComplete(
                (r, e) -> {
                  topologies.incrementAndGet();
                  inFlight.release();
                });
      }
      inFlight.acquire(16);
      double topologyPerSecond = topologies.get() / ((System.nanoTime() - tStart) / 1e9);
      print(
          String.format(
              "throughput (3 service tasks, 3 client workers, durable): %d jobs in %.1f s = %.0f jobs/s",
              completedJobs.get(), seconds, jobsPerSecond));
      print(String.format("bare gRPC Topology round-trips: %.0f /s", topologyPerSecond));
      print(
          String.format(
              "ratio job completions / Topology round-trips = %.3f",
              jobsPerSecond / topologyPerSecond));
    }
  }

  private static void runInstances(CamundaClient client, int count, AtomicInteger completedJobs)
      throws InterruptedException {
    int target = completedJobs.get() + count * 3;
    Semaphore inFlight = new Semaphore(200);
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId("three")
          .latestVersion()
          .send()
          .whenComplete((r, e) -> inFlight.release());
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (completedJobs.get() < target && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  // ---- 3. 10,000 instances waiting on messages: memory and restart ------------------------------

  private void waitingInstances() throws Exception {
    int count = 10_000;
    Path dir = Files.createTempDirectory("bench-waiting");
    System.gc();
    long before = usedHeap();
    EmbeddedEngine engine = EmbeddedEngine.start(new EngineSettings(dir, 0, 0, false));
    try (CamundaClient client = client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("waiting")
                  .startEvent()
                  .intermediateCatchEvent(
                      "wait", e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("id")))
                  .endEvent()
                  .done(),
              "waiting.bpmn")
          .send()
          .join();
      Semaphore inFlight = new Semaphore(200);
      for (int i = 0; i < count; i++) {
        inFlight.acquire();
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("waiting")
            .latestVersion()
            .variables(
                Map.of("id", "case-" + i, "crisisId", "crisis-" + (i % 50), "exercise", false))
            .send()
            .whenComplete((r, e) -> inFlight.release());
      }
      inFlight.acquire(200);
    }
    System.gc();
    long after = usedHeap();
    print(
        String.format(
            "%d instances waiting on messages: engine heap %.1f MiB (JVM max heap %d MiB)",
            count, (after - before) / 1048576.0, Runtime.getRuntime().maxMemory() >> 20));
    long t0 = System.nanoTime();
    engine.close();
    long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    t0 = System.nanoTime();
    engine = EmbeddedEngine.start(new EngineSettings(dir, 0, 0, false));
    long restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    engine.close();
    print(
        String.format(
            "clean restart with %d waiting instances (snapshot written at close in %d ms): %d ms",
            count, closeMs, restartMs));

    // crash restart: a child JVM with 512 MiB heap, killed with SIGKILL, recovers from the journal
    Path crashDir = Files.createTempDirectory("bench-crash");
    ChildEngine child = ChildEngine.start(crashDir);
    child
        .client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("waiting")
                .startEvent()
                .intermediateCatchEvent(
                    "wait", e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("id")))
                .endEvent()
                .done(),
            "waiting.bpmn")
        .send()
        .join();
    Semaphore inFlight = new Semaphore(200);
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      child
          .client
          .newCreateInstanceCommand()
          .bpmnProcessId("waiting")
          .latestVersion()
          .variables(Map.of("id", "case-" + i))
          .send()
          .whenComplete((r, e) -> inFlight.release());
    }
    inFlight.acquire(200);
    child.kill();
    t0 = System.nanoTime();
    ChildEngine recovered = ChildEngine.start(crashDir);
    long crashMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    recovered.close();
    print(
        String.format(
            "restart after kill -9 with %d waiting instances (journal replay, new JVM incl. JVM start): %d ms",
            count, crashMs));
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
