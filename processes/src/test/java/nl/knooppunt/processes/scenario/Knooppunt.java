package nl.knooppunt.processes.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.grpc.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import nl.knooppunt.engine.EmbeddedEngine;
import nl.knooppunt.engine.EngineSettings;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskListenerJobType;

/**
 * The hub as the scenario tests see it: the embedded engine with the four models deployed, the real
 * Camunda client, and the test playing every worker (and the gateway's task listeners). Default job
 * handlers return what a worker would return; a test overrides one with {@link #bij(JobType,
 * Handler)}.
 */
final class Knooppunt implements AutoCloseable {

  /** What a worker does with a job: complete it (with variables) or throw a BPMN error. */
  @FunctionalInterface
  interface Handler {
    Uitkomst handle(ActivatedJob job);
  }

  /** The outcome of a handled job. */
  record Uitkomst(Map<String, Object> variabelen, ErrorCode fout, Runnable daarna) {
    static Uitkomst klaar() {
      return new Uitkomst(Map.of(), null, null);
    }

    static Uitkomst klaar(Map<String, Object> variabelen) {
      return new Uitkomst(variabelen, null, null);
    }

    static Uitkomst fout(ErrorCode code) {
      return new Uitkomst(Map.of(), code, null);
    }

    /** What the outside world does once the job is done (e.g. a recipient acknowledges). */
    Uitkomst daarna(Runnable r) {
      return new Uitkomst(variabelen, fout, r);
    }
  }

  /** A job the test handled, in completion order. */
  record Afgehandeld(long volgnummer, ActivatedJob job, Uitkomst uitkomst) {
    String type() {
      return job.getType();
    }

    Map<String, Object> variabelen() {
      return job.getVariablesAsMap();
    }

    Object variabele(String naam) {
      return variabelen().get(naam);
    }

    String header(String key) {
      return job.getCustomHeaders().get(key);
    }
  }

  /** An open user task as the gateway's inbox would know it (from the creating listener). */
  record OpenTaak(
      long key,
      long procesInstantie,
      String procesId,
      String elementId,
      List<String> kandidaatGroepen,
      Map<String, Object> variabelen,
      long volgnummer) {
    Object variabele(String naam) {
      return variabelen.get(naam);
    }
  }

  private final EmbeddedEngine engine;
  private final CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Afgehandeld> afgehandeld = new CopyOnWriteArrayList<>();
  private final Map<Long, OpenTaak> openTaken = new ConcurrentHashMap<>();
  private final List<OpenTaak> alleTaken = new CopyOnWriteArrayList<>();
  private final List<Long> gestart = new CopyOnWriteArrayList<>();
  private final AtomicLong volgnummer = new AtomicLong();
  private Instant nu;

  /** Recipient codes that never acknowledge (informeer-gezagen). */
  final java.util.Set<String> zwijgend = ConcurrentHashMap.newKeySet();

  private Knooppunt(Path dir) {
    engine = EmbeddedEngine.start(new EngineSettings(dir, 0, 0, true));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(engine.grpcAddress()))
            .restAddress(URI.create(engine.restAddress()))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build();
  }

  static Knooppunt start(Path dir) {
    Knooppunt k = new Knooppunt(dir);
    k.deploy();
    k.openWorkers();
    k.nu = Instant.parse("2026-03-18T10:00:00Z");
    k.pin();
    return k;
  }

  CamundaClient client() {
    return client;
  }

  private void deploy() {
    var cmd =
        client
            .newDeployResourceCommand()
            .addResourceFromClasspath(ProcessId.values()[0].resource());
    for (int i = 1; i < ProcessId.values().length; i++) {
      cmd = cmd.addResourceFromClasspath(ProcessId.values()[i].resource());
    }
    for (nl.knooppunt.processes.DecisionId decision : nl.knooppunt.processes.DecisionId.values()) {
      cmd = cmd.addResourceFromClasspath(decision.resource());
    }
    // the first deployment parses every FEEL expression on a cold JVM: on a loaded machine that
    // takes longer than an ordinary command
    cmd.requestTimeout(Duration.ofMinutes(2)).send().join();
  }

  private void openWorkers() {
    for (JobType type : JobType.values()) {
      open(type.type());
    }
    for (TaskListenerJobType type : TaskListenerJobType.values()) {
      open(type.type());
    }
  }

  private void open(String type) {
    workers.add(
        client
            .newWorker()
            .jobType(type)
            .handler(this::handle)
            .name("scenario-" + type)
            .timeout(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(50))
            .requestTimeout(Duration.ofSeconds(2))
            .open());
  }

  private void handle(JobClient jobClient, ActivatedJob job) {
    var listener = TaskListenerJobType.of(job.getType());
    if (listener.isPresent()) {
      // the task counts as open once its creating listener is done: before that the engine
      // refuses to complete it (state CREATING), and a busy machine lets a test get there first
      jobClient.newCompleteCommand(job.getKey()).send().join();
      taakGebeurtenis(listener.get(), job);
      return;
    }
    Handler h = handlers.getOrDefault(job.getType(), Standaard.handler(this, job.getType()));
    Uitkomst uitkomst = h.handle(job);
    long nummer = volgnummer.incrementAndGet();
    if (uitkomst.fout() != null) {
      jobClient
          .newThrowErrorCommand(job.getKey())
          .errorCode(uitkomst.fout().code())
          .errorMessage("scenario: " + uitkomst.fout().code())
          .send()
          .join();
    } else {
      jobClient.newCompleteCommand(job.getKey()).variables(uitkomst.variabelen()).send().join();
    }
    // recorded once the engine has accepted the outcome, so a test never runs ahead of it
    afgehandeld.add(new Afgehandeld(nummer, job, uitkomst));
    if (uitkomst.daarna() != null) {
      uitkomst.daarna().run();
    }
  }

  private void taakGebeurtenis(TaskListenerJobType event, ActivatedJob job) {
    var props = job.getUserTask();
    long key =
        props != null && props.getUserTaskKey() != null
            ? props.getUserTaskKey()
            : Long.parseLong(job.getCustomHeaders().get("io.camunda.zeebe:userTaskKey"));
    switch (event) {
      case CREATING -> {
        List<String> groups = props == null ? List.of() : props.getCandidateGroups();
        OpenTaak t =
            new OpenTaak(
                key,
                job.getProcessInstanceKey(),
                job.getBpmnProcessId(),
                job.getElementId(),
                groups == null ? List.of() : List.copyOf(groups),
                job.getVariablesAsMap(),
                volgnummer.incrementAndGet());
        openTaken.put(key, t);
        alleTaken.add(t);
      }
      case COMPLETING, CANCELING -> openTaken.remove(key);
      case ASSIGNING -> {}
    }
  }

  // ------------------------------------------------------------------ test API

  void bij(JobType type, Handler handler) {
    handlers.put(type.type(), handler);
  }

  long start(ProcessId proces, Map<String, Object> variabelen) {
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(proces.id())
            .latestVersion()
            .variables(variabelen)
            .send()
            .join()
            .getProcessInstanceKey();
    gestart.add(key);
    return key;
  }

  void publiceer(MessageName bericht, String sleutel, Map<String, Object> variabelen) {
    client
        .newPublishMessageCommand()
        .messageName(bericht.messageName())
        .correlationKey(sleutel)
        .timeToLive(bericht.timeToLive())
        .variables(variabelen)
        .send()
        .join();
  }

  /** Waits for an open task of this kind in this process instance. */
  OpenTaak taak(long procesInstantie, Task taak) {
    return taak(procesInstantie, taak, t -> true);
  }

  OpenTaak taak(long procesInstantie, Task taak, Predicate<OpenTaak> filter) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                openTaken.values().stream()
                    .filter(t -> t.procesInstantie() == procesInstantie)
                    .filter(t -> t.elementId().equals(taak.elementId()))
                    .filter(t -> t.procesId().equals(taak.process().id()))
                    .filter(filter)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** Waits for an open task of this kind in any instance (e.g. a called informeer-gezagen). */
  OpenTaak taakErgens(Task taak, Predicate<OpenTaak> filter) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                openTaken.values().stream()
                    .filter(t -> t.elementId().equals(taak.elementId()))
                    .filter(t -> t.procesId().equals(taak.process().id()))
                    .filter(filter)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  List<OpenTaak> openTaken(long procesInstantie, Task taak) {
    return openTaken.values().stream()
        .filter(
            t -> t.procesInstantie() == procesInstantie && t.elementId().equals(taak.elementId()))
        .toList();
  }

  List<OpenTaak> alleTaken(Task taak) {
    return alleTaken.stream()
        .filter(t -> t.elementId().equals(taak.elementId()))
        .filter(t -> t.procesId().equals(taak.process().id()))
        .toList();
  }

  boolean isOpen(OpenTaak taak) {
    return openTaken.containsKey(taak.key());
  }

  void voltooi(OpenTaak taak, Map<String, Object> variabelen) {
    client.newCompleteUserTaskCommand(taak.key()).variables(variabelen).send().join();
    await().atMost(Duration.ofSeconds(20)).until(() -> !openTaken.containsKey(taak.key()));
  }

  /** Waits until at least {@code aantal} jobs of this type matching the filter were handled. */
  List<Afgehandeld> jobs(JobType type, int aantal, Predicate<Afgehandeld> filter) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> jobs(type, filter), l -> l.size() >= aantal);
  }

  List<Afgehandeld> jobs(JobType type, Predicate<Afgehandeld> filter) {
    return afgehandeld.stream().filter(a -> a.type().equals(type.type())).filter(filter).toList();
  }

  Afgehandeld job(JobType type, Predicate<Afgehandeld> filter) {
    return jobs(type, 1, filter).get(0);
  }

  /** The recipient code of a notification job. */
  static String ontvangerCode(Afgehandeld job) {
    return String.valueOf(((Map<?, ?>) job.variabele("ontvanger")).get("code"));
  }

  static Predicate<Afgehandeld> in(long procesInstantie) {
    return a -> a.job().getProcessInstanceKey() == procesInstantie;
  }

  static Predicate<Afgehandeld> crisis(String crisisId) {
    return a -> Objects.equals(a.variabele("crisisId"), crisisId);
  }

  Instant nu() {
    return nu;
  }

  /** Moves the engine clock forward. */
  void verzet(Duration d) {
    nu = nu.plus(d);
    pin();
  }

  private void pin() {
    client.newPinClockCommand().time(nu).send().join();
  }

  /** The instance has ended: the engine no longer knows it. */
  void afgesloten(long procesInstantie) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              try {
                client
                    .newSetVariablesCommand(procesInstantie)
                    .variables(Map.of("controle", true))
                    .send()
                    .join();
                throw new AssertionError("instance " + procesInstantie + " is still running");
              } catch (ClientStatusException e) {
                assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
              }
            });
  }

  /**
   * Cancels what a test left running and forgets the per-test overrides; next test starts later.
   */
  void opruimen() {
    for (long key : gestart) {
      try {
        client.newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException ignored) {
        // already ended
      }
    }
    gestart.clear();
    handlers.clear();
    zwijgend.clear();
    verzet(Duration.ofDays(2));
  }

  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    return new HashMap<>(m);
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }
}
