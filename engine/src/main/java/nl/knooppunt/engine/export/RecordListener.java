package nl.knooppunt.engine.export;

/**
 * In-process exporter: observes every record in order. Called on the engine thread after the
 * records' state change is on disk; keep it fast and never call back into the engine synchronously.
 */
@FunctionalInterface
public interface RecordListener {
  void onRecord(EngineRecord record);
}
