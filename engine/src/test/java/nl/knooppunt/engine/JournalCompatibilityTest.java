package nl.knooppunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import nl.knooppunt.engine.export.EngineRecord;
import nl.knooppunt.engine.journal.Journal;
import nl.knooppunt.engine.journal.Json;
import nl.knooppunt.engine.journal.SnapshotStore;
import nl.knooppunt.engine.runtime.Engine;
import nl.knooppunt.engine.runtime.EngineState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal, the snapshot and the exported records written by the engine <em>before</em> its
 * insides were rearranged (commit 4504bac, {@code src/test/resources/compat/before-engine-insides})
 * must still be readable, and replaying the journal must give exactly the same state and the same
 * records, in the same order, with the same keys and positions. The workload behind it (through the
 * Camunda client, pinned clock): an event-based gateway left by a buffered message, a message, a
 * signal and a timer; boundary events on a service task (timer cycle, message, signal, error caught
 * and uncaught, then resolved); an error end event in a called process caught by a catch-all
 * boundary of the call activity; a receive task, signal and timer catch events; a user task with a
 * linked form, creating/assigning/completing listeners and a non-interrupting timer; a sequential
 * multi-instance stopped by a message on its body; a sub-process ended by a timer; an input-mapping
 * incident, a job without retries, a retry back-off, a job time-out; a message start event whose
 * job went to a waiting long-polling request, and a job pushed to a job stream.
 *
 * <p>If a later change alters behaviour on purpose, this test names the first record that differs;
 * replace the fixture then (and say so in the commit).
 */
class JournalCompatibilityTest {

  private static final String FIXTURE = "/compat/before-engine-insides/";
  private static final ObjectMapper RECORDS = new ObjectMapper();

  @TempDir static Path directory;

  @BeforeAll
  static void copyFixture() throws IOException {
    for (String name : List.of("journal-000000000001.log", "snapshot-000000000002.json.gz")) {
      try (InputStream in = resource(name)) {
        Files.copy(in, directory.resolve(name));
      }
    }
  }

  @Test
  void theOldJournalReplaysToTheOldSnapshotWithTheSameRecords() throws IOException {
    Engine engine = new Engine(new EngineState());
    engine.replaceState(engine.state());
    List<String> records = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    long entries =
        new Journal(directory, Json.commandMapper())
            .replay(
                0,
                entry -> {
                  engine.setNow(entry.time());
                  try {
                    engine.process(entry.command());
                  } catch (RuntimeException e) {
                    rejected.add(entry.command() + ": " + e.getMessage());
                  }
                  for (EngineRecord r : engine.drainRecords()) {
                    records.add(json(r));
                  }
                });

    assertThat(entries).isEqualTo(76);
    assertThat(rejected).isEmpty();
    List<String> expected = expectedRecords();
    for (int i = 0; i < Math.min(records.size(), expected.size()); i++) {
      assertThat(records.get(i)).as("record %d", i).isEqualTo(expected.get(i));
    }
    assertThat(records).hasSameSizeAs(expected);

    ObjectMapper state = Json.stateMapper();
    SnapshotStore.Loaded written = new SnapshotStore(directory, state).loadLatest();
    assertThat(written.fromSegment()).as("the snapshot was read, not skipped").isEqualTo(2);
    assertThat(engine.state().instances).isNotEmpty();
    assertThat(state.writeValueAsString(engine.state()))
        .isEqualTo(state.writeValueAsString(written.state()));
  }

  @Test
  void theOldSnapshotLoadsWithoutLosingAField() throws IOException {
    ObjectMapper state = Json.stateMapper();
    String raw;
    try (InputStream in = new GZIPInputStream(resource("snapshot-000000000002.json.gz"))) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SnapshotStore.Loaded loaded = new SnapshotStore(directory, state).loadLatest();
    assertThat(loaded.fromSegment()).isEqualTo(2);
    // written again, the state is the same text: no field was dropped, renamed or added
    assertThat(state.writeValueAsString(loaded.state())).isEqualTo(raw);
  }

  private static List<String> expectedRecords() throws IOException {
    try (InputStream in = new GZIPInputStream(resource("records.jsonl.gz"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static String json(EngineRecord r) {
    try {
      return RECORDS.writeValueAsString(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = JournalCompatibilityTest.class.getResourceAsStream(FIXTURE + name);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + FIXTURE + name);
    }
    return in;
  }
}
