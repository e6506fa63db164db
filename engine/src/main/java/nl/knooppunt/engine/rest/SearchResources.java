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
import nl.knooppunt.engine.runtime.StateReader.ProcessInstanceSnapshot;

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
}
