package org.jkeras.saving;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.models.Model;

/**
 * Keras 3's {@code .weights.h5} files: the model's variables (and its optimizer's, when built)
 * in the same layout as inside a {@code .keras} file.
 */
public final class WeightsFile {
  private WeightsFile() {}

  /** Saves the weights to {@code path} (a {@code .weights.h5} name), atomically. */
  public static void save(Model model, Path path) {
    requireSuffix(path);
    List<WeightsLayout.Entry> entries = KerasFile.entries(model, true);
    AtomicWrite.writeVia(path, file -> H5Weights.write(entries, file));
  }

  /** Loads weights saved by {@link #save} or by Keras's {@code save_weights} (or a .keras file). */
  public static void load(Model model, Path path) {
    if (!Files.isRegularFile(path)) {
      throw new JKerasException("No such file: " + path + ".");
    }
    if (path.getFileName().toString().endsWith(".keras")) {
      Model loaded = KerasFile.load(path, false);
      model.setWeights(loaded.getWeights());
      return;
    }
    requireSuffix(path);
    long elements = 0;
    for (org.jkeras.backend.Variable v : model.weights()) {
      elements += v.shape().size();
    }
    byte[] bytes = readBounded(path, LoadLimits.maxWeightsBytes(elements), "this model's weights"
        + " (its weights as float64 with optimizer slots, plus 64 MiB of HDF5 structure); it is"
        + " not this model's weights file, or it is damaged");
    try (HdfFile h5 = KerasFile.hdf(bytes, path)) {
      H5Weights.read(h5, WeightsLayout.of(model), path.toString());
      if (model.isCompiled()) {
        OptimizerState.restore(model, h5, path.toString());
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      throw HdfErrors.damaged("The weights file " + path, e);
    }
  }

  /**
   * The bytes of {@code path}, refused with a clear error when the file is longer than
   * {@code limit}; {@code what} says what the limit is for.
   */
  static byte[] readBounded(Path path, long limit, String what) {
    try {
      long size = Files.size(path);
      if (size > limit) {
        throw new JKerasException(path + " is " + size + " bytes, over the limit of " + limit
            + " bytes for " + what + ".");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }

  private static void requireSuffix(Path path) {
    if (!path.getFileName().toString().endsWith(".weights.h5")) {
      throw new JKerasException("The filename must end in `.weights.h5`. Received: filepath="
          + path);
    }
  }
}
