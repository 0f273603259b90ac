package org.jkeras.saving;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;
import org.jkeras.models.Model;

/**
 * Keras 3's {@code .keras} file: a zip of {@code metadata.json}, {@code config.json} and
 * {@code model.weights.h5}. Saving writes a temporary file beside the target and moves it into
 * place, so an interrupted save never leaves a damaged file where a good one was.
 */
public final class KerasFile {
  /** The Keras version written in metadata.json (the format the fixtures come from). */
  public static final String KERAS_VERSION = "3.1.1";
  static final String CONFIG = "config.json";
  static final String METADATA = "metadata.json";
  static final String WEIGHTS = "model.weights.h5";

  private KerasFile() {}

  /** Saves {@code model} (config, weights, optimizer state) to a {@code .keras} file. */
  public static void save(Model model, Path path) {
    if (!path.getFileName().toString().endsWith(".keras")) {
      throw new JKerasException("Invalid filepath argument: expected a `.keras` extension."
          + " Received: filepath=" + path);
    }
    String config = KerasJson.write(ModelSerialization.serialize(model));
    Map<String, Object> meta = Config.map();
    meta.put("keras_version", KERAS_VERSION);
    meta.put("date_saved",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
    List<WeightsLayout.Entry> entries = entries(model, true);
    AtomicWrite.write(path, (out, scratch) -> {
      byte[] weights = weightsBytes(entries, scratch);
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        put(zip, METADATA, KerasJson.write(meta).getBytes(StandardCharsets.UTF_8));
        put(zip, CONFIG, config.getBytes(StandardCharsets.UTF_8));
        put(zip, WEIGHTS, weights);
      }
    });
  }

  /** The model's weights entries, with the optimizer's when compiled and built. */
  static List<WeightsLayout.Entry> entries(Model model, boolean withOptimizer) {
    List<WeightsLayout.Entry> entries = new ArrayList<>(WeightsLayout.of(model));
    if (withOptimizer && model.isCompiled() && model.optimizer().built()) {
      entries.add(WeightsLayout.optimizer(model.optimizer()));
    }
    return entries;
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * The bytes of an HDF5 file holding {@code entries}, written through {@code scratch} (jHDF
   * writes to files only; the scratch file lies beside the target, so a save killed here leaves
   * nothing in the system's temporary folder, and the next save cleans it).
   */
  private static byte[] weightsBytes(List<WeightsLayout.Entry> entries, Path scratch)
      throws IOException {
    try {
      H5Weights.write(entries, scratch);
      return Files.readAllBytes(scratch);
    } finally {
      deleteQuietly(scratch);
    }
  }

  static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // A leftover temporary file is harmless.
      }
    }
  }

  /**
   * Loads a {@code .keras} file: the model, its weights, and its compile state when saved. The
   * file is read as untrusted (see {@link LoadLimits}): nothing is extracted to disk, entries are
   * read into memory only up to their limits, and damage gives a JKerasException.
   */
  public static Model load(Path path, boolean compile) {
    if (!Files.isRegularFile(path)) {
      throw new JKerasException("No such file: " + path + ".");
    }
    try (ZipFile zip = new ZipFile(path.toFile())) {
      long length = Files.size(path);
      ZipEntries.checkNames(zip, path);
      byte[] configBytes = entry(zip, CONFIG, path, LoadLimits.maxJsonBytes(), length);
      String configJson = new String(configBytes, StandardCharsets.UTF_8);
      Map<String, Object> config = KerasJson.readObject(configJson, path + " (" + CONFIG + ")");
      Model model = ModelSerialization.deserialize(config, compile);
      long elements = 0;
      for (org.jkeras.backend.Variable v : model.weights()) {
        elements += v.shape().size();
      }
      byte[] weights = entry(zip, WEIGHTS, path, LoadLimits.maxWeightsBytes(elements), length);
      String source = path + " (" + WEIGHTS + ")";
      try (HdfFile h5 = hdf(weights, source)) {
        H5Weights.read(h5, WeightsLayout.of(model), source);
        if (model.isCompiled()) {
          OptimizerState.restore(model, h5, source);
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        throw HdfErrors.damaged("The weights in " + source, e);
      }
      return model;
    } catch (ZipException e) {
      throw new JKerasException(path + " is not a .keras file: it is not a valid zip archive ("
          + e.getMessage() + ").");
    } catch (IOException e) {
      throw new JKerasException(path + " is damaged: reading it failed (" + e + ").", e);
    }
  }

  private static byte[] entry(ZipFile zip, String name, Path path, long limit, long length)
      throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new JKerasException(path + " is not a complete .keras file: it has no " + name
          + " (entries: " + zip.stream().limit(20).map(ZipEntry::getName).toList() + ").");
    }
    return ZipEntries.read(zip, e, limit, name, path, length);
  }

  /** An HDF5 file from bytes, with a clear error when they are not HDF5. */
  static HdfFile hdf(byte[] bytes, Object source) {
    try {
      return HdfFile.fromBytes(bytes);
    } catch (RuntimeException | OutOfMemoryError e) {
      throw new JKerasException("The weights in " + source + " are not a readable HDF5 file: "
          + e.getMessage());
    }
  }
}
