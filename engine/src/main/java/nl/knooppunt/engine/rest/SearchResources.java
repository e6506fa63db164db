package nl.knooppunt.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import nl.knooppunt.engine.grpc.VariableDocuments;
import nl.knooppunt.engine.rest.Search.Field;
import nl.knooppunt.engine.rest.Search.Order;
import nl.knooppunt.engine.rest.Search.Schema;
import nl.knooppunt.engine.rest.Search.Type;
import nl.knooppunt.engine.runtime.StateReader;
import nl.knooppunt.engine.runtime.StateReader.IncidentSnapshot;
import nl.knooppunt.engine.runtime.StateReader.JobSnapshot;
import nl.knooppunt.engine.runtime.StateReader.ProcessInstanceSnapshot;
import nl.knooppunt.engine.runtime.StateReader.UserTaskSnapshot;

/**
 * The searchable resources and their JSON, as in the Orchestration Cluster API 8.8 ({@code
 * IncidentFilter}/{@code IncidentResult}, {@code ProcessInstanceFilter}/{@code
 * ProcessInstanceResult}). Keys are JSON strings, dates ISO offset date-times, the tenant is always
 * {@code <default>}. Only live state exists: an incident is always {@code ACTIVE} (a resolved one
 * is gone), a process instance always {@code ACTIVE} (an ended one is gone).
 */
final class SearchResources {

  static final String TENANT = "<default>";

  private SearchResources() {}

  // ---- incidents ----------------------------------------------------------------------------

  static final Schema<IncidentSnapshot> INCIDENTS =
      Schema.of(
          "incident search",
          List.of(
              Field.of("incidentKey", Type.KEY, IncidentSnapshot::incidentKey),
              Field.of("processDefinitionKey", Type.KEY, IncidentSnapshot::processDefinitionKey),
              Field.of("processDefinitionId", Type.STRING, IncidentSnapshot::processDefinitionId),
              Field.of("processInstanceKey", Type.KEY, IncidentSnapshot::processInstanceKey),
              Field.ofEnum("errorType", StateReader.ERROR_TYPES, IncidentSnapshot::errorType),
              Field.of("errorMessage", Type.STRING, IncidentSnapshot::errorMessage),
              Field.of("elementId", Type.STRING, IncidentSnapshot::elementId),
              Field.of("elementInstanceKey", Type.KEY, IncidentSnapshot::elementInstanceKey),
              Field.of("creationTime", Type.DATE, IncidentSnapshot::creationTime),
              Field.ofEnum(
                  "state", List.of("ACTIVE", "MIGRATED", "RESOLVED", "PENDING"), i -> "ACTIVE"),
              Field.of("jobKey", Type.KEY, IncidentSnapshot::jobKey),
              Field.of("tenantId", Type.STRING, i -> TENANT)),
          Set.of(
              "incidentKey",
              "processDefinitionKey",
              "processDefinitionId",
              "processInstanceKey",
              "errorType",
              "errorMessage",
              "elementId",
              "elementInstanceKey",
              "creationTime",
              "state",
              "jobKey",
              "tenantId"),
          List.of(new Order("creationTime", false)),
          "incidentKey",
          Set.of(),
          false);

  static ObjectNode incident(IncidentSnapshot i) {
    ObjectNode n = VariableDocuments.MAPPER.createObjectNode();
    Search.putKey(n, "incidentKey", i.incidentKey());
    Search.putKey(n, "processDefinitionKey", i.processDefinitionKey());
    n.put("processDefinitionId", i.processDefinitionId());
    Search.putKey(n, "processInstanceKey", i.processInstanceKey());
    n.put("errorType", i.errorType());
    n.put("errorMessage", i.errorMessage());
    n.put("elementId", i.elementId());
    Search.putKey(n, "elementInstanceKey", i.elementInstanceKey());
    Search.putDate(n, "creationTime", i.creationTime());
    n.put("state", "ACTIVE");
    Search.putKey(n, "jobKey", i.jobKey());
    n.put("tenantId", TENANT);
    return n;
  }

  // ---- jobs -----------------------------------------------------------------------------------

  static final Schema<JobSnapshot> JOBS =
      Schema.of(
          "job search",
          List.of(
              Field.of("jobKey", Type.KEY, JobSnapshot::jobKey),
              Field.of("type", Type.STRING, JobSnapshot::type),
              Field.of("worker", Type.STRING, JobSnapshot::worker),
              Field.ofEnum(
                  "state",
                  List.of(
                      "CANCELED",
                      "COMPLETED",
                      "CREATED",
                      "ERROR_THROWN",
                      "FAILED",
                      "MIGRATED",
                      "RETRIES_UPDATED",
                      "TIMED_OUT"),
                  JobSnapshot::state),
              Field.ofEnum(
                  "kind",
                  List.of(
                      "BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS"),
                  JobSnapshot::kind),
              Field.ofEnum(
                  "listenerEventType",
                  List.of(
                      "UNSPECIFIED",
                      "START",
                      "END",
                      "CREATING",
                      "ASSIGNING",
                      "UPDATING",
                      "COMPLETING",
                      "CANCELING"),
                  JobSnapshot::listenerEventType),
              Field.of("retries", Type.INTEGER, JobSnapshot::retries),
              Field.of(
                  "hasFailedWithRetriesLeft", Type.BOOLEAN, JobSnapshot::hasFailedWithRetriesLeft),
              Field.of("isDenied", Type.BOOLEAN, j -> null),
              Field.of("deniedReason", Type.STRING, j -> null),
              Field.of("errorMessage", Type.STRING, JobSnapshot::errorMessage),
              Field.of("errorCode", Type.STRING, JobSnapshot::errorCode),
              Field.of("deadline", Type.DATE, JobSnapshot::deadline),
              Field.of("endTime", Type.DATE, j -> null),
              Field.of("processDefinitionKey", Type.KEY, JobSnapshot::processDefinitionKey),
              Field.of("processDefinitionId", Type.STRING, JobSnapshot::processDefinitionId),
              Field.of("processInstanceKey", Type.KEY, JobSnapshot::processInstanceKey),
              Field.of("elementId", Type.STRING, JobSnapshot::elementId),
              Field.of("elementInstanceKey", Type.KEY, JobSnapshot::elementInstanceKey),
              Field.of("tenantId", Type.STRING, j -> TENANT)),
          Set.of(
              "jobKey",
              "type",
              "worker",
              "state",
              "kind",
              "listenerEventType",
              "retries",
              "hasFailedWithRetriesLeft",
              "isDenied",
              "deniedReason",
              "errorMessage",
              "errorCode",
              "deadline",
              "endTime",
              "processDefinitionKey",
              "processDefinitionId",
              "processInstanceKey",
              "elementId",
              "elementInstanceKey",
              "tenantId"),
          List.of(new Order("jobKey", false)),
          "jobKey",
          Set.of(),
          false);

  static ObjectNode job(JobSnapshot j) {
    ObjectNode n = VariableDocuments.MAPPER.createObjectNode();
    Search.putKey(n, "jobKey", j.jobKey());
    n.put("type", j.type());
    n.put("worker", j.worker());
    n.put("state", j.state());
    n.put("kind", j.kind());
    n.put("listenerEventType", j.listenerEventType());
    n.put("retries", j.retries());
    n.putNull("isDenied");
    n.putNull("deniedReason");
    n.put("hasFailedWithRetriesLeft", j.hasFailedWithRetriesLeft());
    n.put("errorCode", j.errorCode());
    n.put("errorMessage", j.errorMessage());
    ObjectNode headers = n.putObject("customHeaders");
    j.customHeaders().forEach(headers::put);
    if (j.deadline() == null) {
      n.putNull("deadline");
    } else {
      Search.putDate(n, "deadline", j.deadline());
    }
    n.putNull("endTime");
    n.put("processDefinitionId", j.processDefinitionId());
    Search.putKey(n, "processDefinitionKey", j.processDefinitionKey());
    Search.putKey(n, "processInstanceKey", j.processInstanceKey());
    n.put("elementId", j.elementId());
    Search.putKey(n, "elementInstanceKey", j.elementInstanceKey());
    n.put("tenantId", TENANT);
    return n;
  }

  // ---- process instances --------------------------------------------------------------------

  static final Schema<ProcessInstanceSnapshot> PROCESS_INSTANCES =
      Schema.of(
          "process instance search",
          List.of(
              Field.of("processInstanceKey", Type.KEY, ProcessInstanceSnapshot::processInstanceKey),
              Field.of(
                  "processDefinitionId", Type.STRING, ProcessInstanceSnapshot::processDefinitionId),
              Field.of(
                  "processDefinitionName",
                  Type.STRING,
                  ProcessInstanceSnapshot::processDefinitionName),
              Field.of(
                  "processDefinitionVersion",
                  Type.INTEGER,
                  ProcessInstanceSnapshot::processDefinitionVersion),
              Field.of("processDefinitionVersionTag", Type.STRING, p -> null),
              Field.of(
                  "processDefinitionKey", Type.KEY, ProcessInstanceSnapshot::processDefinitionKey),
              Field.of(
                  "parentProcessInstanceKey",
                  Type.KEY,
                  ProcessInstanceSnapshot::parentProcessInstanceKey),
              Field.of(
                  "parentElementInstanceKey",
                  Type.KEY,
                  ProcessInstanceSnapshot::parentElementInstanceKey),
              Field.of("startDate", Type.DATE, ProcessInstanceSnapshot::startTime),
              Field.of("endDate", Type.DATE, p -> null),
              Field.ofEnum("state", List.of("ACTIVE", "COMPLETED", "TERMINATED"), p -> "ACTIVE"),
              Field.of("hasIncident", Type.BOOLEAN, ProcessInstanceSnapshot::hasIncident),
              Field.of("tenantId", Type.STRING, p -> TENANT)),
          Set.of(
              "processInstanceKey",
              "processDefinitionId",
              "processDefinitionName",
              "processDefinitionVersion",
              "processDefinitionVersionTag",
              "processDefinitionKey",
              "parentProcessInstanceKey",
              "parentElementInstanceKey",
              "startDate",
              "endDate",
              "state",
              "hasIncident",
              "tenantId"),
          List.of(new Order("processInstanceKey", false)),
          "processInstanceKey",
          Set.of("tags", "variables"),
          true);

  static ObjectNode processInstance(ProcessInstanceSnapshot p) {
    ObjectNode n = VariableDocuments.MAPPER.createObjectNode();
    Search.putKey(n, "processInstanceKey", p.processInstanceKey());
    n.put("processDefinitionId", p.processDefinitionId());
    n.put("processDefinitionName", p.processDefinitionName());
    n.put("processDefinitionVersion", p.processDefinitionVersion());
    Search.putKey(n, "processDefinitionKey", p.processDefinitionKey());
    Search.putKey(n, "parentProcessInstanceKey", p.parentProcessInstanceKey());
    Search.putKey(n, "parentElementInstanceKey", p.parentElementInstanceKey());
    Search.putDate(n, "startDate", p.startTime());
    n.putNull("endDate");
    n.put("state", "ACTIVE");
    n.put("hasIncident", p.hasIncident());
    n.put("tenantId", TENANT);
    n.putArray("tags");
    return n;
  }

  // ---- user tasks ---------------------------------------------------------------------------

  /**
   * The user-task search ({@code UserTaskFilter}/{@code UserTaskResult}): live tasks only (a
   * completed or canceled task is gone); the candidate and variable filters are not supported
   * (refused as unknown properties, except as the empty lists the client sends).
   */
  static final Schema<UserTaskSnapshot> USER_TASKS =
      Schema.of(
          "user task search",
          List.of(
              Field.of("userTaskKey", Type.KEY, UserTaskSnapshot::userTaskKey),
              Field.ofEnum(
                  "state",
                  List.of(
                      "CREATING",
                      "CREATED",
                      "ASSIGNING",
                      "UPDATING",
                      "COMPLETING",
                      "COMPLETED",
                      "CANCELING",
                      "CANCELED",
                      "FAILED"),
                  UserTaskSnapshot::state),
              Field.of("assignee", Type.STRING, UserTaskSnapshot::assignee),
              Field.of("priority", Type.INTEGER, UserTaskSnapshot::priority),
              Field.of("elementId", Type.STRING, UserTaskSnapshot::elementId),
              Field.of("name", Type.STRING, UserTaskSnapshot::name),
              Field.of("tenantId", Type.STRING, t -> TENANT),
              Field.of("processDefinitionId", Type.STRING, UserTaskSnapshot::processDefinitionId),
              Field.of("creationDate", Type.DATE, UserTaskSnapshot::creationDate),
              Field.of("completionDate", Type.DATE, t -> null),
              Field.of("followUpDate", Type.DATE, UserTaskSnapshot::followUpDate),
              Field.of("dueDate", Type.DATE, UserTaskSnapshot::dueDate),
              Field.of("processDefinitionKey", Type.KEY, UserTaskSnapshot::processDefinitionKey),
              Field.of("processInstanceKey", Type.KEY, UserTaskSnapshot::processInstanceKey),
              Field.of("elementInstanceKey", Type.KEY, UserTaskSnapshot::elementInstanceKey)),
          Set.of("creationDate", "completionDate", "followUpDate", "dueDate", "priority", "name"),
          List.of(new Order("creationDate", false)),
          "userTaskKey",
          Set.of("processInstanceVariables", "localVariables"),
          false);

  static ObjectNode userTask(UserTaskSnapshot t) {
    ObjectNode n = VariableDocuments.MAPPER.createObjectNode();
    n.put("name", t.name());
    n.put("state", t.state());
    n.put("assignee", t.assignee());
    n.put("elementId", t.elementId());
    t.candidateGroups().forEach(n.putArray("candidateGroups")::add);
    t.candidateUsers().forEach(n.putArray("candidateUsers")::add);
    n.put("processDefinitionId", t.processDefinitionId());
    Search.putDate(n, "creationDate", t.creationDate());
    n.putNull("completionDate");
    if (t.followUpDate() == null) {
      n.putNull("followUpDate");
    } else {
      Search.putDate(n, "followUpDate", t.followUpDate());
    }
    if (t.dueDate() == null) {
      n.putNull("dueDate");
    } else {
      Search.putDate(n, "dueDate", t.dueDate());
    }
    n.put("tenantId", TENANT);
    n.put("externalFormReference", t.externalFormReference());
    n.put("processDefinitionVersion", t.processDefinitionVersion());
    ObjectNode headers = n.putObject("customHeaders");
    t.customHeaders().forEach(headers::put);
    n.put("priority", t.priority());
    Search.putKey(n, "userTaskKey", t.userTaskKey());
    Search.putKey(n, "elementInstanceKey", t.elementInstanceKey());
    n.put("processName", t.processName());
    Search.putKey(n, "processDefinitionKey", t.processDefinitionKey());
    Search.putKey(n, "processInstanceKey", t.processInstanceKey());
    Search.putKey(n, "formKey", t.formKey());
    return n;
  }
}
