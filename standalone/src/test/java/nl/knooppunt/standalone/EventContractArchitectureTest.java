package nl.knooppunt.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.EventPayload;
import nl.knooppunt.processes.events.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Producers and consumers use the catalogue's records: what goes to Kafka is a {@code CloudEvent}
 * whose data is the record of its type, written by {@link CloudEventJson} in one publisher per app
 * (the workers' KafkaPublisher, the gateway's outbox), so no map of event data can be sent; and the
 * records themselves carry typed fields, not maps, except the two that hold a process' own data.
 */
class EventContractArchitectureTest {

  private static JavaClasses mainCode;

  @BeforeAll
  static void importMainCode() {
    mainCode =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.knooppunt.workers", "nl.knooppunt.gateway");
  }

  @Test
  void onlyTheOnePublisherOfEachAppSendsToKafka() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("nl.knooppunt.workers.kafka.KafkaPublisher")
        .and()
        .doNotHaveFullyQualifiedName("nl.knooppunt.gateway.events.Outbox")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "KafkaTemplate.send",
                call ->
                    call.getTarget().getOwner().isAssignableTo(KafkaTemplate.class)
                        && call.getTarget().getName().equals("send")))
        .because("every record on a topic is a CloudEvent of the contract (docs/adr/0016)")
        .check(mainCode);
  }

  @Test
  void onlyThePublishersWriteEventsAsJson() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("nl.knooppunt.workers.kafka.KafkaPublisher")
        .and()
        .doNotHaveFullyQualifiedName("nl.knooppunt.gateway.events.OutboundRecord")
        .should()
        .callMethod(CloudEventJson.class, "write", nl.knooppunt.processes.events.CloudEvent.class)
        .check(mainCode);
  }

  @Test
  void eventRecordsCarryTypedFieldsNotMapsOfAnything() {
    List<String> untyped = new ArrayList<>();
    for (EventType type : EventType.values()) {
      for (RecordComponent c : type.payload().getRecordComponents()) {
        if (isMapOfObjects(c.getGenericType()) || c.getType() == Object.class) {
          untyped.add(type.payload().getSimpleName() + "." + c.getName());
        }
      }
    }
    assertThat(untyped)
        .as("only the task's process variables and the completed form are the process' own data")
        .containsExactlyInAnyOrder("TaskCreated.variables", "TaskCompletedByUser.form");
    assertThat(Arrays.stream(EventPayload.class.getPermittedSubclasses()).allMatch(Class::isRecord))
        .isTrue();
  }

  private static boolean isMapOfObjects(Type type) {
    return type instanceof ParameterizedType p
        && p.getRawType() == Map.class
        && p.getActualTypeArguments()[1] == Object.class;
  }
}
