package nl.knooppunt.engine.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.knooppunt.engine.runtime.EngineState;

/**
 * Snapshots {@code snapshot-<segment>.json.gz}: the whole engine state, valid together with the
 * journal segments numbered {@code >= segment}. Written to a temporary file, fsynced, then
 * atomically renamed; older snapshots and the segments they cover are deleted afterwards.
 */
public final class SnapshotStore {

  /** A loaded snapshot: state plus the first journal segment to replay after it. */
  public record Loaded(EngineState state, long fromSegment) {}

  private final Path directory;
  private final ObjectMapper mapper;

  public SnapshotStore(Path directory, ObjectMapper mapper) {
    this.directory = directory;
    this.mapper = mapper;
  }

  private List<Long> snapshots() {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("snapshot-") && n.endsWith(".json.gz"))
          .map(n -> Long.parseLong(n.substring(9, n.length() - 8)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path path(long segment) {
    return directory.resolve(String.format("snapshot-%012d.json.gz", segment));
  }

  public Loaded loadLatest() {
    List<Long> all = snapshots();
    for (int i = all.size() - 1; i >= 0; i--) {
      long segment = all.get(i);
      try (var in = new GZIPInputStream(Files.newInputStream(path(segment)))) {
        EngineState state = mapper.readValue(in, EngineState.class);
        return new Loaded(state, segment);
      } catch (IOException e) {
        // a damaged snapshot: fall back to an older one
      }
    }
    return new Loaded(new EngineState(), 0);
  }

  /** Writes the state as valid from journal segment {@code segment} on, then prunes. */
  public void write(EngineState state, long segment) {
    Path tmp = directory.resolve("snapshot.tmp");
    try {
      try (OutputStream out =
          new GZIPOutputStream(
              Files.newOutputStream(
                  tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
              1 << 16)) {
        mapper.writeValue(out, state);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, path(segment), StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // best effort
      }
      for (long old : snapshots()) {
        if (old < segment) {
          Files.deleteIfExists(path(old));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
