package nl.knooppunt.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the journal's segments are written: the file system. A test gives a storage whose disk
 * fills up, so a write fails with "No space left on device" as on a full disk (a small file system
 * that CI cannot mount), and the engine's refusal and recovery can be proven.
 */
@FunctionalInterface
public interface JournalStorage {

  /** Creates a new segment file and opens it for appending. */
  FileChannel create(Path segment) throws IOException;

  /** The file system itself. */
  JournalStorage FILES =
      segment ->
          FileChannel.open(
              segment,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
}
