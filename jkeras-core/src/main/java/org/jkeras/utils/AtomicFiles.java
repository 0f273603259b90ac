package org.jkeras.utils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jkeras.backend.JKerasException;

/**
 * Writes a file by writing a temporary file in the same folder, flushing it to disk and renaming
 * it over the target. A crash, an exception or a full disk mid-write leaves the old file (or no
 * file) in place, never a half-written one; after the rename the folder is flushed too, so the
 * new file survives a power cut.
 */
public final class AtomicFiles {
  /** The body that writes the file's content. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
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
    Path tmp = null;
    try {
      tmp = createTemp(abs);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      syncDirectory(abs.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed; that error is the one to report.
        }
      }
    }
  }

  /** Flushes the folder's entries (the rename) to disk, where the system allows it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Some systems cannot open or flush a folder; the file itself is already on disk.
    }
  }

  /**
   * A new empty file beside the target. Not {@code Files.createTempFile}: that one is private to
   * the owner (mode 0600), and the renamed file would keep that mode.
   */
  private static Path createTemp(Path abs) throws IOException {
    Path dir = abs.getParent();
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path tmp = dir.resolve("." + abs.getFileName() + "." + suffix + ".tmp");
      try {
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }
}
