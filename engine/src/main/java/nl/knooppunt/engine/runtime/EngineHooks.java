package nl.knooppunt.engine.runtime;

import java.util.Map;
import nl.knooppunt.engine.EngineException;

/** Callbacks from the state machine to the loop that owns client requests (not durable). */
public interface EngineHooks {

  /** A process instance ended; {@code variables} are its root variables when completed. */
  void processInstanceEnded(long processInstanceKey, boolean completed, Map<String, Object> vars);

  /** A deferred request (user-task transition) finished; {@code error} null on success. */
  void requestFinished(long requestId, EngineException error);

  EngineHooks NONE =
      new EngineHooks() {
        @Override
        public void processInstanceEnded(long key, boolean completed, Map<String, Object> vars) {}

        @Override
        public void requestFinished(long requestId, EngineException error) {}
      };
}
