package nl.knooppunt.engine.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The append-only journal: segment files {@code journal-<n>.log} of entries {@code [length:int]
 * [crc32c:int][json bytes]}. Entries are buffered by {@link #append} and made durable by {@link
 * #flush} (one write + one fsync for a whole batch: group commit). Reading stops at the first torn
 * or corrupt entry of a segment (a crash during a write that was never acknowledged).
 */
public final class Journal implements AutoCloseable {

  private final Path directory;
  private final ObjectMapper mapper;
  private final JournalStorage storage;
  private FileChannel channel;
  private long segment;
  private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
  private int pendingEntries;
  private long entriesInSegment;

  /** Whether {@link #pending} holds a batch being written (read mode) after a failed write. */
  private boolean writing;

  public Journal(Path directory, ObjectMapper mapper) {
    this(directory, mapper, JournalStorage.FILES);
  }

  public Journal(Path directory, ObjectMapper mapper, JournalStorage storage) {
    this.directory = directory;
    this.mapper = mapper;
    this.storage = storage;
  }

  public static List<Long> segments(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("journal-") && n.endsWith(".log"))
          .map(n -> Long.parseLong(n.substring(8, n.length() - 4)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path segmentPath(long n) {
    return directory.resolve(String.format("journal-%012d.log", n));
  }

  /** Reads every valid entry of the segments numbered {@code >= fromSegment}, in order. */
  public long replay(long fromSegment, Consumer<JournalEntry> consumer) {
    long count = 0;
    for (long n : segments(directory)) {
      if (n < fromSegment) {
        continue;
      }
      try {
        byte[] data = Files.readAllBytes(segmentPath(n));
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.remaining() >= 8) {
          int length = buf.getInt();
          int crc = buf.getInt();
          if (length <= 0 || length > buf.remaining()) {
            break;
          }
          byte[] body = new byte[length];
          buf.get(body);
          CRC32C c = new CRC32C();
          c.update(body);
          if ((int) c.getValue() != crc) {
            break;
          }
          consumer.accept(mapper.readValue(body, JournalEntry.class));
          count++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }

  /** Starts writing a new segment after the highest existing one. */
  public long openNewSegment() {
    List<Long> existing = segments(directory);
    long next = existing.isEmpty() ? 1 : existing.get(existing.size() - 1) + 1;
    openSegment(next);
    return next;
  }

  /**
   * Opens segment {@code n}; the current one is closed only once the new one is open, so a segment
   * that cannot be created (a full disk) leaves the journal writing where it was.
   */
  private void openSegment(long n) {
    FileChannel next;
    try {
      next = storage.create(segmentPath(n));
    } catch (IOException e) {
      throw new JournalWriteException("could not create " + segmentPath(n), e);
    }
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // the old segment's entries were forced to disk before; closing it changes nothing
    }
    channel = next;
    segment = n;
    entriesInSegment = 0;
    fsyncDirectory();
  }

  public long segment() {
    return segment;
  }

  public long entriesInSegment() {
    return entriesInSegment;
  }

  /** Buffers an entry; it is durable after the next {@link #flush()}. */
  public void append(JournalEntry entry) {
    if (writing) {
      throw new IllegalStateException("the journal's last batch is not written yet");
    }
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CRC32C c = new CRC32C();
    c.update(body);
    ensure(8 + body.length);
    pending.putInt(body.length);
    pending.putInt((int) c.getValue());
    pending.put(body);
    pendingEntries++;
  }

  private void ensure(int bytes) {
    if (pending.remaining() < bytes) {
      ByteBuffer bigger =
          ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + bytes));
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
  }

  public boolean hasPending() {
    return pendingEntries > 0;
  }

  /**
   * Writes the buffered entries and forces them to disk. When a write fails (a full disk) a {@link
   * JournalWriteException} is thrown and the bytes not yet written stay buffered: the next flush
   * goes on from the first byte the file lacks, so a batch is never written twice nor half. No
   * entry can be appended until it succeeded.
   */
  public void flush() {
    if (pendingEntries == 0) {
      return;
    }
    try {
      if (!writing) {
        pending.flip();
        writing = true;
      }
      while (pending.hasRemaining()) {
        channel.write(pending);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new JournalWriteException("could not write the journal's segment " + segment, e);
    }
    writing = false;
    entriesInSegment += pendingEntries;
    pending.clear();
    pendingEntries = 0;
  }

  /** The journal could not be written (disk full or another I/O failure); the batch is kept. */
  public static final class JournalWriteException extends UncheckedIOException {
    JournalWriteException(String message, IOException cause) {
      super(message + ": " + cause.getMessage(), cause);
    }
  }

  /** Closes the current segment and starts the next; returns the new segment number. */
  public long rollover() {
    flush();
    openSegment(segment + 1);
    return segment;
  }

  /** Deletes segments below {@code segment} (they are covered by a snapshot). */
  public void deleteSegmentsBefore(long keepFrom) {
    for (long n : segments(directory)) {
      if (n < keepFrom) {
        try {
          Files.deleteIfExists(segmentPath(n));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void fsyncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not supported on every platform; the file fsync still applies
    }
  }

  @Override
  public void close() {
    try {
      flush();
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> describe(Path directory) {
    List<String> out = new ArrayList<>();
    segments(directory).forEach(n -> out.add("journal-" + n));
    return out;
  }
}
