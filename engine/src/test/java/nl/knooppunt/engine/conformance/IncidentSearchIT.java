package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.filter.IncidentFilter;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Incidents seen through the client's incident search ({@code newIncidentSearchRequest}, {@code
 * POST /v2/incidents/search}): filter, sort, offset and cursor paging, and the incident's fields.
 *
 * <p>Docs:
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-incidents/,
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-data-fetching/
 * and docs.camunda.io/docs/components/concepts/incidents/
 */
@DisplayName(
    "Incident search — docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-incidents/")
class IncidentSearchIT extends ConformanceTestBase {

  /** Searches until the answer satisfies the condition (a cluster's secondary storage lags). */
  static SearchResponse<Incident> awaitSearch(
      final Consumer<IncidentFilter> filter, final Predicate<SearchResponse<Incident>> until) {
    return await("an incident search answer")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> client.newIncidentSearchRequest().filter(filter).send().join(), until);
  }

  static BpmnModelInstance oneTask(final String id, final String type) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  /** A task whose input mapping fails at activation: an IO_MAPPING_ERROR without any job. */
  static BpmnModelInstance failingInputMapping(final String id) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask(
            "mapped",
            t ->
                t.zeebeJobType(uid("never"))
                    .zeebeInputExpression(
                        "assert(orderId, orderId != null, \"orderId is required\")", "reference"))
        .endEvent()
        .done();
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/ (job with no retries left)
  @Test
  @DisplayName(
      "a job failed with no retries left is an ACTIVE JOB_NO_RETRIES incident with job, element"
          + " and message, found by process instance key")
  void jobWithoutRetries() {
    final String id = uid("search_job_no_retries");
    final String type = uid("work");
    final DeploymentEvent deployment = deploy(oneTask(id, type));
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);

    final OffsetDateTime failedAt = OffsetDateTime.now();
    client.newFailCommand(job.getKey()).retries(0).errorMessage("mail server down").send().join();

    final Incident incident =
        awaitSearch(f -> f.processInstanceKey(instance), r -> r.items().size() == 1).items().get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
    assertThat(incident.getErrorMessage()).contains("mail server down");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
    assertThat(incident.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(incident.getProcessDefinitionId()).isEqualTo(id);
    assertThat(incident.getProcessDefinitionKey())
        .isEqualTo(deployment.getProcesses().get(0).getProcessDefinitionKey());
    assertThat(incident.getTenantId()).isEqualTo("<default>");
    // engine time, close to the wall clock here (the clock is not pinned in this test)
    assertThat(incident.getCreationTime())
        .isAfter(failedAt.minusMinutes(1))
        .isBefore(OffsetDateTime.now().plusMinutes(1));
    assertThat(incident.getIncidentKey()).isPositive();

    // the same incident by its own key, and by its job key
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.incidentKey(incident.getIncidentKey()))
                .send()
                .join()
                .items())
        .extracting(Incident::getProcessInstanceKey)
        .containsExactly(instance);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.jobKey(job.getKey()).state(IncidentState.ACTIVE))
                .send()
                .join()
                .items())
        .extracting(Incident::getIncidentKey)
        .containsExactly(incident.getIncidentKey());
  }

  // Docs: docs.camunda.io/docs/components/modeler/bpmn/error-events/ (unhandled errors)
  @Test
  @DisplayName(
      "an error thrown by a worker that nobody catches is an UNHANDLED_ERROR_EVENT incident")
  void unhandledErrorEvent() {
    final String id = uid("search_unhandled_error");
    final String type = uid("work");
    deploy(oneTask(id, type));
    final long instance = start(id);

    client
        .newThrowErrorCommand(awaitJob(type).getKey())
        .errorCode("NO_SUCH_CATCH")
        .errorMessage("nobody listens")
        .send()
        .join();

    final Incident incident =
        awaitSearch(f -> f.processInstanceKey(instance), r -> !r.items().isEmpty()).items().get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("NO_SUCH_CATCH");
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
  }

  // Docs: docs.camunda.io/docs/components/concepts/variables/ (output mappings) and incidents
  @Test
  @DisplayName("an output mapping whose FEEL expression fails is an IO_MAPPING_ERROR incident")
  void outputMappingFailure() {
    final String id = uid("search_output_mapping");
    final String type = uid("work");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "work",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutputExpression(
                            "assert(result, result != null, \"result is required\")", "checked"))
            .endEvent()
            .done());
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);

    complete(job, Map.of("other", 1)); // no "result": the output mapping fails

    final Incident incident =
        awaitSearch(f -> f.processInstanceKey(instance), r -> !r.items().isEmpty()).items().get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getErrorMessage()).contains("result");
    assertThat(incident.getJobKey()).isNull();
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/ (resolve: update retries, resolve)
  @Test
  @DisplayName(
      "after UpdateJobRetries and ResolveIncident the incident is no longer found as ACTIVE")
  void resolvedIncidentIsGone() {
    final String id = uid("search_resolved");
    final String type = uid("work");
    deploy(oneTask(id, type));
    final long instance = start(id);
    final ActivatedJob job = awaitJob(type);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("down").send().join();
    final Incident incident =
        awaitSearch(f -> f.processInstanceKey(instance), r -> !r.items().isEmpty()).items().get(0);

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    final SearchResponse<Incident> after =
        awaitSearch(
            f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE),
            r -> r.items().isEmpty());
    assertThat(after.page().totalItems()).isZero();
    assertThat(awaitJob(type).getKey()).isEqualTo(job.getKey());
  }

  // Docs:
  // docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-data-fetching/
  @Test
  @DisplayName(
      "limit 1 over 3 incidents: 3 pages through endCursor/after, back through startCursor/before,"
          + " totalItems 3")
  void cursorPaging() {
    final String id = uid("search_paging");
    deploy(failingInputMapping(id));
    final List<Long> instances = List.of(start(id), start(id), start(id));
    awaitSearch(f -> f.processDefinitionId(id), r -> r.page().totalItems() == 3);

    final List<Incident> seen = new ArrayList<>();
    final List<String> startCursors = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 3; page++) {
      final String cursor = after;
      final SearchResponse<Incident> answer =
          client
              .newIncidentSearchRequest()
              .filter(f -> f.processDefinitionId(id))
              .sort(s -> s.incidentKey().asc())
              .page(
                  p -> {
                    p.limit(1);
                    if (cursor != null) {
                      p.after(cursor);
                    }
                  })
              .send()
              .join();
      assertThat(answer.items()).hasSize(1);
      assertThat(answer.page().totalItems()).isEqualTo(3);
      assertThat(answer.page().startCursor()).isNotNull();
      seen.add(answer.items().get(0));
      startCursors.add(answer.page().startCursor());
      after = answer.page().endCursor();
    }
    final String last = after;
    final SearchResponse<Incident> beyond =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.incidentKey().asc())
            .page(p -> p.limit(1).after(last))
            .send()
            .join();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.page().totalItems()).isEqualTo(3);

    assertThat(seen)
        .extracting(Incident::getProcessInstanceKey)
        .containsExactlyInAnyOrderElementsOf(instances);
    assertThat(seen).extracting(Incident::getIncidentKey).isSorted().doesNotHaveDuplicates();

    // backwards: the page before the third one is the second one
    final SearchResponse<Incident> back =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.incidentKey().asc())
            .page(p -> p.limit(1).before(startCursors.get(2)))
            .send()
            .join();
    assertThat(back.items())
        .extracting(Incident::getIncidentKey)
        .containsExactly(seen.get(1).getIncidentKey());

    // offset paging and descending order over the same three
    final SearchResponse<Incident> offset =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionId(id))
            .sort(s -> s.incidentKey().desc())
            .page(p -> p.from(1).limit(2))
            .send()
            .join();
    assertThat(offset.items())
        .extracting(Incident::getIncidentKey)
        .containsExactly(seen.get(1).getIncidentKey(), seen.get(0).getIncidentKey());
  }

  // Docs:
  // docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-incidents/
  @Test
  @DisplayName("filter by processDefinitionId and errorType")
  void filterByProcessAndErrorType() {
    final String mapping = uid("search_filter_mapping");
    final String jobs = uid("search_filter_jobs");
    final String type = uid("work");
    deploy(failingInputMapping(mapping));
    deploy(oneTask(jobs, type));
    final long mappingInstance = start(mapping);
    final long jobInstance = start(jobs);
    client.newFailCommand(awaitJob(type).getKey()).retries(0).send().join();
    awaitSearch(f -> f.processDefinitionId(mapping), r -> r.items().size() == 1);
    awaitSearch(f -> f.processDefinitionId(jobs), r -> r.items().size() == 1);

    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processDefinitionId(mapping))
                .send()
                .join()
                .items())
        .extracting(Incident::getProcessInstanceKey, Incident::getErrorType)
        .containsExactly(tuple(mappingInstance, IncidentErrorType.IO_MAPPING_ERROR));
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(
                    f -> f.processDefinitionId(jobs).errorType(IncidentErrorType.JOB_NO_RETRIES))
                .send()
                .join()
                .items())
        .extracting(Incident::getProcessInstanceKey)
        .containsExactly(jobInstance);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(
                    f -> f.processDefinitionId(jobs).errorType(IncidentErrorType.IO_MAPPING_ERROR))
                .send()
                .join()
                .items())
        .isEmpty();
    // nothing of these processes was resolved
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processDefinitionId(jobs).state(IncidentState.RESOLVED))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  // Docs:
  // docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-data-fetching/
  @Test
  @DisplayName("a search with both page.after and page.before is refused with 400")
  void invalidPageIsBadRequest() {
    final Throwable thrown =
        failure(
            () ->
                client
                    .newIncidentSearchRequest()
                    .page(p -> p.limit(1).after("WzFd").before("WzJd"))
                    .send()
                    .join());
    assertThat(httpCode(thrown)).isEqualTo(400);
  }
}
