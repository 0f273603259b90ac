package org.jkeras.utils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jkeras.backend.JKerasException;

/**
 * Every file jkeras writes (models, weights, arrays, training backups) goes through here: a
 * temporary file in the same folder, flushed to disk ({@code fsync}) and then renamed over the
 * target, and the folder flushed after the rename. A crash, a kill or a full disk mid-write
 * leaves the previous file intact, and a completed write survives a power cut.
 *
 * <p>The temporary file, {@code .<name>.<random>.tmp} (hidden, never ending in the target's
 * extension), is locked while it is written. A process killed mid-write leaves it behind; the
 * next write to the same target deletes such leftovers whose lock is free (their writer is dead)
 * and leaves alone those another process or thread is still writing. It is created with
 * {@code CREATE_NEW}, not {@code Files.createTempFile}, whose mode 0600 the renamed file would
 * keep.
 */
public final class AtomicFiles {
  /** The temporary files this JVM is writing (a lock cannot be tested from the same JVM). */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  /** The body that writes the file's content. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A body that may also use {@code scratch}, a free path beside the target, as it needs. */
  @FunctionalInterface
  public interface ScratchBody {
    void write(OutputStream out, Path scratch) throws IOException;
  }

  /** A writer that writes a whole file at a path of its own (jHDF). */
  @FunctionalInterface
  public interface PathWriter {
    void write(Path path) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} with {@code body}'s bytes, or leaves it as it was. */
  public static void write(Path target, Body body) {
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new JKerasException("Cannot write " + target + ": it is a directory.");
    }
    if (!Files.isDirectory(abs.getParent())) {
      throw new JKerasException(
          "Cannot write " + target + ": the folder " + abs.getParent() + " does not exist.");
    }
    try {
      write(abs, (out, scratch) -> body.writeTo(out));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code target} from a stream; the folder must exist. */
  public static void write(Path target, ScratchBody body) throws IOException {
    run(target.toAbsolutePath(), (channel, tmp, scratch) -> {
      // The body may close its stream (a ZipOutputStream does); the channel must stay open for
      // the flush to disk and the rename under the lock.
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      body.write(out, scratch);
      out.flush();
      return tmp;
    });
  }

  /**
   * Writes {@code target} through a writer that needs a path of its own: it writes a scratch
   * file beside the target, which is then flushed and renamed over the target.
   */
  public static void writeVia(Path target, PathWriter writer) throws IOException {
    run(target.toAbsolutePath(), (channel, tmp, scratch) -> {
      writer.write(scratch);
      try (FileChannel written = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      return scratch;
    });
  }

  private interface Step {
    /** Writes the content; returns the file to rename over the target. */
    Path write(FileChannel channel, Path tmp, Path scratch) throws IOException;
  }

  private static void run(Path abs, Step step) throws IOException {
    Path dir = abs.getParent();
    Path tmp = null;
    Path scratch = null;
    Path registered = null;
    try {
      cleanLeftovers(abs);
      tmp = newTemp(abs);
      registered = tmp;
      scratch = tmp.resolveSibling(tmp.getFileName() + ".part");
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path done = step.write(channel, tmp, scratch);
        channel.force(true);
        move(done, abs);
        if (done == tmp) {
          tmp = null;
        } else {
          scratch = null;
        }
        syncDirectory(dir);
      }
    } finally {
      deleteQuietly(scratch);
      deleteQuietly(tmp);
      if (registered != null) {
        WRITING.remove(registered);
      }
    }
  }

  /** A new empty temporary file beside {@code abs}, registered as being written. */
  private static Path newTemp(Path abs) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      Path tmp = abs.resolveSibling(prefix(abs) + suffix + ".tmp");
      WRITING.add(tmp);
      try {
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return tmp;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        WRITING.remove(tmp);
        if (attempt == 10) {
          throw e;
        }
      } catch (IOException e) {
        WRITING.remove(tmp);
        throw e;
      }
    }
  }

  private static String prefix(Path abs) {
    return "." + abs.getFileName() + ".";
  }

  /**
   * Deletes the temporary files of earlier saves to {@code abs} whose writer is gone: their lock
   * can be taken. A leftover {@code .part} goes with its {@code .tmp}, or alone when that is gone.
   */
  private static void cleanLeftovers(Path abs) {
    String prefix = prefix(abs);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(abs.getParent(),
        p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp") && !WRITING.contains(p) && writerGone(p)) {
          deleteQuietly(p.resolveSibling(name + ".part"));
          deleteQuietly(p);
        } else if (name.endsWith(".tmp.part")) {
          Path owner = p.resolveSibling(name.substring(0, name.length() - ".part".length()));
          if (!WRITING.contains(owner) && !Files.exists(owner)) {
            deleteQuietly(p);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning is a courtesy: the save itself goes on.
    }
  }

  private static boolean writerGone(Path tmp) {
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }

  /** Moves {@code tmp} over {@code target}, atomically where the file system can. */
  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes the folder's entry table so the rename itself is on disk (where the OS allows). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Some systems cannot open or flush a folder; the file itself is already on disk.
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A leftover temporary file is harmless; the next write cleans it.
      }
    }
  }
}
