package nl.knooppunt.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.feel.FeelException;
import nl.knooppunt.engine.model.Element;
import nl.knooppunt.engine.model.ElementKind;
import nl.knooppunt.engine.runtime.state.BufferedMessage;
import nl.knooppunt.engine.runtime.state.DeployedProcess;
import nl.knooppunt.engine.runtime.state.ElementInstance;
import nl.knooppunt.engine.runtime.state.MessageSubscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventScopes} and {@link Trigger} on their own: which triggers a scope waits for, how they
 * open and close, and which boundary catches a thrown error. Instances are put into the state by
 * hand; nothing is executed.
 */
class EventScopesTest {

  private static final long T0 = Instant.parse("2030-01-01T08:00:00Z").toEpochMilli();

  private EngineContext ctx;
  private VariableScopes vars;
  private ElementInstances instances;
  private EventScopes scopes;
  private Deployer deployer;

  @BeforeEach
  void setUp() {
    ctx = new EngineContext(new EngineState());
    ctx.setNow(T0);
    vars = new VariableScopes(ctx);
    instances = new ElementInstances(ctx);
    Timers timers = new Timers(ctx, vars);
    scopes = new EventScopes(ctx, vars, timers);
    deployer = new Deployer(ctx, timers, new StartEvents(ctx));
  }

  private DeployedProcess deploy(BpmnModelInstance model) {
    byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    String id =
        model
            .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .iterator()
            .next()
            .getId();
    return deployer
        .deploy(new Command.Deploy(List.of(new Command.Resource(id + ".bpmn", xml))))
        .processes()
        .get(0);
  }

  private ElementInstance child(ElementInstance scope, String elementId) {
    return instances.newChild(scope, ctx.model(scope.processDefinitionKey).element(elementId));
  }

  private Element element(ElementInstance inst) {
    return ctx.element(inst);
  }

  // ---- error catching -------------------------------------------------------------------------

  private ElementInstance subProcess;
  private ElementInstance task1;
  private ElementInstance task2;

  private void nestedErrorBoundaries() {
    DeployedProcess p =
        deploy(
            Bpmn.createExecutableProcess("errors")
                .startEvent()
                .subProcess("sp")
                .embeddedSubProcess()
                .startEvent()
                .serviceTask("task1", t -> t.zeebeJobType("t1"))
                .serviceTask("task2", t -> t.zeebeJobType("t2"))
                .endEvent()
                .subProcessDone()
                .endEvent()
                .moveToActivity("sp")
                .boundaryEvent("spAll", b -> b.error())
                .endEvent()
                .moveToActivity("sp")
                .boundaryEvent("spE2", b -> b.error("E2"))
                .endEvent()
                .moveToActivity("task1")
                .boundaryEvent("t1E1", b -> b.error("E1"))
                .endEvent()
                .moveToActivity("task2")
                .boundaryEvent("t2All", b -> b.error())
                .endEvent()
                .done());
    ElementInstance root = instances.newProcessInstance(p, null);
    subProcess = child(root, "sp");
    task1 = child(subProcess, "task1");
    task2 = child(subProcess, "task2");
  }

  @Test
  void anErrorIsCaughtByTheNearestActivityThatHasABoundaryForIt() {
    nestedErrorBoundaries();
    assertThat(scopes.findErrorCatch(task1, "E1"))
        .isEqualTo(new EventScopes.ErrorCatch(task1, "t1E1"));
    assertThat(scopes.findErrorCatch(task1, "E2"))
        .as("the sub-process catches what the task does not")
        .isEqualTo(new EventScopes.ErrorCatch(subProcess, "spE2"));
  }

  @Test
  void withinOneScopeTheErrorCodeWinsOverACatchAllEvenWhenItComesLater() {
    nestedErrorBoundaries();
    assertThat(scopes.findErrorCatch(subProcess, "E2"))
        .isEqualTo(new EventScopes.ErrorCatch(subProcess, "spE2"));
    assertThat(scopes.findErrorCatch(task1, "UNKNOWN"))
        .isEqualTo(new EventScopes.ErrorCatch(subProcess, "spAll"));
  }

  @Test
  void anInnerCatchAllWinsOverAnOuterBoundaryWithTheCode() {
    nestedErrorBoundaries();
    assertThat(scopes.findErrorCatch(task2, "E2"))
        .isEqualTo(new EventScopes.ErrorCatch(task2, "t2All"));
  }

  @Test
  void theSearchGoesOnInTheCallingProcessAndMayFindNothing() {
    DeployedProcess caller =
        deploy(
            Bpmn.createExecutableProcess("caller")
                .startEvent()
                .callActivity("call", c -> c.zeebeProcessId("callee"))
                .endEvent()
                .moveToActivity("call")
                .boundaryEvent("callE3", b -> b.error("E3"))
                .endEvent()
                .done());
    DeployedProcess callee =
        deploy(
            Bpmn.createExecutableProcess("callee")
                .startEvent()
                .serviceTask("inner", t -> t.zeebeJobType("inner"))
                .endEvent()
                .done());
    ElementInstance call = child(instances.newProcessInstance(caller, null), "call");
    ElementInstance inner = child(instances.newProcessInstance(callee, call), "inner");

    assertThat(scopes.findErrorCatch(inner, "E3"))
        .isEqualTo(new EventScopes.ErrorCatch(call, "callE3"));
    assertThat(scopes.findErrorCatch(inner, "E4")).isNull();
  }

  @Test
  void theBoundaryOfAMultiInstanceActivityBelongsToItsBody() {
    DeployedProcess p =
        deploy(
            Bpmn.createExecutableProcess("mi")
                .startEvent()
                .serviceTask(
                    "each",
                    t ->
                        t.zeebeJobType("each")
                            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("xs")))
                .endEvent()
                .moveToActivity("each")
                .boundaryEvent("eachE5", b -> b.error("E5"))
                .endEvent()
                .done());
    ElementInstance body = child(instances.newProcessInstance(p, null), "each");
    body.kind = ElementKind.MULTI_INSTANCE_BODY;
    ElementInstance inner = child(body, "each");
    inner.miIndex = 0;

    assertThat(scopes.findErrorCatch(inner, "E5"))
        .isEqualTo(new EventScopes.ErrorCatch(body, "eachE5"));
    assertThat(scopes.boundaryTriggers(inner, element(inner))).isEmpty();
  }

  @Test
  void anErrorTriggerCatchesItsCodeOrEverythingWithoutOne() {
    Trigger.Error coded = new Trigger.Error("a", "E1");
    Trigger.Error all = new Trigger.Error("b", null);
    Trigger.Error blank = new Trigger.Error("c", " ");
    assertThat(all.catchesAll()).isTrue();
    assertThat(blank.catchesAll()).isTrue();
    assertThat(Trigger.Error.catching(List.of(all, coded), "E1")).isEqualTo(coded);
    assertThat(Trigger.Error.catching(List.of(all, blank, coded), "E9")).isEqualTo(all);
    assertThat(Trigger.Error.catching(List.of(coded), "E9")).isNull();
    assertThat(Trigger.Error.catching(List.of(coded), null)).isNull();
  }

  // ---- triggers, opening and closing -----------------------------------------------------------

  private ElementInstance work;

  private void taskWithBoundaries() {
    DeployedProcess p =
        deploy(
            Bpmn.createExecutableProcess("waits")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType("work"))
                .endEvent()
                .moveToActivity("work")
                .boundaryEvent("late", b -> b.timerWithDuration("PT5M"))
                .endEvent()
                .moveToActivity("work")
                .boundaryEvent("msg")
                .message(m -> m.name("=\"order-\" + kind").zeebeCorrelationKeyExpression("id"))
                .endEvent()
                .moveToActivity("work")
                .boundaryEvent("sig", b -> b.cancelActivity(false).signal("stop"))
                .endEvent()
                .moveToActivity("work")
                .boundaryEvent("err", b -> b.error("E1"))
                .endEvent()
                .done());
    ElementInstance root = instances.newProcessInstance(p, null);
    vars.setLocal(root, "kind", "paid");
    vars.setLocal(root, "id", 42L);
    work = child(root, "work");
  }

  @Test
  void theBoundaryTriggersOfAnActivityAreEvaluatedInModelOrderWithoutErrors() {
    taskWithBoundaries();
    assertThat(scopes.boundaryTriggers(work, element(work)))
        .containsExactly(
            Trigger.Timer.once("late", T0 + Duration.ofMinutes(5).toMillis()),
            new Trigger.Message("msg", "order-paid", "42", true),
            new Trigger.Signal("sig", "stop", false));
  }

  @Test
  void aCorrelationKeyMustBeAStringOrANumber() {
    taskWithBoundaries();
    vars.setLocal(instances.parent(work), "id", true);
    assertThatThrownBy(() -> scopes.boundaryTriggers(work, element(work)))
        .isInstanceOf(FeelException.class)
        .hasMessageContaining("correlation key for '=id'")
        .hasMessageContaining("must be either a string or a number");
  }

  @Test
  void aCycleTriggerCarriesItsRepetitionsAndInterval() {
    DeployedProcess p =
        deploy(
            Bpmn.createExecutableProcess("cycle")
                .startEvent()
                .serviceTask("work", t -> t.zeebeJobType("work"))
                .endEvent()
                .moveToActivity("work")
                .boundaryEvent("tick", b -> b.cancelActivity(false).timerWithCycle("R3/PT10M"))
                .endEvent()
                .done());
    ElementInstance host = child(instances.newProcessInstance(p, null), "work");
    assertThat(scopes.boundaryTriggers(host, element(host)))
        .containsExactly(
            new Trigger.Timer("tick", T0 + Duration.ofMinutes(10).toMillis(), 3, "PT10M"));
  }

  @Test
  void theTargetsOfAnEventBasedGatewayAreItsTriggers() {
    DeployedProcess p =
        deploy(
            Bpmn.createExecutableProcess("gw")
                .startEvent()
                .eventBasedGateway("g")
                .intermediateCatchEvent(
                    "answer", e -> e.message(m -> m.name("answer").zeebeCorrelationKey("=\"k\"")))
                .endEvent()
                .moveToLastGateway()
                .intermediateCatchEvent("deadline", e -> e.timerWithDate("2031-01-01T00:00:00Z"))
                .endEvent()
                .moveToLastGateway()
                .intermediateCatchEvent("abort", e -> e.signal("abort"))
                .endEvent()
                .done());
    ElementInstance g = child(instances.newProcessInstance(p, null), "g");
    assertThat(scopes.gatewayTriggers(g, element(g)))
        .containsExactly(
            new Trigger.Message("answer", "answer", "k", true),
            Trigger.Timer.once("deadline", Instant.parse("2031-01-01T00:00:00Z").toEpochMilli()),
            new Trigger.Signal("abort", "abort", true));
  }

  @Test
  void triggersOpenAsTimersThenSignalsThenMessagesAndCloseTogether() {
    taskWithBoundaries();
    List<Trigger> triggers = scopes.boundaryTriggers(work, element(work));
    ctx.drainRecords();

    List<Long> messages = scopes.open(work, triggers);

    assertThat(kinds(ctx.drainRecords()))
        .containsExactly(
            "TIMER.CREATED", "SIGNAL_SUBSCRIPTION.CREATED", "PROCESS_MESSAGE_SUBSCRIPTION.CREATED");
    assertThat(work.timerKeys).hasSize(1);
    assertThat(work.subscriptionKeys).hasSize(2);
    assertThat(messages).containsExactly(work.subscriptionKeys.get(1));
    MessageSubscription message = ctx.state().subscriptions.get(messages.get(0));
    assertThat(message.messageName).isEqualTo("order-paid");
    assertThat(message.correlationKey).isEqualTo("42");
    MessageSubscription signal = ctx.state().subscriptions.get(work.subscriptionKeys.get(0));
    assertThat(signal.signal).isTrue();
    assertThat(signal.interrupting).isFalse();
    assertThat(ctx.state().timers.get(work.timerKeys.get(0)).elementInstanceKey)
        .isEqualTo(work.key);

    scopes.close(work);

    assertThat(kinds(ctx.drainRecords()))
        .containsExactly(
            "TIMER.CANCELED",
            "SIGNAL_SUBSCRIPTION.DELETED",
            "PROCESS_MESSAGE_SUBSCRIPTION.DELETED");
    assertThat(ctx.state().timers).isEmpty();
    assertThat(ctx.state().subscriptions).isEmpty();
    assertThat(work.timerKeys).isEmpty();
    assertThat(work.subscriptionKeys).isEmpty();
  }

  @Test
  void aMessageReachesOnlyAnActiveScopeAndOnlyOnceAProcess() {
    taskWithBoundaries();
    List<Long> subs = scopes.open(work, scopes.boundaryTriggers(work, element(work)));
    MessageSubscription sub = ctx.state().subscriptions.get(subs.get(0));
    BufferedMessage m = new BufferedMessage();
    m.key = ctx.newKey();
    m.name = "order-paid";
    m.correlationKey = "42";
    m.deadline = T0 + 60_000;
    m.variables = Map.of("paid", true);

    assertThat(scopes.correlate(m, sub))
        .as("the activity is not activated yet (boundary events open before it is)")
        .isNull();

    instances.markActivated(work);
    EventScopes.Correlation c = scopes.correlate(m, sub);
    assertThat(c).isEqualTo(new EventScopes.Correlation(work, "msg", Map.of("paid", true)));
    assertThat(ctx.state().subscriptions)
        .as("an interrupting subscription closes")
        .doesNotContainKey(sub.key);
    assertThat(scopes.correlate(m, sub)).as("once per process").isNull();
  }

  private static List<String> kinds(List<EngineRecord> records) {
    List<String> out = new ArrayList<>();
    for (EngineRecord r : records) {
      if (!r.valueType().equals("VARIABLE")) {
        out.add(r.valueType() + "." + r.intent());
      }
    }
    return out;
  }
}
