package nl.knooppunt.engine.support;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers for scenario tests through the real client. */
public final class Scenario {
  private final TestEngine engine;

  public Scenario(TestEngine engine) {
    this.engine = engine;
  }

  public CamundaClient client() {
    return engine.client();
  }

  public void deploy(BpmnModelInstance model) {
    String xml = Bpmn.convertToString(model);
    client()
        .newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "p-" + System.nanoTime() + ".bpmn")
        .send()
        .join();
  }

  public void deployXml(String xml) {
    client()
        .newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), "x-" + System.nanoTime() + ".bpmn")
        .send()
        .join();
  }

  public long create(String processId, Map<String, Object> variables) {
    return client()
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  public long create(String processId) {
    return create(processId, Map.of());
  }

  /** Activates jobs of a type until at least {@code count} are there. */
  public List<ActivatedJob> jobs(String type, int count) {
    List<ActivatedJob> out = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              out.addAll(
                  client()
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(count - out.size())
                      .timeout(Duration.ofMinutes(5))
                      .requestTimeout(Duration.ofMillis(300))
                      .send()
                      .join()
                      .getJobs());
              return out.size() >= count;
            });
    return out;
  }

  public ActivatedJob job(String type) {
    return jobs(type, 1).get(0);
  }

  public void complete(String type, Map<String, Object> variables) {
    client().newCompleteCommand(job(type)).variables(variables).send().join();
  }

  public void awaitCompleted(long processInstanceKey) {
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.completed(processInstanceKey));
  }

  public void awaitTerminated(long processInstanceKey) {
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.terminated(processInstanceKey));
  }

  public void awaitElement(long processInstanceKey, String elementId, String intent) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.element(processInstanceKey, elementId, intent));
  }

  /** The value of a variable as last written in the instance (from VARIABLE records). */
  public Object variable(long processInstanceKey, String name) {
    Object value = null;
    for (var r : engine.records) {
      if (r.valueType().equals("VARIABLE")
          && name.equals(r.get("name"))
          && Long.valueOf(processInstanceKey).equals(r.get("processInstanceKey"))
          && Long.valueOf(processInstanceKey).equals(r.get("scopeKey"))) {
        value = r.get("value");
      }
    }
    return value;
  }

  public boolean incident(long processInstanceKey, String errorType) {
    return engine.records.stream()
        .anyMatch(
            r ->
                r.valueType().equals("INCIDENT")
                    && r.intent().equals("CREATED")
                    && errorType.equals(r.get("errorType"))
                    && Long.valueOf(processInstanceKey).equals(r.get("processInstanceKey")));
  }

  public long incidentKey(long processInstanceKey) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                engine.records.stream()
                    .anyMatch(
                        r ->
                            r.valueType().equals("INCIDENT")
                                && r.intent().equals("CREATED")
                                && Long.valueOf(processInstanceKey)
                                    .equals(r.get("processInstanceKey"))));
    return engine.records.stream()
        .filter(
            r ->
                r.valueType().equals("INCIDENT")
                    && r.intent().equals("CREATED")
                    && Long.valueOf(processInstanceKey).equals(r.get("processInstanceKey")))
        .reduce((a, b) -> b)
        .orElseThrow()
        .key();
  }

  public String incidentMessage(long incidentKey) {
    return engine.records.stream()
        .filter(r -> r.valueType().equals("INCIDENT") && r.key() == incidentKey)
        .findFirst()
        .map(r -> (String) r.get("errorMessage"))
        .orElse(null);
  }
}
