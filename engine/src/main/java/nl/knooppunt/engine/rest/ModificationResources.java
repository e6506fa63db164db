package nl.knooppunt.engine.rest;

import static nl.knooppunt.engine.rest.RestServer.body;
import static nl.knooppunt.engine.rest.RestServer.noContent;
import static nl.knooppunt.engine.rest.RestServer.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.command.Command;
import nl.knooppunt.engine.runtime.EngineLoop;

/**
 * The Orchestration Cluster REST API v2 for resource deletion, process instance modification and
 * migration, as the Camunda 8.8 client sends them: {@code POST /v2/resources/{key}/deletion},
 * {@code POST /v2/process-instances/{key}/modification} and {@code .../migration}. The same engine
 * commands as over gRPC ({@code runtime/ResourceDeletion}, {@code Modification}, {@code
 * Migration}); answered with 204 once durable, errors as {@code application/problem+json} with
 * Camunda's titles ({@code INVALID_ARGUMENT}, {@code NOT_FOUND}, ...).
 */
public final class ModificationResources {

  private static final Pattern DELETION = Pattern.compile("^/v2/resources/([^/]+)/deletion/?$");
  private static final Pattern INSTANCE_CHANGE =
      Pattern.compile("^/v2/process-instances/([^/]+)/(modification|migration)/?$");

  private ModificationResources() {}

  /** Answers the request when it is one of these resources; false leaves it to the caller. */
  public static boolean handle(HttpExchange ex, EngineLoop loop) {
    String path = ex.getRequestURI().getPath();
    Matcher deletion = DELETION.matcher(path);
    Matcher change = INSTANCE_CHANGE.matcher(path);
    if (!deletion.matches() && !change.matches()) {
      return false;
    }
    try {
      if (!"POST".equals(ex.getRequestMethod())) {
        problem(
            ex,
            405,
            "Method Not Allowed",
            ex.getRequestMethod() + " " + path + " is not supported; use POST");
        return true;
      }
      JsonNode body = body(ex);
      Command command;
      if (deletion.matches()) {
        command = new Command.DeleteResource(key("resource", deletion.group(1)));
      } else if ("modification".equals(change.group(2))) {
        command = modification(key("process instance", change.group(1)), body);
      } else {
        command = migration(key("process instance", change.group(1)), body);
      }
      loop.submit(
          command,
          (result, error) -> {
            if (error != null) {
              problem(ex, error);
            } else {
              noContent(ex);
            }
          });
    } catch (EngineException e) {
      problem(ex, e);
    } catch (IOException | RuntimeException e) {
      problem(ex, 500, "INTERNAL", String.valueOf(e.getMessage()));
    }
    return true;
  }

  // ---- requests -------------------------------------------------------------------------------

  private static Command.ModifyInstance modification(long processInstanceKey, JsonNode body) {
    List<Command.ActivateInstruction> activate = new ArrayList<>();
    for (JsonNode a : array(body, "activateInstructions")) {
      String elementId = text(a, "elementId");
      if (elementId == null || elementId.isEmpty()) {
        throw EngineException.invalidArgument("No elementId provided in an activate instruction");
      }
      List<Command.VariableInstruction> variables = new ArrayList<>();
      for (JsonNode v : array(a, "variableInstructions")) {
        String scopeId = text(v, "scopeId");
        variables.add(
            new Command.VariableInstruction(
                scopeId == null ? "" : scopeId, RestServer.objectField(v, "variables")));
      }
      activate.add(
          new Command.ActivateInstruction(
              elementId, optionalKey(a, "ancestorElementInstanceKey"), variables));
    }
    List<Long> terminate = new ArrayList<>();
    for (JsonNode t : array(body, "terminateInstructions")) {
      long key = optionalKey(t, "elementInstanceKey");
      if (key <= 0) {
        throw EngineException.invalidArgument(
            "No elementInstanceKey provided in a terminate instruction");
      }
      terminate.add(key);
    }
    return new Command.ModifyInstance(processInstanceKey, activate, terminate);
  }

  private static Command.MigrateInstance migration(long processInstanceKey, JsonNode body) {
    long target = optionalKey(body, "targetProcessDefinitionKey");
    if (target <= 0) {
      throw EngineException.invalidArgument("No targetProcessDefinitionKey provided");
    }
    List<Command.MappingInstruction> mappings = new ArrayList<>();
    for (JsonNode m : array(body, "mappingInstructions")) {
      String source = text(m, "sourceElementId");
      String targetId = text(m, "targetElementId");
      if (source == null || source.isEmpty() || targetId == null || targetId.isEmpty()) {
        throw EngineException.invalidArgument(
            "A mapping instruction needs a sourceElementId and a targetElementId");
      }
      mappings.add(new Command.MappingInstruction(source, targetId));
    }
    if (mappings.isEmpty()) {
      throw EngineException.invalidArgument("No mappingInstructions provided");
    }
    return new Command.MigrateInstance(processInstanceKey, target, mappings);
  }

  private static long key(String what, String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument("The " + what + " key '" + s + "' is not a number");
    }
  }

  /** A key given as a string (8.8) or a number; absent, empty or negative is -1. */
  private static long optionalKey(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull() || n.asText().isEmpty()) {
      return -1;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    try {
      return Long.parseLong(n.asText());
    } catch (NumberFormatException e) {
      throw EngineException.invalidArgument(
          "Property '" + field + "' is invalid: '" + n.asText() + "' is not a key");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<JsonNode> array(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw EngineException.invalidArgument(
          "Property '" + field + "' is invalid: expected an array, but was " + n.getNodeType());
    }
    List<JsonNode> out = new ArrayList<>();
    n.forEach(out::add);
    return out;
  }

  // responses: RestServer.noContent and RestServer.problem (problem+json with Camunda's titles)
}
