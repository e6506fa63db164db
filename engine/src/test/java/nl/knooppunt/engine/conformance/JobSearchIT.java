package nl.knooppunt.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.filter.JobFilter;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.SearchResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Jobs seen through the client's job search ({@code newJobSearchRequest}, {@code POST
 * /v2/jobs/search}), and a stuck job repaired through the client as an operator would: retries back
 * and the incident resolved.
 *
 * <p>Docs:
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-jobs/ and
 * docs.camunda.io/docs/components/concepts/incidents/
 */
@DisplayName(
    "Job search — docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/search-jobs/")
class JobSearchIT extends ConformanceTestBase {

  static SearchResponse<Job> awaitJobs(
      final Consumer<JobFilter> filter, final Predicate<SearchResponse<Job>> until) {
    return await("a job search answer")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> client.newJobSearchRequest().filter(filter).send().join(), until);
  }

  // Docs: docs.camunda.io/docs/components/concepts/incidents/ (resolve: update retries, resolve)
  @Test
  @DisplayName(
      "a job is found by its instance and type; failed without retries it is FAILED with 0"
          + " retries; retries back and the incident resolved, the worker gets it again")
  void jobFoundFailedAndRepaired() {
    final String id = uid("search_jobs");
    final String type = uid("work");
    deploy(IncidentSearchIT.oneTask(id, type));
    final long instance = start(id);

    final Job created =
        awaitJobs(f -> f.processInstanceKey(instance), r -> r.items().size() == 1).items().get(0);
    assertThat(created.getType()).isEqualTo(type);
    assertThat(created.getElementId()).isEqualTo("work");
    assertThat(created.getState()).isEqualTo(JobState.CREATED);
    assertThat(created.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(created.getProcessDefinitionId()).isEqualTo(id);
    assertThat(created.getTenantId()).isEqualTo("<default>");
    assertThat(client.newJobSearchRequest().filter(f -> f.type(type)).send().join().items())
        .extracting(Job::getJobKey)
        .containsExactly(created.getJobKey());

    final ActivatedJob job = awaitJob(type);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("mail server down").send().join();

    final Job failed =
        awaitJobs(f -> f.jobKey(job.getKey()).state(JobState.FAILED), r -> r.items().size() == 1)
            .items()
            .get(0);
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getErrorMessage()).contains("mail server down");

    final long incident =
        IncidentSearchIT.awaitSearch(
                f -> f.processInstanceKey(instance), r -> r.items().size() == 1)
            .items()
            .get(0)
            .getIncidentKey();
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident).send().join();

    final ActivatedJob again = awaitJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
  }

  @Test
  @DisplayName("jobs are sorted and paged as the client asks: by retries, one at a time")
  void sortedAndPaged() {
    final String id = uid("search_jobs_paged");
    final String type = uid("work");
    deploy(IncidentSearchIT.oneTask(id, type));
    start(id);
    start(id);
    awaitJobs(f -> f.type(type), r -> r.items().size() == 2);

    final SearchResponse<Job> first =
        client
            .newJobSearchRequest()
            .filter(f -> f.type(type))
            .sort(s -> s.jobKey().desc())
            .page(p -> p.limit(1))
            .send()
            .join();
    final SearchResponse<Job> second =
        client
            .newJobSearchRequest()
            .filter(f -> f.type(type))
            .sort(s -> s.jobKey().desc())
            .page(p -> p.limit(1).after(first.page().endCursor()))
            .send()
            .join();

    assertThat(first.items()).hasSize(1);
    assertThat(second.items()).hasSize(1);
    assertThat(first.items().get(0).getJobKey()).isGreaterThan(second.items().get(0).getJobKey());
    assertThat(first.page().totalItems()).isEqualTo(2);
  }
}
