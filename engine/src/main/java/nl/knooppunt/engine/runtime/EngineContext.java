package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.model.BpmnTransformer;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;

/**
 * What every part of the state machine works on: the durable {@link EngineState}, the engine time
 * of the command being applied, new keys, the records the command produces, the deployed models and
 * FEEL. It knows no processor and no collaborator; they all get it in their constructor.
 * Single-threaded, like the rest of the engine.
 */
final class EngineContext {

  private EngineState state;
  private long now;
  private final Feel feel;
  private final BpmnTransformer transformer;
  private final Map<Long, ProcessModel> models = new HashMap<>();
  private final List<EngineRecord> records = new ArrayList<>();
  private EngineHooks hooks = EngineHooks.NONE;

  EngineContext(EngineState state) {
    this.state = state;
    this.feel = new Feel(() -> now);
    this.transformer = new BpmnTransformer(feel);
  }

  // ---- state, clock, keys ------------------------------------------------------------------

  EngineState state() {
    return state;
  }

  /** Replaces the whole state (after loading a snapshot); the model cache starts over. */
  void replaceState(EngineState newState) {
    this.state = newState;
    newState.rebuildIndexes();
    models.clear();
  }

  /** The engine time of the command being applied. */
  long now() {
    return now;
  }

  void setNow(long now) {
    this.now = now;
  }

  long newKey() {
    return state.newKey();
  }

  Feel feel() {
    return feel;
  }

  BpmnTransformer transformer() {
    return transformer;
  }

  EngineHooks hooks() {
    return hooks;
  }

  void setHooks(EngineHooks hooks) {
    this.hooks = hooks;
  }

  // ---- message start events ----------------------------------------------------------------

  private final List<String> freedMessageStarts = new ArrayList<>();

  /**
   * A process instance ended: if a message start event created it for a correlation key, that key
   * is free again, and a message buffered for it may start the next instance once the current
   * command is done ({@link #drainFreedMessageStarts}).
   */
  /** Whether a process instance ended in the command being applied (resource deletion). */
  private boolean processInstanceEnded;

  boolean takeProcessInstanceEnded() {
    boolean ended = processInstanceEnded;
    processInstanceEnded = false;
    return ended;
  }

  void messageStartInstanceEnded(long processInstanceKey) {
    processInstanceEnded = true;
    var it = state.messageStartInstances.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue() == processInstanceKey) {
        it.remove();
        freedMessageStarts.add(e.getKey());
      }
    }
  }

  /** The "bpmnProcessId/correlationKey"s freed since the last call, in order. */
  List<String> drainFreedMessageStarts() {
    if (freedMessageStarts.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(freedMessageStarts);
    freedMessageStarts.clear();
    return out;
  }

  // ---- records -----------------------------------------------------------------------------

  void record(String valueType, String intent, long key, Map<String, Object> value) {
    records.add(new EngineRecord(state.nextPosition++, key, now, valueType, intent, value));
  }

  /** Records produced since the last call, in order. */
  List<EngineRecord> drainRecords() {
    if (records.isEmpty()) {
      return List.of();
    }
    List<EngineRecord> out = new ArrayList<>(records);
    records.clear();
    return out;
  }

  // ---- deployed models ---------------------------------------------------------------------

  /** The model of a deployed process; parsed again from its resource after a restart. */
  ProcessModel model(long processDefinitionKey) {
    ProcessModel model = models.get(processDefinitionKey);
    if (model == null) {
      DeployedProcess p = state.processes.get(processDefinitionKey);
      for (ProcessModel m : transformer.transform(p.resourceName, p.resource)) {
        if (m.bpmnProcessId().equals(p.bpmnProcessId)) {
          model = m;
        }
      }
      models.put(processDefinitionKey, model);
    }
    return model;
  }

  /** A model that was just deployed (parsed already). */
  void putModel(long processDefinitionKey, ProcessModel model) {
    models.put(processDefinitionKey, model);
  }

  /** The element an instance runs. */
  Element element(ElementInstance inst) {
    return model(inst.processDefinitionKey).element(inst.elementId);
  }

  /** The latest version of a process, or null. */
  DeployedProcess latest(String bpmnProcessId) {
    List<Long> keys = state.versions.get(bpmnProcessId);
    return keys == null || keys.isEmpty() ? null : state.processes.get(keys.get(keys.size() - 1));
  }

  /** The key of the latest version of a form, or null. */
  Long latestFormKey(String formId) {
    List<Long> versions = state.formVersions.get(formId);
    return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }
}
