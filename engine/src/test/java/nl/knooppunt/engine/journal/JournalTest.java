package nl.knooppunt.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.engine.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir Path dir;

  @Test
  void entriesSurviveAndATornTailIsIgnored() throws IOException {
    Journal journal = new Journal(dir, Json.commandMapper());
    journal.openNewSegment();
    journal.append(
        new JournalEntry(1, new Command.PublishMessage("m", "k", 10, "", Map.of("a", 1))));
    journal.append(new JournalEntry(2, new Command.CancelInstance(7)));
    journal.flush();
    journal.close();
    Path segment = dir.resolve(String.format("journal-%012d.log", 1));
    // a crash in the middle of the next write
    Files.write(segment, new byte[] {0, 0, 0, 50, 1, 2}, StandardOpenOption.APPEND);

    List<JournalEntry> read = new ArrayList<>();
    new Journal(dir, Json.commandMapper()).replay(0, read::add);
    assertThat(read).hasSize(2);
    assertThat(read.get(0).command()).isInstanceOf(Command.PublishMessage.class);
    assertThat(((Command.CancelInstance) read.get(1).command()).processInstanceKey()).isEqualTo(7);
    assertThat(read.get(1).time()).isEqualTo(2);
  }

  @Test
  void snapshotThenRolloverDropsOldSegments() {
    Journal journal = new Journal(dir, Json.commandMapper());
    journal.openNewSegment();
    journal.append(new JournalEntry(1, new Command.ResetClock()));
    long next = journal.rollover();
    new SnapshotStore(dir, Json.stateMapper())
        .write(new nl.knooppunt.engine.runtime.EngineState(), next);
    journal.deleteSegmentsBefore(next);
    journal.close();
    assertThat(Journal.segments(dir)).containsExactly(next);
    assertThat(new SnapshotStore(dir, Json.stateMapper()).loadLatest().fromSegment())
        .isEqualTo(next);
  }
}
