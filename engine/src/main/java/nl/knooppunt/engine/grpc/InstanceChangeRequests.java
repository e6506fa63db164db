package nl.knooppunt.engine.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceRequest;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.engine.command.Command;

/**
 * {@code ModifyProcessInstance} and {@code MigrateProcessInstance} requests as engine commands
 * (variable documents are parsed here, on the gRPC thread; a bad one is {@code INVALID_ARGUMENT}).
 */
final class InstanceChangeRequests {

  private InstanceChangeRequests() {}

  static Command.ModifyInstance modify(ModifyProcessInstanceRequest r) {
    List<Command.ActivateInstruction> activate = new ArrayList<>();
    for (ModifyProcessInstanceRequest.ActivateInstruction a : r.getActivateInstructionsList()) {
      List<Command.VariableInstruction> variables = new ArrayList<>();
      for (ModifyProcessInstanceRequest.VariableInstruction v : a.getVariableInstructionsList()) {
        variables.add(
            new Command.VariableInstruction(
                v.getScopeId(), VariableDocuments.parse(v.getVariables(), "variables")));
      }
      activate.add(
          new Command.ActivateInstruction(
              a.getElementId(), a.getAncestorElementInstanceKey(), variables));
    }
    List<Long> terminate = new ArrayList<>();
    for (ModifyProcessInstanceRequest.TerminateInstruction t : r.getTerminateInstructionsList()) {
      terminate.add(t.getElementInstanceKey());
    }
    return new Command.ModifyInstance(r.getProcessInstanceKey(), activate, terminate);
  }

  static Command.MigrateInstance migrate(MigrateProcessInstanceRequest r) {
    List<Command.MappingInstruction> mappings = new ArrayList<>();
    for (MigrateProcessInstanceRequest.MappingInstruction m :
        r.getMigrationPlan().getMappingInstructionsList()) {
      mappings.add(new Command.MappingInstruction(m.getSourceElementId(), m.getTargetElementId()));
    }
    return new Command.MigrateInstance(
        r.getProcessInstanceKey(), r.getMigrationPlan().getTargetProcessDefinitionKey(), mappings);
  }
}
