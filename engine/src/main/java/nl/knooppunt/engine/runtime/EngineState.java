package nl.knooppunt.engine.runtime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.engine.runtime.state.BufferedMessage;
import nl.knooppunt.engine.runtime.state.DeployedForm;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Job;
import nl.knooppunt.engine.runtime.state.MessageSubscription;
import nl.knooppunt.engine.runtime.state.Timer;
import nl.knooppunt.engine.runtime.state.UserTask;

/**
 * All durable engine state. Serialized whole into snapshots; the indexes marked {@link JsonIgnore}
 * are rebuilt after loading ({@link #rebuildIndexes()}). Only the engine thread touches it.
 */
public final class EngineState {

  /** Keys look like Zeebe keys of partition 1. */
  public long nextKey = (1L << 51) + 1;

  public long nextPosition = 1;
  public Long pinnedClock;

  public Map<Long, DeployedProcess> processes = new LinkedHashMap<>();
  public Map<Long, DeployedForm> forms = new LinkedHashMap<>();
  public Map<String, List<Long>> formVersions = new LinkedHashMap<>();
  public Map<String, List<Long>> versions = new LinkedHashMap<>();
  public Map<Long, ElementInstance> instances = new LinkedHashMap<>();
  public Map<Long, Job> jobs = new LinkedHashMap<>();
  public Map<Long, Timer> timers = new LinkedHashMap<>();
  public Map<Long, MessageSubscription> subscriptions = new LinkedHashMap<>();
  public Map<Long, BufferedMessage> messages = new LinkedHashMap<>();
  public Map<Long, Incident> incidents = new LinkedHashMap<>();
  public Map<Long, UserTask> userTasks = new LinkedHashMap<>();

  /** DMN resources (decision requirements) and their decisions; absent while none is deployed. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  public Map<Long, nl.knooppunt.engine.runtime.state.DeployedDecisionRequirements>
      decisionRequirements = new LinkedHashMap<>();

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  public Map<Long, nl.knooppunt.engine.runtime.state.DeployedDecision> decisions =
      new LinkedHashMap<>();

  /** decisionId -> decision keys, oldest version first. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  public Map<String, List<Long>> decisionVersions = new LinkedHashMap<>();

  /**
   * Deleted process definitions that still have instances: they run to their end, then the
   * definition goes (Camunda's "draining"); absent while none.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  public LinkedHashSet<Long> drainingProcesses = new LinkedHashSet<>();

  /**
   * The highest version a deleted latest definition had ("process:id", "drg:id", "decision:id",
   * "form:id"): versions are never reused; absent while none.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  public Map<String, Integer> retiredVersions = new LinkedHashMap<>();

  /** The next version of a resource: one above its latest, or above a deleted latest. */
  public int nextVersion(String kind, String id, int latestVersion) {
    return Math.max(latestVersion, retiredVersions.getOrDefault(kind + ":" + id, 0)) + 1;
  }

  /** Message start events: "bpmnProcessId/correlationKey" -> the active instance it created. */
  public Map<String, Long> messageStartInstances = new LinkedHashMap<>();

  @JsonIgnore
  private final Map<String, LinkedHashSet<Long>> activatableByType = new LinkedHashMap<>();

  @JsonIgnore
  private final Map<String, LinkedHashSet<Long>> subscriptionsByMessage = new LinkedHashMap<>();

  @JsonIgnore private final Map<String, LinkedHashSet<Long>> messagesByKey = new LinkedHashMap<>();

  @JsonIgnore private final Map<String, Long> messageIds = new LinkedHashMap<>();

  @JsonIgnore
  private final TreeSet<long[]> timerQueue =
      new TreeSet<>(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));

  @JsonIgnore
  private final TreeSet<long[]> jobDeadlines =
      new TreeSet<>(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));

  @JsonIgnore
  private final TreeSet<long[]> messageDeadlines =
      new TreeSet<>(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));

  public long newKey() {
    return nextKey++;
  }

  // ---- jobs -------------------------------------------------------------------------------

  public void putJob(Job job) {
    jobs.put(job.key, job);
    indexJob(job);
  }

  /** Call before changing a job's state/deadline, then {@link #indexJob} after. */
  public void unindexJob(Job job) {
    LinkedHashSet<Long> set = activatableByType.get(job.type);
    if (set != null) {
      set.remove(job.key);
    }
    if (job.state == Job.State.ACTIVATED) {
      jobDeadlines.remove(new long[] {job.deadline, job.key});
    } else if (job.state == Job.State.BACKOFF) {
      jobDeadlines.remove(new long[] {job.backoffUntil, job.key});
    }
  }

  public void indexJob(Job job) {
    switch (job.state) {
      case ACTIVATABLE ->
          activatableByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>()).add(job.key);
      case ACTIVATED -> jobDeadlines.add(new long[] {job.deadline, job.key});
      case BACKOFF -> jobDeadlines.add(new long[] {job.backoffUntil, job.key});
      default -> {}
    }
  }

  public void removeJob(Job job) {
    unindexJob(job);
    jobs.remove(job.key);
  }

  public Set<Long> activatable(String type) {
    LinkedHashSet<Long> set = activatableByType.get(type);
    return set == null ? Set.of() : set;
  }

  public Set<String> activatableTypes() {
    Set<String> types = new LinkedHashSet<>();
    activatableByType.forEach(
        (t, s) -> {
          if (!s.isEmpty()) {
            types.add(t);
          }
        });
    return types;
  }

  /** Jobs whose activation deadline or back-off ended at {@code now}. */
  public List<Job> dueJobs(long now) {
    List<Job> out = new ArrayList<>();
    for (long[] e : jobDeadlines) {
      if (e[0] > now) {
        break;
      }
      out.add(jobs.get(e[1]));
    }
    return out;
  }

  // ---- timers -----------------------------------------------------------------------------

  public void putTimer(Timer timer) {
    timers.put(timer.key, timer);
    timerQueue.add(new long[] {timer.dueDate, timer.key});
  }

  public void removeTimer(long key) {
    Timer t = timers.remove(key);
    if (t != null) {
      timerQueue.remove(new long[] {t.dueDate, t.key});
    }
  }

  public List<Timer> dueTimers(long now) {
    List<Timer> out = new ArrayList<>();
    for (long[] e : timerQueue) {
      if (e[0] > now) {
        break;
      }
      out.add(timers.get(e[1]));
    }
    return out;
  }

  // ---- subscriptions ----------------------------------------------------------------------

  private static String messageKey(String name, String correlationKey) {
    return name + '\u0000' + correlationKey;
  }

  public void putSubscription(MessageSubscription s) {
    subscriptions.put(s.key, s);
    subscriptionsByMessage
        .computeIfAbsent(messageKey(s.messageName, s.correlationKey), k -> new LinkedHashSet<>())
        .add(s.key);
  }

  public void removeSubscription(long key) {
    MessageSubscription s = subscriptions.remove(key);
    if (s != null) {
      LinkedHashSet<Long> set =
          subscriptionsByMessage.get(messageKey(s.messageName, s.correlationKey));
      if (set != null) {
        set.remove(key);
        if (set.isEmpty()) {
          subscriptionsByMessage.remove(messageKey(s.messageName, s.correlationKey));
        }
      }
    }
  }

  public List<MessageSubscription> subscriptionsFor(String name, String correlationKey) {
    LinkedHashSet<Long> set = subscriptionsByMessage.get(messageKey(name, correlationKey));
    if (set == null) {
      return List.of();
    }
    List<MessageSubscription> out = new ArrayList<>();
    for (Long k : set) {
      out.add(subscriptions.get(k));
    }
    return out;
  }

  // ---- buffered messages ------------------------------------------------------------------

  public void putMessage(BufferedMessage m) {
    messages.put(m.key, m);
    messagesByKey
        .computeIfAbsent(messageKey(m.name, m.correlationKey), k -> new LinkedHashSet<>())
        .add(m.key);
    messageDeadlines.add(new long[] {m.deadline, m.key});
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.put(messageKey(m.name, m.correlationKey) + '\u0000' + m.messageId, m.key);
    }
  }

  public void removeMessage(long key) {
    BufferedMessage m = messages.remove(key);
    if (m == null) {
      return;
    }
    LinkedHashSet<Long> set = messagesByKey.get(messageKey(m.name, m.correlationKey));
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        messagesByKey.remove(messageKey(m.name, m.correlationKey));
      }
    }
    messageDeadlines.remove(new long[] {m.deadline, m.key});
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.remove(messageKey(m.name, m.correlationKey) + '\u0000' + m.messageId);
    }
  }

  public boolean messageIdExists(String name, String correlationKey, String messageId) {
    return messageIds.containsKey(messageKey(name, correlationKey) + '\u0000' + messageId);
  }

  public List<BufferedMessage> messagesFor(String name, String correlationKey) {
    LinkedHashSet<Long> set = messagesByKey.get(messageKey(name, correlationKey));
    if (set == null) {
      return List.of();
    }
    List<BufferedMessage> out = new ArrayList<>();
    for (Long k : set) {
      out.add(messages.get(k));
    }
    return out;
  }

  public List<BufferedMessage> expiredMessages(long now) {
    List<BufferedMessage> out = new ArrayList<>();
    for (long[] e : messageDeadlines) {
      if (e[0] > now) {
        break;
      }
      out.add(messages.get(e[1]));
    }
    return out;
  }

  /** The earliest time something is due (timer, job deadline/back-off, message TTL), or MAX. */
  public long nextDue() {
    long next = Long.MAX_VALUE;
    if (!timerQueue.isEmpty()) {
      next = Math.min(next, timerQueue.first()[0]);
    }
    if (!jobDeadlines.isEmpty()) {
      next = Math.min(next, jobDeadlines.first()[0]);
    }
    if (!messageDeadlines.isEmpty()) {
      next = Math.min(next, messageDeadlines.first()[0]);
    }
    return next;
  }

  /** Rebuilds the in-memory indexes after a snapshot was loaded. */
  public void rebuildIndexes() {
    activatableByType.clear();
    jobDeadlines.clear();
    timerQueue.clear();
    subscriptionsByMessage.clear();
    messagesByKey.clear();
    messageDeadlines.clear();
    messageIds.clear();
    jobs.values().forEach(this::indexJob);
    new ArrayList<>(timers.values()).forEach(this::putTimer);
    new ArrayList<>(subscriptions.values()).forEach(this::putSubscription);
    new ArrayList<>(messages.values()).forEach(this::putMessage);
  }
}
