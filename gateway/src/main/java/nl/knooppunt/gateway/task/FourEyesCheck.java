package nl.knooppunt.gateway.task;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.web.Problems;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.ProcessId;
import org.springframework.stereotype.Component;

/**
 * The four-eyes principle, asked before a decision is completed: the person who proposed a decision
 * may not take it, and who proposed or took it may not co-sign it. The process checks the same
 * after the task ({@link JobType#VIER_OGEN_CONTROLEREN}, which sends the decision back); here the
 * person hears it at once (409 with the reason) and the refused decision is never completed, so it
 * is never listed as a decision. Which variables hold the proposer and the decider is read from the
 * process models themselves: the input mappings of the four-eyes task that directly follows the
 * user task. The signed-in user takes the place of the input that the task's form fills with the
 * user ({@code beslisser}, {@code medeondertekenaar}); every other input is looked up in the
 * process variables the task was created with.
 */
@Component
class FourEyesCheck {

  /** The inputs of a four-eyes check: who proposed, who decided, who co-signs. */
  static final Set<String> PERSONS = Set.of("voorsteller", "beslisser", "medeondertekenaar");

  private static final Pattern PATH =
      Pattern.compile("=\\s*([A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*)\\s*");

  /** A four-eyes check after a user task: the decision it guards and its person inputs. */
  record Check(String decision, Map<String, String> persons) {}

  private final Map<String, Check> checks = new LinkedHashMap<>();

  FourEyesCheck() {
    for (ProcessId process : ProcessId.values()) {
      try (InputStream in =
          FourEyesCheck.class.getClassLoader().getResourceAsStream(process.resource())) {
        if (in != null) {
          read(process.id(), Bpmn.readModelFromStream(in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void read(String processId, BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (SequenceFlow flow : task.getOutgoing()) {
        if (flow.getTarget() instanceof ServiceTask service && isFourEyes(service)) {
          Map<String, String> persons = new LinkedHashMap<>();
          ZeebeIoMapping io = service.getSingleExtensionElement(ZeebeIoMapping.class);
          if (io != null) {
            for (ZeebeInput input : io.getInputs()) {
              if (PERSONS.contains(input.getTarget())) {
                persons.put(input.getTarget(), input.getSource());
              }
            }
          }
          checks.put(key(processId, task.getId()), new Check(decision(service), persons));
        }
      }
    }
  }

  private static boolean isFourEyes(ServiceTask service) {
    ZeebeTaskDefinition definition = service.getSingleExtensionElement(ZeebeTaskDefinition.class);
    return definition != null && JobType.VIER_OGEN_CONTROLEREN.type().equals(definition.getType());
  }

  private static String decision(ServiceTask service) {
    ZeebeTaskHeaders headers = service.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      for (ZeebeHeader h : headers.getHeaders()) {
        if ("besluit".equals(h.getKey())) {
          return h.getValue();
        }
      }
    }
    return "besluit";
  }

  private static String key(String processId, String elementId) {
    return processId + "/" + elementId;
  }

  /** The four-eyes check that follows a user task, if any. */
  Check of(String processId, String elementId) {
    return checks.get(key(processId, elementId));
  }

  /**
   * Refuses (409) when {@code user}, who completes the task as {@code ownFields} (the form's fields
   * the hub fills with the user), is someone the check must keep apart.
   */
  void check(
      String processId,
      String elementId,
      Set<String> ownFields,
      String user,
      Map<String, Object> processVariables) {
    Check check = of(processId, elementId);
    if (check == null) {
      return;
    }
    String own =
        check.persons().keySet().stream().filter(ownFields::contains).findFirst().orElse(null);
    if (own == null) {
      return;
    }
    for (Map.Entry<String, String> person : check.persons().entrySet()) {
      if (person.getKey().equals(own)) {
        continue;
      }
      Object other = lookUp(person.getValue(), processVariables);
      if (other instanceof String name && normal(name).equals(normal(user))) {
        throw new Problems.FourEyes(
            "Besluit "
                + check.decision()
                + ": "
                + user
                + ("voorsteller".equals(person.getKey()) ? " stelde dit voor" : " besloot dit")
                + (own.equals("beslisser")
                    ? " en mag er daarom niet zelf over beslissen (vier ogen)."
                    : " en mag het daarom niet medeondertekenen (vier ogen)."));
      }
    }
  }

  /** The value of a FEEL path ({@code =voorgesteldDoor}, {@code =besluit.beslisser}), or null. */
  static Object lookUp(String expression, Map<String, Object> variables) {
    var m = expression == null ? null : PATH.matcher(expression);
    if (m == null || !m.matches()) {
      return null;
    }
    Object node = variables;
    for (String part : List.of(m.group(1).split("\\."))) {
      node = node instanceof Map<?, ?> map ? map.get(part) : null;
    }
    return node;
  }

  private static String normal(String user) {
    return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
  }
}
