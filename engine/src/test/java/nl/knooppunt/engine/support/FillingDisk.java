package nl.knooppunt.engine.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.engine.journal.JournalStorage;

/**
 * The journal's disk, with room that runs out: a write that does not fit writes what fits and the
 * next one fails with "No space left on device", as on a full file system; {@link #makeRoom()}
 * gives space back. A real small file system needs a mount that CI cannot do.
 */
public final class FillingDisk implements JournalStorage {

  /** The message of the operating system's ENOSPC. */
  public static final String NO_SPACE = "No space left on device";

  private final AtomicLong room = new AtomicLong(Long.MAX_VALUE);

  /** From now on only {@code bytes} more can be written. */
  public void leaveRoomFor(long bytes) {
    room.set(bytes);
  }

  /** Space returns (an operator cleaned up or grew the volume). */
  public void makeRoom() {
    room.set(Long.MAX_VALUE);
  }

  @Override
  public FileChannel create(Path segment) throws IOException {
    if (room.get() <= 0) {
      throw new IOException(NO_SPACE);
    }
    return new Channel(JournalStorage.FILES.create(segment));
  }

  private final class Channel extends FileChannel {

    private final FileChannel file;

    Channel(FileChannel file) {
      this.file = file;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      long left = room.get();
      if (left <= 0) {
        throw new IOException(NO_SPACE);
      }
      if (src.remaining() <= left) {
        int written = file.write(src);
        room.addAndGet(-written);
        return written;
      }
      // a short write: what fits goes to the file, the rest is refused on the next call
      ByteBuffer fits = src.duplicate();
      fits.limit(src.position() + (int) left);
      int written = file.write(fits);
      src.position(src.position() + written);
      room.addAndGet(-written);
      return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      long total = 0;
      for (int i = offset; i < offset + length; i++) {
        total += write(srcs[i]);
      }
      return total;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      throw new UnsupportedOperationException("the journal only appends");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return file.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return file.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      file.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      throw new UnsupportedOperationException("the journal only appends");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
