package nl.knooppunt.engine.runtime.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/** A published message kept until its time-to-live ends. */
public final class BufferedMessage {
  public long key;
  public String name;
  public String correlationKey;
  public String messageId;
  public long deadline;
  public Map<String, Object> variables = new LinkedHashMap<>();

  /** Process instances (and, for start events, "process:" + bpmnProcessId) it correlated to. */
  public LinkedHashSet<String> correlatedTo = new LinkedHashSet<>();
}
