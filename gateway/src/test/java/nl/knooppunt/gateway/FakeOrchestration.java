package nl.knooppunt.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.gateway.engine.Orchestration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Records the engine commands instead of sending them (tests that do not need the engine). */
public class FakeOrchestration implements Orchestration {

  /** One recorded command. */
  public record Call(String what, String key, Object payload) {}

  private final AtomicLong keys = new AtomicLong(2251799813685249L);
  public final List<Call> calls = new CopyOnWriteArrayList<>();

  /** The next start fails with this (once), as an unreachable or refusing engine would. */
  public volatile RuntimeException failNextStart;

  @Override
  public long startProcess(String bpmnProcessId, Object variables) {
    RuntimeException failure = failNextStart;
    if (failure != null) {
      failNextStart = null;
      throw failure;
    }
    long key = keys.incrementAndGet();
    calls.add(new Call("start", bpmnProcessId, variables));
    lastStarted = key;
    return key;
  }

  /** The key of the last instance started. */
  public volatile long lastStarted;

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    calls.add(new Call("cancel", String.valueOf(processInstanceKey), null));
    incidents.removeIf(i -> i.processInstanceKey() == processInstanceKey);
  }

  @Override
  public void publishMessage(
      String messageName, String correlationKey, Map<String, Object> variables) {
    calls.add(new Call("message:" + messageName, correlationKey, variables));
  }

  @Override
  public void assignTask(long userTaskKey, String assignee) {
    calls.add(new Call("assign", String.valueOf(userTaskKey), assignee));
  }

  @Override
  public void unassignTask(long userTaskKey) {
    calls.add(new Call("unassign", String.valueOf(userTaskKey), null));
  }

  @Override
  public void completeTask(long userTaskKey, Map<String, Object> variables) {
    calls.add(new Call("complete", String.valueOf(userTaskKey), variables));
  }

  /** Incidents the fake engine reports (tests add and remove them). */
  public final List<Incident> incidents = new CopyOnWriteArrayList<>();

  /** Called process instances: child key → parent key. */
  public final Map<Long, Long> parents = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public List<Incident> activeIncidents(int max) {
    return incidents.stream().limit(max).toList();
  }

  @Override
  public java.util.Optional<Long> parentProcessInstance(long processInstanceKey) {
    return java.util.Optional.ofNullable(parents.get(processInstanceKey));
  }

  @Override
  public java.util.Optional<Incident> incident(long incidentKey) {
    return incidents.stream().filter(i -> i.key() == incidentKey).findFirst();
  }

  /** Retrying resolves the incident (the fake's step then succeeds). */
  @Override
  public void retryIncident(long incidentKey, Long jobKey, int retries) {
    calls.add(new Call("retry", String.valueOf(incidentKey), jobKey));
    incidents.removeIf(i -> i.key() == incidentKey);
  }

  /** The running processes the fake engine reports. */
  public final List<RunningProcess> running = new CopyOnWriteArrayList<>();

  @Override
  public List<RunningProcess> runningProcesses(int max) {
    return List.copyOf(running);
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    FakeOrchestration fakeOrchestration() {
      return new FakeOrchestration();
    }
  }
}
