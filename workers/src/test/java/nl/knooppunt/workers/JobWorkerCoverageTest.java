package nl.knooppunt.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.TaskListenerJobType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every job a BPMN model issues has a worker, and every worker has a BPMN task: a job type without
 * a worker would leave an instance waiting forever; a worker without a task is dead code or a typo.
 * Task-listener jobs are the gateway's (it keeps the task inbox); the gateway checks its own.
 */
class JobWorkerCoverageTest {

  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  private static final Set<String> serviceJobTypes = new TreeSet<>();
  private static final Set<String> listenerJobTypes = new TreeSet<>();
  private static final Set<String> workerJobTypes = new TreeSet<>();

  @BeforeAll
  static void readModelsAndWorkers() throws Exception {
    for (ProcessId process : ProcessId.values()) {
      Document model = parse(process.resource());
      collect(model.getElementsByTagNameNS(ZEEBE, "taskDefinition"), serviceJobTypes);
      collect(model.getElementsByTagNameNS(ZEEBE, "taskListener"), listenerJobTypes);
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    for (BeanDefinition bean : scanner.findCandidateComponents("nl.knooppunt.workers")) {
      for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          assertThat(workerJobTypes.add(worker.type()))
              .as("only one worker for %s", worker.type())
              .isTrue();
        }
      }
    }
  }

  @Test
  void everyJobTypeInTheModelsHasAWorkerAndEveryWorkerATask() {
    assertThat(workerJobTypes).isNotEmpty().isEqualTo(serviceJobTypes);
  }

  @Test
  void everyJobTypeInTheModelsIsInTheCatalogueAndNoOther() {
    assertThat(serviceJobTypes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(JobType.values()).map(JobType::type).toList());
  }

  @Test
  void taskListenerJobsAreLeftToTheGateway() {
    assertThat(listenerJobTypes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TaskListenerJobType.values()).map(TaskListenerJobType::type).toList());
    assertThat(workerJobTypes).doesNotContainAnyElementsOf(listenerJobTypes);
  }

  private static Document parse(String resource) throws Exception {
    try (InputStream in =
        JobWorkerCoverageTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("model %s on the classpath", resource).isNotNull();
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static void collect(NodeList elements, Set<String> into) {
    for (int i = 0; i < elements.getLength(); i++) {
      into.add(((Element) elements.item(i)).getAttribute("type"));
    }
  }
}
