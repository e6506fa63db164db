package nl.knooppunt.engine.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.knooppunt.engine.EngineException;
import nl.knooppunt.engine.Limits;

/** Parses and writes variable documents (a JSON object), enforcing the size limit. */
public final class VariableDocuments {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private VariableDocuments() {}

  /** Parses a document; empty means no variables. Not an object → INVALID_ARGUMENT. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json, String property) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > Limits.MAX_VARIABLES_BYTES) {
      throw EngineException.invalidArgument(
          "Property '"
              + property
              + "' is too large: "
              + bytes
              + " bytes exceed the embedded engine's limit of "
              + Limits.MAX_VARIABLES_BYTES
              + " bytes per variables document");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw EngineException.invalidArgument(
          "Property '"
              + property
              + "' is invalid: Expected document to be valid JSON, but it was not: "
              + e.getOriginalMessage());
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new LinkedHashMap<>();
    }
    if (!node.isObject()) {
      throw EngineException.invalidArgument(
          "Property '"
              + property
              + "' is invalid: Expected document to be a root level object, but was '"
              + node.getNodeType()
              + "'");
    }
    return MAPPER.convertValue(node, LinkedHashMap.class);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
