package org.jkeras.saving;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.models.Model;

/**
 * Fuzz targets for the model loaders: whatever the bytes, loading either works or throws a
 * {@link JKerasException}; any other exception, an error or a hang is a finding. Under plain
 * {@code mvn test} each target replays its seeds in {@code LoaderFuzzTestInputs/<method>/}
 * (fixture files and every past finding); {@code docs/fuzzing.md} says how to fuzz for real.
 */
class LoaderFuzzTest {
  private static final Path DIR = tempDir();
  /** The model weights files are loaded into: the residual fixture, built from its config. */
  private static final Model RESIDUAL = Keras.modelFromJson(resource("modelJson/04_residual.json"));

  @FuzzTest(maxDuration = "30s")
  void kerasFile(byte[] data) throws IOException {
    Path p = write("fuzz.keras", data);
    try {
      Keras.loadModel(p);
    } catch (JKerasException expected) {
      // A clear refusal is the right answer to damaged bytes.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void modelJson(byte[] data) {
    try {
      Keras.modelFromJson(new String(data, StandardCharsets.UTF_8));
    } catch (JKerasException expected) {
      // A clear refusal is the right answer to a damaged config.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void weightsH5(byte[] data) throws IOException {
    Path weights = write("fuzz.weights.h5", data);
    try {
      RESIDUAL.loadWeights(weights);
    } catch (JKerasException expected) {
      // As above.
    }
    Path legacy = write("fuzz.h5", data);
    try {
      Keras.loadModel(legacy);
    } catch (JKerasException expected) {
      // As above.
    }
  }

  private static Path write(String name, byte[] data) throws IOException {
    Path p = DIR.resolve(name);
    Files.write(p, data);
    return p;
  }

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("jkeras-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = LoaderFuzzTest.class.getResourceAsStream("LoaderFuzzTestInputs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
