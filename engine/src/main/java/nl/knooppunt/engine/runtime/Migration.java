package nl.knooppunt.engine.runtime;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.model.ProcessModel;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.Incident;
import nl.knooppunt.engine.runtime.state.Job;
import nl.knooppunt.engine.runtime.state.MessageSubscription;
import nl.knooppunt.engine.runtime.state.Timer;
import nl.knooppunt.engine.runtime.state.UserTask;

/**
 * Process instance migration as Camunda 8.8 does it (docs: components/concepts/
 * process-instance-migration): every active element instance is mapped onto an element of the
 * target definition and goes on there. Element instances, jobs (their keys, types and workers),
 * user tasks, incidents and variables stay what they are; they only belong to the target definition
 * and element from then on. A message subscription or timer of a migrated catch event or receive
 * task stays (its correlation key and due date are not evaluated again); a boundary event's (or an
 * event sub-process start's) subscription or timer stays when that event is mapped too, else it
 * closes; the target's boundary events and event sub-process starts that no source event was mapped
 * onto are opened.
 *
 * <p>Rejected, changing nothing, with {@code INVALID_ARGUMENT} naming the element: an active
 * element without a mapping instruction, mapped to an element of another type (or multi-instance to
 * not), whose flow scope would change, of a type the migration does not support (gateways, events
 * that pass through, event sub-processes), a waiting parallel or inclusive join, a mapping
 * instruction whose source or target element does not exist or a source mapped twice. An unknown
 * process instance or target definition is {@code NOT_FOUND}.
 */
final class Migration {

  private static final Set<ElementKind> SUPPORTED =
      EnumSet.of(
          ElementKind.JOB_TASK,
          ElementKind.USER_TASK,
          ElementKind.RECEIVE_TASK,
          ElementKind.INTERMEDIATE_CATCH_EVENT,
          ElementKind.SUB_PROCESS,
          ElementKind.CALL_ACTIVITY,
          ElementKind.MULTI_INSTANCE_BODY);

  private final EngineContext ctx;
  private final EventScopes scopes;
  private final Timers timers;

  Migration(EngineContext ctx, EventScopes scopes, Timers timers) {
    this.ctx = ctx;
    this.scopes = scopes;
    this.timers = timers;
  }

  private EngineState state() {
    return ctx.state();
  }

  Object migrate(Command.MigrateInstance c) {
    ElementInstance root = state().instances.get(c.processInstanceKey());
    if (root == null || root.kind != ElementKind.PROCESS) {
      throw EngineException.notFound(
          "Expected to migrate process instance but no process instance found with key '"
              + c.processInstanceKey()
              + "'");
    }
    DeployedProcess target = state().processes.get(c.targetProcessDefinitionKey());
    if (target == null || state().drainingProcesses.contains(target.key)) {
      throw EngineException.notFound(
          "Expected to migrate process instance to process definition but no process definition"
              + " found with key '"
              + c.targetProcessDefinitionKey()
              + "'");
    }
    ProcessModel source = ctx.model(root.processDefinitionKey);
    ProcessModel targetModel = ctx.model(target.key);
    Map<String, String> mapping = mapping(root, source, targetModel, c.mappings());
    mapping.put(source.bpmnProcessId(), targetModel.bpmnProcessId());

    List<ElementInstance> all = new ArrayList<>();
    collect(root, all);
    for (ElementInstance inst : all) {
      check(root, inst, source, targetModel, mapping);
    }

    // ---- everything is valid: migrate
    Set<Long> keys = new HashSet<>();
    for (ElementInstance inst : all) {
      keys.add(inst.key);
      inst.elementId = mapping.get(inst.elementId);
      inst.processDefinitionKey = target.key;
      inst.bpmnProcessId = target.bpmnProcessId;
      inst.version = target.version;
      ctx.record("PROCESS_INSTANCE", "ELEMENT_MIGRATED", inst.key, instanceValue(inst));
    }
    for (Job job : state().jobs.values()) {
      if (keys.contains(job.elementInstanceKey)) {
        job.elementId = mapping.getOrDefault(job.elementId, job.elementId);
        job.processDefinitionKey = target.key;
        job.bpmnProcessId = target.bpmnProcessId;
        job.version = target.version;
        ctx.record("JOB", "MIGRATED", job.key, Jobs.value(job));
      }
    }
    for (UserTask ut : state().userTasks.values()) {
      if (keys.contains(ut.elementInstanceKey)) {
        ut.elementId = mapping.getOrDefault(ut.elementId, ut.elementId);
        ut.processDefinitionKey = target.key;
        ut.bpmnProcessId = target.bpmnProcessId;
        ut.version = target.version;
        ctx.record("USER_TASK", "MIGRATED", ut.key, UserTasks.value(ut));
      }
    }
    for (Incident incident : state().incidents.values()) {
      if (keys.contains(incident.elementInstanceKey)) {
        incident.elementId = mapping.getOrDefault(incident.elementId, incident.elementId);
        incident.processDefinitionKey = target.key;
        incident.bpmnProcessId = target.bpmnProcessId;
        ctx.record("INCIDENT", "MIGRATED", incident.key, Incidents.value(incident));
      }
    }
    for (ElementInstance inst : all) {
      migrateEvents(inst, mapping, targetModel);
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("processInstanceKey", root.key);
    v.put("targetProcessDefinitionKey", target.key);
    v.put("mappingInstructions", c.mappings() == null ? 0 : c.mappings().size());
    ctx.record("PROCESS_INSTANCE_MIGRATION", "MIGRATED", root.key, v);
    return null;
  }

  /** The instance and its descendants in this process instance (not called processes). */
  private void collect(ElementInstance inst, List<ElementInstance> out) {
    out.add(inst);
    for (Long child : inst.children) {
      ElementInstance c = state().instances.get(child);
      if (c != null) {
        collect(c, out);
      }
    }
  }

  private static Map<String, String> mapping(
      ElementInstance root,
      ProcessModel source,
      ProcessModel target,
      List<Command.MappingInstruction> instructions) {
    Map<String, String> out = new LinkedHashMap<>();
    if (instructions == null) {
      return out;
    }
    for (Command.MappingInstruction m : instructions) {
      String from = m.sourceElementId();
      String to = m.targetElementId();
      if (from == null || source.elementOrNull(from) == null) {
        throw invalid(
            root,
            "mapping instructions contain a non-existing source element id '"
                + from
                + "'. Elements provided in mapping instructions must exist in the source process"
                + " definition.");
      }
      if (to == null || target.elementOrNull(to) == null) {
        throw invalid(
            root,
            "mapping instructions contain a non-existing target element id '"
                + to
                + "'. Elements provided in mapping instructions must exist in the target process"
                + " definition.");
      }
      if (out.containsKey(from)) {
        throw invalid(
            root,
            "the mapping instructions contain duplicate source element ids '"
                + from
                + "'. Each source element can only be mapped once.");
      }
      out.put(from, to);
    }
    return out;
  }

  private void check(
      ElementInstance root,
      ElementInstance inst,
      ProcessModel source,
      ProcessModel target,
      Map<String, String> mapping) {
    if (inst == root) {
      return;
    }
    Element el = source.element(inst.elementId);
    if (!SUPPORTED.contains(inst.kind) || el.eventSubProcess || el.adHoc != null) {
      throw invalid(
          root,
          "active element with id '"
              + el.id
              + "' has an unsupported type. The migration of a "
              + (el.eventSubProcess
                  ? "event sub-process"
                  : el.adHoc != null ? "ad-hoc sub-process" : el.kind.name())
              + " is not supported.");
    }
    if (!inst.joinTokens.isEmpty()) {
      throw invalid(
          root,
          "the flow scope '"
              + el.id
              + "' has taken sequence flows waiting at the joining gateway '"
              + inst.joinTokens.keySet().iterator().next()
              + "'. The embedded engine does not migrate waiting gateway joins.");
    }
    String to = mapping.get(inst.elementId);
    if (to == null) {
      throw invalid(
          root,
          "no mapping instruction defined for active element with id '"
              + el.id
              + "'. Elements cannot be migrated without a mapping.");
    }
    Element t = target.element(to);
    boolean sourceMi = el.multiInstance != null;
    boolean targetMi = t.multiInstance != null;
    if (t.kind != el.kind || sourceMi != targetMi || t.eventSubProcess || t.adHoc != null) {
      throw invalid(
          root,
          "active element with id '"
              + el.id
              + "' and type '"
              + typeName(el)
              + "' is mapped to an element with id '"
              + t.id
              + "' and different type '"
              + typeName(t)
              + "'. Elements must be mapped to elements of the same type.");
    }
    if (el.kind == ElementKind.INTERMEDIATE_CATCH_EVENT && el.eventType != t.eventType) {
      throw invalid(
          root,
          "active element with id '"
              + el.id
              + "' is mapped to an element with id '"
              + t.id
              + "' and a different event type ('"
              + el.eventType
              + "' to '"
              + t.eventType
              + "'). Events must be mapped to events of the same type.");
    }
    String expectedScope = mapping.get(el.flowScopeId);
    if (expectedScope == null || !expectedScope.equals(t.flowScopeId)) {
      throw invalid(
          root,
          "the flow scope of active element with id '"
              + el.id
              + "' is changed. The flow scope of the active element is expected to be '"
              + expectedScope
              + "' but was '"
              + t.flowScopeId
              + "'. The flow scope of an element cannot be changed during migration yet.");
    }
  }

  private static String typeName(Element e) {
    return e.multiInstance != null ? "MULTI_INSTANCE_BODY(" + e.kind + ")" : e.kind.name();
  }

  /**
   * The migrated instance's own catch event keeps its subscription or timer; a boundary event's
   * stays when mapped onto a boundary event of the target element, else it closes; the target
   * element's boundary events without one are opened.
   */
  private void migrateEvents(ElementInstance inst, Map<String, String> mapping, ProcessModel t) {
    Element targetElement = t.element(inst.elementId);
    Set<String> open = new HashSet<>();
    for (Long key : new ArrayList<>(inst.subscriptionKeys)) {
      MessageSubscription s = state().subscriptions.get(key);
      if (s == null) {
        continue;
      }
      String to = mapping.get(s.elementId);
      if (to != null && belongsTo(t, to, targetElement)) {
        s.elementId = to;
        open.add(to);
        ctx.record(
            s.signal ? "SIGNAL_SUBSCRIPTION" : "PROCESS_MESSAGE_SUBSCRIPTION",
            "MIGRATED",
            s.key,
            EventScopes.subscriptionValue(s));
      } else {
        state().removeSubscription(key);
        inst.subscriptionKeys.remove(key);
        ctx.record(
            s.signal ? "SIGNAL_SUBSCRIPTION" : "PROCESS_MESSAGE_SUBSCRIPTION",
            "DELETED",
            key,
            EventScopes.subscriptionValue(s));
      }
    }
    for (Long key : new ArrayList<>(inst.timerKeys)) {
      Timer timer = state().timers.get(key);
      if (timer == null) {
        continue;
      }
      String to = mapping.get(timer.elementId);
      if (to != null && belongsTo(t, to, targetElement)) {
        timer.elementId = to;
        timer.processDefinitionKey = inst.processDefinitionKey;
        open.add(to);
        ctx.record("TIMER", "MIGRATED", timer.key, Timers.value(timer));
      } else {
        timers.cancel(key);
        inst.timerKeys.remove(key);
      }
    }
    List<Trigger> missing = new ArrayList<>();
    try {
      List<Trigger> wanted = new ArrayList<>();
      if (inst.kind != ElementKind.PROCESS) {
        wanted.addAll(scopes.boundaryTriggers(inst, targetElement));
      }
      wanted.addAll(scopes.eventSubProcessTriggers(inst, targetElement));
      for (Trigger trigger : wanted) {
        if (!open.contains(elementIdOf(trigger))) {
          missing.add(trigger);
        }
      }
    } catch (FeelException e) {
      return; // the target's boundary events cannot be evaluated here: they stay closed
    }
    if (!missing.isEmpty()) {
      scopes.open(inst, missing);
    }
  }

  /** Whether target element {@code id} is the element itself or one of its boundary events. */
  private static boolean belongsTo(ProcessModel t, String id, Element targetElement) {
    if (id.equals(targetElement.id)) {
      return true;
    }
    Element e = t.elementOrNull(id);
    return e != null
        && (targetElement.boundaryEventIds.contains(id)
            || targetElement.eventSubProcessStartIds.contains(id));
  }

  private static String elementIdOf(Trigger trigger) {
    if (trigger instanceof Trigger.Message m) {
      return m.elementId();
    } else if (trigger instanceof Trigger.Timer timer) {
      return timer.elementId();
    } else if (trigger instanceof Trigger.Signal s) {
      return s.elementId();
    }
    return null;
  }

  private static Map<String, Object> instanceValue(ElementInstance inst) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("bpmnProcessId", inst.bpmnProcessId);
    v.put("version", inst.version);
    v.put("processDefinitionKey", inst.processDefinitionKey);
    v.put("processInstanceKey", inst.processInstanceKey);
    v.put("elementId", inst.elementId);
    v.put("bpmnElementType", inst.kind.name());
    return v;
  }

  private static EngineException invalid(ElementInstance root, String what) {
    return EngineException.invalidArgument(
        "Expected to migrate process instance '" + root.key + "' but " + what);
  }
}
