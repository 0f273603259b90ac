package org.jkeras.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeras.utils.AtomicFiles;

/**
 * Saving's side of {@link AtomicFiles}: creates the target's folder when missing (as Keras's
 * {@code model.save} does) and reports failures as "Could not save".
 */
final class AtomicWrite {
  private AtomicWrite() {}

  /** Writes {@code target} from a stream (the body may also use a scratch path). */
  static void write(Path target, AtomicFiles.ScratchBody body) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      AtomicFiles.write(target, body);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code target} through a writer that needs a path of its own (jHDF). */
  static void writeVia(Path target, AtomicFiles.PathWriter writer) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      AtomicFiles.writeVia(target, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
    }
  }
}
