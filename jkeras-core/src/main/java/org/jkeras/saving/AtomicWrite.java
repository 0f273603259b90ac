package org.jkeras.saving;

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

/**
 * Writes a file through a temporary file in the same folder, flushed to disk ({@code fsync}) and
 * then renamed over the target, and the folder flushed after the rename: a crash, a kill or a
 * full disk mid-save leaves the previous file intact, and a completed save survives a power cut.
 *
 * <p>The temporary file, {@code .<name>.<random>.tmp} (hidden, never ending in the target's
 * extension), is locked while it is written. A process killed mid-save leaves it behind; the
 * next save to the same target deletes such leftovers whose lock is free (their writer is dead)
 * and leaves alone those another process or thread is still writing.
 */
final class AtomicWrite {
  /** The temporary files this JVM is writing (a lock cannot be tested from the same JVM). */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private AtomicWrite() {}

  /** What to write: the content to {@code out}; {@code scratch} is a free path beside it. */
  interface Body {
    void write(OutputStream out, Path scratch) throws IOException;
  }

  /** Writes {@code target} from a stream. */
  static void write(Path target, Body body) {
    run(target, (channel, tmp, scratch) -> {
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
   * Writes {@code target} through a writer that needs a path of its own (jHDF): it writes
   * {@code scratch}, which is then flushed and renamed over the target.
   */
  static void writeVia(Path target, PathWriter writer) {
    run(target, (channel, tmp, scratch) -> {
      writer.write(scratch);
      try (FileChannel written = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      return scratch;
    });
  }

  /** A writer that writes a whole file at a path. */
  interface PathWriter {
    void write(Path path) throws IOException;
  }

  private interface Step {
    /** Writes the content; returns the file to rename over the target. */
    Path write(FileChannel channel, Path tmp, Path scratch) throws IOException;
  }

  private static void run(Path target, Step step) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    Path scratch = null;
    Path registered = null;
    try {
      Files.createDirectories(dir);
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
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
    } finally {
      KerasFile.deleteQuietly(scratch);
      KerasFile.deleteQuietly(tmp);
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
  static void cleanLeftovers(Path abs) {
    String prefix = prefix(abs);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(abs.getParent(),
        p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp") && !WRITING.contains(p) && writerGone(p)) {
          KerasFile.deleteQuietly(p.resolveSibling(name + ".part"));
          KerasFile.deleteQuietly(p);
        } else if (name.endsWith(".tmp.part")) {
          Path owner = p.resolveSibling(name.substring(0, name.length() - ".part".length()));
          if (!WRITING.contains(owner) && !Files.exists(owner)) {
            KerasFile.deleteQuietly(p);
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
  static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes the folder's entry table so the rename itself is on disk (where the OS allows). */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Some systems cannot open or flush a folder; the file itself is already on disk.
    }
  }
}
