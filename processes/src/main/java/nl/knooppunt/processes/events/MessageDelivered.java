package nl.knooppunt.processes.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link EventType#BERICHT_GEMELD}: a person delivered a message to a running process (lowering
 * proposed, extension requested, arrest reported, manhunt or deployment ended). Produced by the
 * gateway. Id {@code bericht:<uuid>}.
 *
 * @param message the Camunda message name ({@link nl.knooppunt.processes.MessageName})
 * @param correlationKey its correlation key
 * @param variables the variables it carried (all text: who, why, until when)
 */
public record MessageDelivered(String message, String correlationKey, Map<String, String> variables)
    implements EventPayload {

  public MessageDelivered {
    Required.text(message, "message");
    variables =
        variables == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
