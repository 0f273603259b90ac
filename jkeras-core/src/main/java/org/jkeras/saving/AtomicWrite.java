package org.jkeras.saving;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder, moved into place at the end: a crash
 * or a full disk mid-save leaves the previous file intact.
 */
final class AtomicWrite {
  private AtomicWrite() {}

  static void write(Path target, KerasFile.Writer writer) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
    } finally {
      KerasFile.deleteQuietly(tmp);
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
}
