package org.jkeras.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a process from its Linux {@code /proc/<pid>/status} file. */
final class ProcStatus {
  static final Path SELF = Path.of("/proc/self/status");

  private ProcStatus() {}

  /** A field in kB, such as {@code VmRSS} (resident now) or {@code VmHWM} (peak); -1 if absent. */
  static long kb(Path status, String field) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
