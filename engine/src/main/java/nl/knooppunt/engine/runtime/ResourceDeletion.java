package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.runtime.state.DeployedDecision;
import nl.knooppunt.engine.runtime.state.DeployedDecisionRequirements;
import nl.knooppunt.engine.runtime.state.DeployedForm;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Timer;

/**
 * {@code DeleteResource} as Camunda 8.8 does it (docs: concepts/resource-deletion): a process
 * definition, a decision requirements graph (with its decisions) or a form, by key.
 *
 * <ul>
 *   <li>A deleted process definition can no longer be started (by key: {@code NOT_FOUND}); when it
 *       was the latest version, the previous version becomes the latest again, with its timer and
 *       message start events. Its version number is never given again.
 *   <li>A definition that still has instances is <em>draining</em>: they run to their end (also the
 *       ones started by call activities), then the definition is gone ({@link #sweep}).
 *   <li>An unknown key is {@code NOT_FOUND}.
 * </ul>
 */
final class ResourceDeletion {

  private final EngineContext ctx;
  private final Timers timers;
  private final StartEvents startEvents;

  ResourceDeletion(EngineContext ctx, Timers timers, StartEvents startEvents) {
    this.ctx = ctx;
    this.timers = timers;
    this.startEvents = startEvents;
  }

  private EngineState state() {
    return ctx.state();
  }

  Object delete(Command.DeleteResource c) {
    long key = c.resourceKey();
    DeployedProcess process = state().processes.get(key);
    if (process != null && !state().drainingProcesses.contains(key)) {
      deleteProcess(process);
      return null;
    }
    DeployedDecisionRequirements drg = state().decisionRequirements.get(key);
    if (drg != null) {
      deleteDecisionRequirements(drg);
      return null;
    }
    DeployedForm form = state().forms.get(key);
    if (form != null) {
      deleteForm(form);
      return null;
    }
    throw EngineException.notFound(
        "Expected to delete resource but no resource found with key `" + key + "`");
  }

  /** Whether a process definition is deleted but still draining (no new instances). */
  boolean draining(long processDefinitionKey) {
    return state().drainingProcesses.contains(processDefinitionKey);
  }

  private void deleteProcess(DeployedProcess p) {
    List<Long> versions = state().versions.get(p.bpmnProcessId);
    boolean wasLatest = versions != null && versions.get(versions.size() - 1) == p.key;
    if (versions != null) {
      versions.remove(p.key);
      if (versions.isEmpty()) {
        state().versions.remove(p.bpmnProcessId);
      }
    }
    if (wasLatest) {
      retire("process", p.bpmnProcessId, p.version);
      for (Timer t : new ArrayList<>(state().timers.values())) {
        if (t.elementInstanceKey < 0 && t.processDefinitionKey == p.key) {
          timers.cancel(t.key);
        }
      }
      DeployedProcess previous = ctx.latest(p.bpmnProcessId);
      if (previous != null) {
        try {
          timers.replaceStartTimers(null, previous);
        } catch (EngineException | FeelException e) {
          // the previous version's timer start events cannot be evaluated: none are scheduled
        }
      }
      startEvents.invalidate();
    }
    if (hasInstances(p.key)) {
      state().drainingProcesses.add(p.key);
      ctx.record("PROCESS", "DELETING", p.key, processValue(p));
    } else {
      removeProcess(p);
    }
  }

  /**
   * Deleted definitions whose last instance ended are removed; looked at only after a command in
   * which a process instance ended or one was migrated ({@code migrated}).
   */
  void sweep(boolean migrated) {
    boolean ended = ctx.takeProcessInstanceEnded();
    if (state().drainingProcesses.isEmpty() || !(ended || migrated)) {
      return;
    }
    for (Long key : new ArrayList<>(state().drainingProcesses)) {
      if (!hasInstances(key)) {
        state().drainingProcesses.remove(key);
        DeployedProcess p = state().processes.get(key);
        if (p != null) {
          removeProcess(p);
        }
      }
    }
  }

  private void removeProcess(DeployedProcess p) {
    state().processes.remove(p.key);
    ctx.record("PROCESS", "DELETED", p.key, processValue(p));
  }

  private boolean hasInstances(long processDefinitionKey) {
    for (ElementInstance i : state().instances.values()) {
      if (i.processDefinitionKey == processDefinitionKey) {
        return true;
      }
    }
    return false;
  }

  private void deleteDecisionRequirements(DeployedDecisionRequirements drg) {
    DeployedDecisionRequirements latest = null;
    for (DeployedDecisionRequirements r : state().decisionRequirements.values()) {
      if (r.decisionRequirementsId.equals(drg.decisionRequirementsId)
          && (latest == null || r.version > latest.version)) {
        latest = r;
      }
    }
    if (latest == drg) {
      retire("drg", drg.decisionRequirementsId, drg.version);
    }
    for (DeployedDecision d : new ArrayList<>(state().decisions.values())) {
      if (d.decisionRequirementsKey != drg.key) {
        continue;
      }
      List<Long> versions = state().decisionVersions.get(d.decisionId);
      if (versions != null) {
        if (versions.get(versions.size() - 1) == d.key) {
          retire("decision", d.decisionId, d.version);
        }
        versions.remove(d.key);
        if (versions.isEmpty()) {
          state().decisionVersions.remove(d.decisionId);
        }
      }
      state().decisions.remove(d.key);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("decisionId", d.decisionId);
      v.put("version", d.version);
      v.put("decisionRequirementsKey", d.decisionRequirementsKey);
      ctx.record("DECISION", "DELETED", d.key, v);
    }
    state().decisionRequirements.remove(drg.key);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("decisionRequirementsId", drg.decisionRequirementsId);
    v.put("version", drg.version);
    v.put("resourceName", drg.resourceName);
    ctx.record("DECISION_REQUIREMENTS", "DELETED", drg.key, v);
  }

  private void deleteForm(DeployedForm f) {
    List<Long> versions = state().formVersions.get(f.formId);
    if (versions != null) {
      if (versions.get(versions.size() - 1) == f.key) {
        retire("form", f.formId, f.version);
      }
      versions.remove(f.key);
      if (versions.isEmpty()) {
        state().formVersions.remove(f.formId);
      }
    }
    state().forms.remove(f.key);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("formId", f.formId);
    v.put("version", f.version);
    ctx.record("FORM", "DELETED", f.key, v);
  }

  private void retire(String kind, String id, int version) {
    state().retiredVersions.merge(kind + ":" + id, version, Math::max);
  }

  private static Map<String, Object> processValue(DeployedProcess p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("bpmnProcessId", p.bpmnProcessId);
    v.put("version", p.version);
    v.put("processDefinitionKey", p.key);
    v.put("resourceName", p.resourceName);
    return v;
  }
}
