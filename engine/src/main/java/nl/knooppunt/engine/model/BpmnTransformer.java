package nl.knooppunt.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.feel.Expression;
import nl.knooppunt.engine.feel.Feel;
import nl.knooppunt.engine.feel.FeelException;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

/**
 * Turns a BPMN resource into executable {@link ProcessModel}s. Three checks, each refusing with a
 * message that names the element: (1) the XML whitelist ({@link XmlWhitelist}), (2) Camunda's own
 * design-time validators from zeebe-bpmn-model, (3) the semantic transformation here, which refuses
 * event definitions in positions the engine does not implement and FEEL syntax errors.
 */
public final class BpmnTransformer {

  private final Feel feel;

  public BpmnTransformer(Feel feel) {
    this.feel = feel;
  }

  /** Parses and validates; returns one model per executable process in the resource. */
  public List<ProcessModel> transform(String resourceName, byte[] xml) {
    List<String> problems = XmlWhitelist.check(XmlWhitelist.parse(xml));
    if (!problems.isEmpty()) {
      throw failure(resourceName, problems);
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new DeploymentException("'" + resourceName + "': invalid BPMN: " + rootMessage(e), e);
    }
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    for (Map.Entry<?, List<ValidationResult>> entry : results.getResults().entrySet()) {
      for (ValidationResult r : entry.getValue()) {
        if (r.getType() == ValidationResultType.ERROR) {
          String id =
              r.getElement() instanceof BaseElement be && be.getId() != null
                  ? be.getId()
                  : r.getElement().getElementType().getTypeName();
          problems.add("Element '" + id + "': " + r.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw failure(resourceName, problems);
    }
    List<ProcessModel> out = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      out.add(new ProcessBuilder(process, problems).build());
    }
    if (!problems.isEmpty()) {
      throw failure(resourceName, problems);
    }
    if (out.isEmpty()) {
      throw new DeploymentException(
          "'" + resourceName + "': the resource contains no executable process");
    }
    return out;
  }

  private static DeploymentException failure(String resourceName, List<String> problems) {
    return new DeploymentException(
        "Expected to deploy '"
            + resourceName
            + "', but it is not valid for the embedded engine:\n- "
            + String.join("\n- ", problems));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e.getMessage() : t.getMessage();
  }

  /** Builds one process. */
  private final class ProcessBuilder {
    private final Process process;
    private final List<String> problems;
    private final Map<String, Element> elements = new LinkedHashMap<>();
    private final Map<String, SequenceFlow> flows = new LinkedHashMap<>();

    ProcessBuilder(Process process, List<String> problems) {
      this.process = process;
      this.problems = problems;
    }

    ProcessModel build() {
      Element root = new Element(process.getId(), ElementKind.PROCESS);
      root.name = process.getName();
      elements.put(root.id, root);
      buildScope(root, process.getFlowElements());
      return new ProcessModel(process.getId(), root, elements, flows);
    }

    private void buildScope(Element scope, Collection<FlowElement> children) {
      for (FlowElement fe : children) {
        if (fe instanceof FlowNode node) {
          Element e = buildNode(node);
          if (e == null) {
            continue;
          }
          e.flowScopeId = scope.id;
          scope.childIds.add(e.id);
          elements.put(e.id, e);
          if (e.kind == ElementKind.START_EVENT && e.eventType == EventDefinitionType.NONE) {
            scope.noneStartEventId = e.id;
          }
          if (node instanceof SubProcess sp && e.eventSubProcess) {
            buildScope(e, sp.getFlowElements());
            EventSubProcessEvents.register(scope, e, startsOf(e), problems);
          } else if (node instanceof SubProcess sp) {
            buildScope(e, sp.getFlowElements());
            if (e.noneStartEventId == null && e.adHoc == null) {
              problems.add("Element '" + e.id + "': a sub-process needs one none start event");
            }
          }
        }
      }
      for (FlowElement fe : children) {
        if (fe instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow sf) {
          Expression condition = null;
          ConditionExpression ce = sf.getConditionExpression();
          if (ce != null && ce.getTextContent() != null && !ce.getTextContent().isBlank()) {
            condition = feelAlways(sf.getId(), ce.getTextContent());
          }
          SequenceFlow flow =
              new SequenceFlow(
                  sf.getId(), sf.getSource().getId(), sf.getTarget().getId(), condition);
          flows.put(flow.id(), flow);
          Element source = elements.get(flow.sourceId());
          Element target = elements.get(flow.targetId());
          if (source != null) {
            source.outgoing.add(flow);
          }
          if (target != null) {
            target.incoming.add(flow.id());
          }
        }
      }
      for (FlowElement fe : children) {
        if (fe instanceof BoundaryEvent be && elements.containsKey(be.getId())) {
          Element host = elements.get(be.getAttachedTo().getId());
          if (host != null) {
            host.boundaryEventIds.add(be.getId());
          }
        }
      }
      if (scope.kind == ElementKind.PROCESS
          && scope.noneStartEventId == null
          && startsOf(scope).isEmpty()) {
        problems.add("Element '" + scope.id + "': the process has no start event");
      }
    }

    private List<Element> startsOf(Element scope) {
      return elements.values().stream()
          .filter(e -> e.kind == ElementKind.START_EVENT && scope.id.equals(e.flowScopeId))
          .toList();
    }

    private Element buildNode(FlowNode node) {
      String id = node.getId();
      Element e;
      if (node instanceof StartEvent se) {
        e = new Element(id, ElementKind.START_EVENT);
        boolean inSubProcess = !(se.getParentElement() instanceof Process);
        boolean inEventSubProcess =
            se.getParentElement() instanceof SubProcess sp && sp.triggeredByEvent();
        EventDefinition def = single(se);
        e.interrupting = se.isInterrupting();
        if (!e.interrupting && !inEventSubProcess) {
          unsupported(id, "a non-interrupting start event outside an event sub-process");
        }
        if (inEventSubProcess) {
          EventSubProcessEvents.startEvent(e, def, problems);
          if (e.eventType == EventDefinitionType.MESSAGE) {
            message(e, (MessageEventDefinition) def, true);
          } else if (e.eventType == EventDefinitionType.TIMER) {
            timer(e, (TimerEventDefinition) def);
          } else if (e.eventType == EventDefinitionType.SIGNAL) {
            signal(e, (SignalEventDefinition) def);
          }
        } else if (def == null) {
          e.eventType = EventDefinitionType.NONE;
        } else if (inSubProcess) {
          unsupported(id, "a sub-process start event with an event definition");
        } else if (def instanceof MessageEventDefinition md) {
          message(e, md, false);
        } else if (def instanceof TimerEventDefinition td) {
          timer(e, td);
        } else if (def instanceof SignalEventDefinition sd) {
          signal(e, sd);
        } else {
          unsupportedDefinition(id, "start event", def);
        }
      } else if (node instanceof EndEvent ee && single(ee) instanceof MessageEventDefinition) {
        // a message end event is job-based, like a send task (ADR 0047)
        e = new Element(id, ElementKind.JOB_TASK);
        e.eventType = EventDefinitionType.MESSAGE;
        job(e, node);
      } else if (node instanceof EndEvent ee) {
        e = new Element(id, ElementKind.END_EVENT);
        EventDefinition def = single(ee);
        if (def == null) {
          e.eventType = EventDefinitionType.NONE;
        } else if (def instanceof ErrorEventDefinition ed) {
          e.eventType = EventDefinitionType.ERROR;
          e.errorCode = ed.getError() == null ? null : ed.getError().getErrorCode();
          if (e.errorCode == null || e.errorCode.isBlank()) {
            problems.add("Element '" + id + "': an error end event needs an error with a code");
          }
        } else if (def instanceof TerminateEventDefinition) {
          e.eventType = EventDefinitionType.TERMINATE;
        } else if (def instanceof EscalationEventDefinition ed) {
          EventSubProcessEvents.escalationThrow(e, ed, problems);
        } else {
          unsupportedDefinition(id, "end event", def);
        }
      } else if (node instanceof BusinessRuleTask
          && node.getSingleExtensionElement(
                  io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision.class)
              != null) {
        e = new Element(id, ElementKind.JOB_TASK);
        var called =
            node.getSingleExtensionElement(
                io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision.class);
        if (called.getDecisionId() == null || called.getDecisionId().isBlank()) {
          problems.add("Element '" + id + "': zeebe:calledDecision needs a decisionId");
        } else {
          e.calledDecisionId = expr(id, called.getDecisionId());
        }
        if (called.getResultVariable() == null || called.getResultVariable().isBlank()) {
          problems.add("Element '" + id + "': zeebe:calledDecision needs a resultVariable");
        }
        e.decisionResultVariable = called.getResultVariable();
        if (called.getBindingType() != null && called.getBindingType() != ZeebeBindingType.latest) {
          unsupported(id, "zeebe:calledDecision bindingType '" + called.getBindingType() + "'");
        }
      } else if (node instanceof ServiceTask
          || node instanceof SendTask
          || node instanceof BusinessRuleTask) {
        e = new Element(id, ElementKind.JOB_TASK);
        job(e, node);
      } else if (node instanceof UserTask ut
          && ut.getSingleExtensionElement(ZeebeUserTask.class) == null) {
        // job-based user task (deprecated since 8.6, still run by 8.8): ADR 0047
        e = new Element(id, ElementKind.JOB_TASK);
        JobBasedUserTask.define(e, ut, v -> expr(id, v));
      } else if (node instanceof ScriptTask st) {
        ZeebeScript script = st.getSingleExtensionElement(ZeebeScript.class);
        if (script == null) {
          e = new Element(id, ElementKind.JOB_TASK);
          job(e, node);
        } else {
          e = new Element(id, ElementKind.TASK);
          e.script = script.getExpression() == null ? null : feelAlways(id, script.getExpression());
          e.resultVariable = script.getResultVariable();
          if (e.script == null || e.resultVariable == null || e.resultVariable.isBlank()) {
            problems.add("Element '" + id + "': zeebe:script needs expression and resultVariable");
          }
        }
      } else if (node instanceof ManualTask
          || (node instanceof Task && "task".equals(node.getElementType().getTypeName()))) {
        // undefined and manual tasks pass through, as on Camunda 8
        e = new Element(id, ElementKind.TASK);
      } else if (node instanceof UserTask ut) {
        e = new Element(id, ElementKind.USER_TASK);
        userTask(e, ut);
      } else if (node instanceof ReceiveTask rt) {
        e = new Element(id, ElementKind.RECEIVE_TASK);
        if (rt.getMessage() == null) {
          problems.add("Element '" + id + "': a receive task needs a message");
        } else {
          messageOf(e, rt.getMessage(), false);
        }
      } else if (node instanceof ExclusiveGateway g) {
        e = new Element(id, ElementKind.EXCLUSIVE_GATEWAY);
        e.defaultFlowId = g.getDefault() == null ? null : g.getDefault().getId();
      } else if (node instanceof InclusiveGateway g) {
        e = new Element(id, ElementKind.INCLUSIVE_GATEWAY);
        e.defaultFlowId = g.getDefault() == null ? null : g.getDefault().getId();
      } else if (node instanceof ParallelGateway) {
        e = new Element(id, ElementKind.PARALLEL_GATEWAY);
      } else if (node instanceof EventBasedGateway) {
        e = new Element(id, ElementKind.EVENT_BASED_GATEWAY);
      } else if (node instanceof IntermediateCatchEvent ce) {
        e = new Element(id, ElementKind.INTERMEDIATE_CATCH_EVENT);
        EventDefinition def = single(ce);
        if (def instanceof MessageEventDefinition md) {
          message(e, md, true);
        } else if (def instanceof TimerEventDefinition td) {
          timer(e, td);
        } else if (def instanceof SignalEventDefinition sd) {
          signal(e, sd);
        } else {
          unsupportedDefinition(id, "intermediate catch event", def);
        }
      } else if (node instanceof IntermediateThrowEvent te) {
        EventDefinition def = single(te);
        if (def == null) {
          e = new Element(id, ElementKind.INTERMEDIATE_THROW_EVENT);
        } else if (def instanceof MessageEventDefinition) {
          e = new Element(id, ElementKind.JOB_TASK);
          e.eventType = EventDefinitionType.MESSAGE;
          job(e, node);
        } else if (def instanceof SignalEventDefinition sd) {
          e = new Element(id, ElementKind.INTERMEDIATE_THROW_EVENT);
          e.eventType = EventDefinitionType.SIGNAL;
          if (sd.getSignal() == null || sd.getSignal().getName() == null) {
            problems.add("Element '" + id + "': a signal throw event needs a signal with a name");
          } else {
            e.signalName = expr(id, sd.getSignal().getName());
          }
        } else if (def instanceof EscalationEventDefinition ed) {
          e = new Element(id, ElementKind.INTERMEDIATE_THROW_EVENT);
          EventSubProcessEvents.escalationThrow(e, ed, problems);
        } else {
          e = new Element(id, ElementKind.INTERMEDIATE_THROW_EVENT);
          unsupportedDefinition(id, "intermediate throw event", def);
        }
      } else if (node instanceof BoundaryEvent be) {
        e = new Element(id, ElementKind.BOUNDARY_EVENT);
        e.attachedToId = be.getAttachedTo().getId();
        e.interrupting = be.cancelActivity();
        EventDefinition def = single(be);
        if (def instanceof MessageEventDefinition md) {
          message(e, md, true);
        } else if (def instanceof TimerEventDefinition td) {
          timer(e, td);
        } else if (def instanceof SignalEventDefinition sd) {
          signal(e, sd);
        } else if (def instanceof ErrorEventDefinition ed) {
          e.eventType = EventDefinitionType.ERROR;
          e.errorCode = ed.getError() == null ? null : ed.getError().getErrorCode();
          if (!e.interrupting) {
            problems.add("Element '" + id + "': an error boundary event must be interrupting");
          }
        } else if (def instanceof EscalationEventDefinition ed) {
          EventSubProcessEvents.escalationCatch(e, ed);
        } else {
          unsupportedDefinition(id, "boundary event", def);
        }
      } else if (node instanceof AdHocSubProcess ah) {
        e = new Element(id, ElementKind.SUB_PROCESS);
        e.adHoc = AdHoc.read(ah, v -> feelAlways(id, v), problems);
      } else if (node instanceof SubProcess sp) {
        e = new Element(id, ElementKind.SUB_PROCESS);
        e.eventSubProcess = sp.triggeredByEvent();
      } else if (node instanceof CallActivity ca) {
        e = new Element(id, ElementKind.CALL_ACTIVITY);
        ZeebeCalledElement called = ca.getSingleExtensionElement(ZeebeCalledElement.class);
        if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
          problems.add("Element '" + id + "': a call activity needs zeebe:calledElement processId");
        } else {
          if (called.getBindingType() != null
              && called.getBindingType() != ZeebeBindingType.latest) {
            unsupported(id, "zeebe:calledElement bindingType '" + called.getBindingType() + "'");
          }
          e.calledProcessId = expr(id, called.getProcessId());
          e.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
          e.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
        }
      } else {
        unsupported(id, "the element type '" + node.getElementType().getTypeName() + "'");
        return null;
      }
      e.name = node.getName();
      ioMapping(e, node);
      if (node instanceof Activity activity) {
        loop(e, activity);
      }
      ExecutionListeners.read(e, node, v -> expr(id, v), problems);
      return e;
    }

    private EventDefinition single(CatchEvent event) {
      return singleOf(event.getId(), event.getEventDefinitions());
    }

    private EventDefinition single(ThrowEvent event) {
      return singleOf(event.getId(), event.getEventDefinitions());
    }

    private EventDefinition singleOf(String id, Collection<EventDefinition> defs) {
      if (defs.size() > 1) {
        unsupported(id, "multiple event definitions");
      }
      return defs.isEmpty() ? null : defs.iterator().next();
    }

    private void unsupportedDefinition(String id, String what, EventDefinition def) {
      String type = def == null ? "none" : def.getElementType().getTypeName();
      unsupported(id, "a " + what + " with '" + type + "'");
    }

    private void unsupported(String id, String what) {
      problems.add("Element '" + id + "': " + what + " is not supported by the embedded engine");
    }

    private void message(Element e, MessageEventDefinition md, boolean needsCorrelationKey) {
      if (md.getMessage() == null) {
        problems.add("Element '" + e.id + "': the message event needs a message reference");
        return;
      }
      messageOf(e, md.getMessage(), needsCorrelationKey);
    }

    private void messageOf(
        Element e, io.camunda.zeebe.model.bpmn.instance.Message message, boolean unused) {
      e.eventType = EventDefinitionType.MESSAGE;
      if (message.getName() == null || message.getName().isBlank()) {
        problems.add("Element '" + e.id + "': the message needs a name");
        return;
      }
      e.messageName = expr(e.id, message.getName());
      ZeebeSubscription sub = message.getSingleExtensionElement(ZeebeSubscription.class);
      if (sub != null && sub.getCorrelationKey() != null) {
        e.correlationKey = expr(e.id, sub.getCorrelationKey());
      }
    }

    private void signal(Element e, SignalEventDefinition sd) {
      e.eventType = EventDefinitionType.SIGNAL;
      if (sd.getSignal() == null || sd.getSignal().getName() == null) {
        problems.add("Element '" + e.id + "': a signal event needs a signal with a name");
        return;
      }
      e.signalName = expr(e.id, sd.getSignal().getName());
    }

    private void timer(Element e, TimerEventDefinition td) {
      e.eventType = EventDefinitionType.TIMER;
      if (td.getTimeDate() != null) {
        e.timer = timerOf(e.id, TimerDefinition.Kind.DATE, td.getTimeDate().getTextContent());
      } else if (td.getTimeDuration() != null) {
        e.timer =
            timerOf(e.id, TimerDefinition.Kind.DURATION, td.getTimeDuration().getTextContent());
      } else if (td.getTimeCycle() != null) {
        e.timer = timerOf(e.id, TimerDefinition.Kind.CYCLE, td.getTimeCycle().getTextContent());
      } else {
        problems.add("Element '" + e.id + "': a timer needs timeDate, timeDuration or timeCycle");
      }
    }

    private TimerDefinition timerOf(String id, TimerDefinition.Kind kind, String text) {
      Expression ex = expr(id, text == null ? "" : text.strip());
      if (ex != null && !ex.isFeel()) {
        try {
          nl.knooppunt.engine.runtime.TimerSchedules.validate(kind, ex.source());
        } catch (IllegalArgumentException bad) {
          problems.add("Element '" + id + "': " + bad.getMessage());
        }
      }
      return new TimerDefinition(kind, ex);
    }

    private void job(Element e, BaseElement node) {
      ZeebeTaskDefinition def = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (def == null || def.getType() == null || def.getType().isBlank()) {
        problems.add("Element '" + e.id + "': missing zeebe:taskDefinition with a type");
        return;
      }
      e.jobType = expr(e.id, def.getType());
      e.jobRetries = expr(e.id, def.getRetries() == null ? "3" : def.getRetries());
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader h : headers.getHeaders()) {
          e.taskHeaders.put(h.getKey(), h.getValue());
        }
      }
    }

    private void userTask(Element e, UserTask ut) {
      ZeebeAssignmentDefinition assignment =
          ut.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
      ZeebeTaskSchedule schedule = ut.getSingleExtensionElement(ZeebeTaskSchedule.class);
      ZeebeFormDefinition form = ut.getSingleExtensionElement(ZeebeFormDefinition.class);
      if (form != null
          && form.getBindingType() != null
          && form.getBindingType() != ZeebeBindingType.latest) {
        unsupported(e.id, "zeebe:formDefinition bindingType '" + form.getBindingType() + "'");
      }
      ZeebePriorityDefinition priority =
          ut.getSingleExtensionElement(ZeebePriorityDefinition.class);
      List<UserTaskDefinition.TaskListener> listeners = new ArrayList<>();
      ZeebeTaskListeners tls = ut.getSingleExtensionElement(ZeebeTaskListeners.class);
      if (tls != null) {
        for (ZeebeTaskListener l : tls.getTaskListeners()) {
          String type = listenerEventType(e.id, l.getEventType());
          if (type == null) {
            continue;
          }
          listeners.add(
              new UserTaskDefinition.TaskListener(
                  type,
                  expr(e.id, l.getType()),
                  expr(e.id, l.getRetries() == null ? "3" : l.getRetries())));
        }
      }
      ZeebeTaskHeaders headers = ut.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader h : headers.getHeaders()) {
          e.taskHeaders.put(h.getKey(), h.getValue());
        }
      }
      e.userTask =
          new UserTaskDefinition(
              assignment == null ? null : expr(e.id, assignment.getAssignee()),
              assignment == null ? null : expr(e.id, assignment.getCandidateGroups()),
              assignment == null ? null : expr(e.id, assignment.getCandidateUsers()),
              schedule == null ? null : expr(e.id, schedule.getDueDate()),
              schedule == null ? null : expr(e.id, schedule.getFollowUpDate()),
              form == null ? null : form.getFormKey(),
              form == null ? null : form.getFormId(),
              form == null ? null : form.getExternalReference(),
              priority == null ? null : expr(e.id, priority.getPriority()),
              listeners);
    }

    private String listenerEventType(String id, Object type) {
      String name = String.valueOf(type);
      return switch (name) {
        case "creating", "create" -> "creating";
        case "assigning", "assignment" -> "assigning";
        case "updating", "update" -> "updating";
        case "completing", "complete" -> "completing";
        case "canceling", "cancel" -> "canceling";
        default -> {
          unsupported(id, "the task listener event type '" + name + "'");
          yield null;
        }
      };
    }

    private void ioMapping(Element e, BaseElement node) {
      ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      for (ZeebeInput in : io.getInputs()) {
        e.inputs.add(new Mapping(mappingSource(e.id, in.getSource()), in.getTarget()));
      }
      for (ZeebeOutput out : io.getOutputs()) {
        e.outputs.add(new Mapping(mappingSource(e.id, out.getSource()), out.getTarget()));
      }
    }

    private Expression mappingSource(String id, String source) {
      if (source == null || source.isBlank()) {
        return expr(id, "=null");
      }
      // a source without a leading '=' is a static value: a literal string, as on Camunda 8
      return source.strip().startsWith("=") ? expr(id, source) : Expression.constant(source);
    }

    private void loop(Element e, Activity activity) {
      LoopCharacteristics lc = activity.getLoopCharacteristics();
      if (lc == null) {
        return;
      }
      if (!(lc instanceof MultiInstanceLoopCharacteristics mi)) {
        unsupported(e.id, "standard loop characteristics");
        return;
      }
      ZeebeLoopCharacteristics zl = mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
      if (zl == null || zl.getInputCollection() == null) {
        problems.add(
            "Element '"
                + e.id
                + "': multi-instance needs zeebe:loopCharacteristics inputCollection");
        return;
      }
      Expression completion = null;
      if (mi.getCompletionCondition() != null
          && mi.getCompletionCondition().getTextContent() != null
          && !mi.getCompletionCondition().getTextContent().isBlank()) {
        completion = feelAlways(e.id, mi.getCompletionCondition().getTextContent());
      }
      e.multiInstance =
          new MultiInstance(
              mi.isSequential(),
              feelAlways(e.id, zl.getInputCollection()),
              blankToNull(zl.getInputElement()),
              blankToNull(zl.getOutputCollection()),
              zl.getOutputElement() == null || zl.getOutputElement().isBlank()
                  ? null
                  : feelAlways(e.id, zl.getOutputElement()),
              completion);
    }

    private String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }

    private Expression expr(String id, String value) {
      if (value == null) {
        return null;
      }
      try {
        return feel.parse(value);
      } catch (FeelException ex) {
        problems.add("Element '" + id + "': " + ex.getMessage());
        return Expression.constant(value);
      }
    }

    private Expression feelAlways(String id, String value) {
      try {
        return feel.parseAlwaysFeel(value);
      } catch (FeelException ex) {
        problems.add("Element '" + id + "': " + ex.getMessage());
        return Expression.constant(value);
      }
    }
  }
}
