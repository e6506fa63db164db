package nl.knooppunt.engine.model;

import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.util.function.Function;
import nl.knooppunt.engine.feel.Expression;

/**
 * A user task without {@code zeebe:userTask}: deprecated since Camunda 8.6 and still run by 8.8 as
 * a job of type {@value #JOB_TYPE}, with the form key and the assignment as job headers under the
 * names Camunda uses (ADR 0047). The form key of an embedded form ({@code zeebe:userTaskForm} on
 * the process) is {@code camunda-forms:bpmn:<id>}, as Modeler writes it in {@code
 * zeebe:formDefinition}.
 */
public final class JobBasedUserTask {

  public static final String JOB_TYPE = "io.camunda.zeebe:userTask";
  public static final String FORM_KEY = "io.camunda.zeebe:formKey";
  public static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  public static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  public static final String CANDIDATE_USERS = "io.camunda.zeebe:candidateUsers";
  public static final String DUE_DATE = "io.camunda.zeebe:dueDate";
  public static final String FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";

  /** Camunda creates the job of a job-based user task with one retry. */
  private static final String RETRIES = "1";

  private JobBasedUserTask() {}

  static void define(Element e, UserTask ut, Function<String, Expression> expr) {
    e.jobType = Expression.constant(JOB_TYPE);
    e.jobRetries = Expression.constant(RETRIES);
    ZeebeTaskHeaders headers = ut.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      for (ZeebeHeader h : headers.getHeaders()) {
        e.taskHeaders.put(h.getKey(), h.getValue());
      }
    }
    ZeebeFormDefinition form = ut.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null && form.getFormKey() != null && !form.getFormKey().isBlank()) {
      e.taskHeaders.put(FORM_KEY, form.getFormKey());
    }
    ZeebeAssignmentDefinition a = ut.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (a != null) {
      put(e, ASSIGNEE, a.getAssignee(), expr);
      put(e, CANDIDATE_GROUPS, a.getCandidateGroups(), expr);
      put(e, CANDIDATE_USERS, a.getCandidateUsers(), expr);
    }
    ZeebeTaskSchedule schedule = ut.getSingleExtensionElement(ZeebeTaskSchedule.class);
    if (schedule != null) {
      put(e, DUE_DATE, schedule.getDueDate(), expr);
      put(e, FOLLOW_UP_DATE, schedule.getFollowUpDate(), expr);
    }
  }

  private static void put(
      Element e, String header, String value, Function<String, Expression> expr) {
    if (value != null && !value.isBlank()) {
      Expression x = expr.apply(value);
      if (x != null) {
        e.evaluatedHeaders.put(header, x);
      }
    }
  }
}
