package nl.knooppunt.engine.model;

import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.List;

/**
 * The transformer's part for event sub-processes and escalation events
 * (docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/ and
 * .../bpmn/escalation-events/): the start event of an event sub-process (message, timer, signal,
 * error, escalation; interrupting or not, an error start always interrupting), escalation throw
 * events (intermediate and end, with a static code) and escalation catch events (boundary, event
 * sub-process start; without a code they catch every escalation).
 */
final class EventSubProcessEvents {

  private EventSubProcessEvents() {}

  /**
   * Sets the event type of an event sub-process start event; message, timer and signal details are
   * read by the transformer as for other events.
   */
  static void startEvent(Element e, EventDefinition def, List<String> problems) {
    if (def == null) {
      problems.add(
          "Element '"
              + e.id
              + "': the start event of an event sub-process needs a message, timer, signal,"
              + " error or escalation event definition");
    } else if (def instanceof MessageEventDefinition) {
      e.eventType = EventDefinitionType.MESSAGE;
    } else if (def instanceof TimerEventDefinition) {
      e.eventType = EventDefinitionType.TIMER;
    } else if (def instanceof SignalEventDefinition) {
      e.eventType = EventDefinitionType.SIGNAL;
    } else if (def instanceof ErrorEventDefinition ed) {
      e.eventType = EventDefinitionType.ERROR;
      e.errorCode = ed.getError() == null ? null : blankToNull(ed.getError().getErrorCode());
      if (!e.interrupting) {
        problems.add("Element '" + e.id + "': an error start event must be interrupting");
      }
    } else if (def instanceof EscalationEventDefinition ed) {
      escalationCatch(e, ed);
    } else {
      problems.add(
          "Element '"
              + e.id
              + "': an event sub-process start event with '"
              + def.getElementType().getTypeName()
              + "' is not supported by the embedded engine");
    }
  }

  /** An escalation intermediate throw or end event: it needs a static escalation code. */
  static void escalationThrow(Element e, EscalationEventDefinition ed, List<String> problems) {
    e.eventType = EventDefinitionType.ESCALATION;
    e.escalationCode =
        ed.getEscalation() == null ? null : blankToNull(ed.getEscalation().getEscalationCode());
    if (e.escalationCode == null) {
      problems.add("Element '" + e.id + "': an escalation throw event needs an escalation code");
    } else if (e.escalationCode.startsWith("=")) {
      problems.add(
          "Element '"
              + e.id
              + "': an escalation code expression is not supported by the embedded engine");
    }
  }

  /** An escalation boundary event or start event: without a code it catches every escalation. */
  static void escalationCatch(Element e, EscalationEventDefinition ed) {
    e.eventType = EventDefinitionType.ESCALATION;
    e.escalationCode =
        ed.getEscalation() == null ? null : blankToNull(ed.getEscalation().getEscalationCode());
  }

  /** An event sub-process of {@code scope}: exactly one start event, which its scope listens to. */
  static void register(Element scope, Element esp, List<Element> starts, List<String> problems) {
    if (starts.size() != 1) {
      problems.add("Element '" + esp.id + "': an event sub-process needs exactly one start event");
      return;
    }
    if (!esp.boundaryEventIds.isEmpty() || esp.multiInstance != null) {
      problems.add(
          "Element '"
              + esp.id
              + "': an event sub-process cannot have boundary events or multi-instance");
    }
    scope.eventSubProcessStartIds.add(starts.get(0).id);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
