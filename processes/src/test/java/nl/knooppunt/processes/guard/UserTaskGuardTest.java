package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.SlaTable;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.TaskListenerJobType;
import nl.knooppunt.processes.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/** DESIGN §2: native user tasks with the four task listeners, a form, candidate groups, SLA. */
class UserTaskGuardTest {

  private static List<Element> userTasks(ProcessId id) {
    return Modellen.all(Modellen.dom(id), BPMN_NS, "userTask");
  }

  private static Element zeebe(Element task, String name) {
    List<Element> found = new ArrayList<>();
    var list = task.getElementsByTagNameNS(ZEEBE_NS, name);
    for (int i = 0; i < list.getLength(); i++) {
      found.add((Element) list.item(i));
    }
    assertThat(found).as(task.getAttribute("id") + " zeebe:" + name).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskIsANativeCamundaUserTask(ProcessId id) {
    assertThat(userTasks(id)).allSatisfy(t -> zeebe(t, "userTask"));
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskDeclaresCreatingAssigningCompletingAndCancelingListeners(ProcessId id) {
    Set<String> expected =
        Arrays.stream(TaskListenerJobType.values())
            .map(l -> l.eventType() + "=" + l.type())
            .collect(Collectors.toSet());
    for (Element task : userTasks(id)) {
      Set<String> declared = new HashSet<>();
      var listeners = task.getElementsByTagNameNS(ZEEBE_NS, "taskListener");
      for (int i = 0; i < listeners.getLength(); i++) {
        Element l = (Element) listeners.item(i);
        declared.add(l.getAttribute("eventType") + "=" + l.getAttribute("type"));
      }
      assertThat(declared).as(task.getAttribute("id")).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskShowsTheFormTheCatalogueNames(ProcessId id) {
    for (Element task : userTasks(id)) {
      String taskId = task.getAttribute("id");
      Task catalogued =
          Task.of(id.id(), taskId).orElseThrow(() -> new AssertionError("not in Taak: " + taskId));
      String reference = zeebe(task, "formDefinition").getAttribute("externalReference");
      assertThat(Form.ofKey(reference)).as(taskId).contains(catalogued.form());
      assertThat(getClass().getClassLoader().getResource(catalogued.form().schemaResource()))
          .as(catalogued.form().schemaResource())
          .isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskIsDueAfterTheTermTheDecisionTableGivesIt(ProcessId id) {
    for (Element task : userTasks(id)) {
      Task catalogued = Task.of(id.id(), task.getAttribute("id")).orElseThrow();
      String dueDate = zeebe(task, "taskSchedule").getAttribute("dueDate");
      assertThat(dueDate)
          .as(catalogued.name())
          .isEqualTo(
              "=now() + duration("
                  + Variable.TERMIJNEN.variableName()
                  + "."
                  + catalogued.elementId()
                  + ")");
      assertThat(SlaTable.shipped().term(id, catalogued.elementId()))
          .as("row in the SLA table for " + catalogued.name())
          .isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyUserTaskIsOfferedToKnownRolesOrToOneScopedGroup(ProcessId id) {
    Set<String> roles =
        Arrays.stream(CandidateGroup.values())
            .map(CandidateGroup::group)
            .collect(Collectors.toSet());
    for (Element task : userTasks(id)) {
      String groups = zeebe(task, "assignmentDefinition").getAttribute("candidateGroups");
      if (groups.equals("=[" + Variable.INFORMATIEPARTNER.variableName() + "]")) {
        // one information partner per task (police, OM, ...): the worker that resolves the area
        // gives only known roles (AreaWorkers checks its setting against CandidateGroup)
        assertThat(id).isEqualTo(ProcessId.DREIGINGSNIVEAU_5);
      } else if (groups.startsWith("=")) {
        // one scoped group: a region, a police unit or a gezag, built from its prefix; or one
        // known role chosen by the case (e.g. police assistance: the korpschef)
        assertThat(groups).as(task.getAttribute("id")).startsWith("=[").endsWith("]");
        Matcher prefix = Pattern.compile("\"([a-z]+-)\" \\+ ").matcher(groups);
        List<String> prefixes = new ArrayList<>();
        while (prefix.find()) {
          prefixes.add(prefix.group(1));
        }
        Matcher literal = Pattern.compile("\"([a-z][a-z-]*[a-z])\"(?! \\+)").matcher(groups);
        List<String> named = new ArrayList<>();
        while (literal.find()) {
          named.add(literal.group(1));
        }
        assertThat(prefixes)
            .as(task.getAttribute("id"))
            .isSubsetOf(
                CandidateGroup.REGIO_PREFIX,
                CandidateGroup.POLITIE_PREFIX,
                CandidateGroup.GEZAG_PREFIX);
        assertThat(named).as(task.getAttribute("id")).isSubsetOf(roles);
        assertThat(prefixes.size() + named.size()).as(task.getAttribute("id")).isPositive();
      } else {
        assertThat(Arrays.asList(groups.split(","))).as(task.getAttribute("id")).isSubsetOf(roles);
      }
    }
  }

  @Test
  void everyCatalogueTaskExistsInItsModel() {
    for (Task catalogued : Task.values()) {
      assertThat(userTasks(catalogued.process()))
          .as(catalogued.name())
          .anyMatch(t -> t.getAttribute("id").equals(catalogued.elementId()));
    }
  }

  @Test
  void everyFormIsUsedByAtLeastOneTask() {
    Set<Form> used = Arrays.stream(Task.values()).map(Task::form).collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrder(Form.values());
  }
}
