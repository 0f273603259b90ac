package org.jkeras.utils;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeras.backend.JKerasException;

/**
 * Fuzz target for the numpy readers: bytes that start like a zip go to {@link NpzIO}, others to
 * {@link NpyIO}; either reads them or throws a {@link JKerasException}. Seeds (and past
 * findings) are in {@code NpyFuzzTestInputs/npyOrNpz/}; see {@code docs/fuzzing.md}.
 */
class NpyFuzzTest {
  private static final Path FILE = tempFile();

  @FuzzTest(maxDuration = "30s")
  void npyOrNpz(byte[] data) throws IOException {
    try {
      if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
        Files.write(FILE, data);
        NpzIO.load(FILE);
      } else {
        NpyIO.fromBytes(data);
      }
    } catch (JKerasException expected) {
      // A clear refusal is the right answer to damaged bytes.
    }
  }

  private static Path tempFile() {
    try {
      Path d = Files.createTempDirectory("jkeras-fuzz");
      d.toFile().deleteOnExit();
      return d.resolve("fuzz.npz");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
