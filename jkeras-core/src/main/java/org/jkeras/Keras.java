package org.jkeras;

import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.LayerNames;
import org.jkeras.layers.core.InputLayer;

/** Keras's module-level functions: {@code Keras.input(...)}, {@code Keras.concatenate(...)}, ... */
public final class Keras {
  private Keras() {}

  /** A symbolic input for samples of {@code shape}; the batch dimension is left unknown. */
  public static KerasTensor input(int... shape) {
    return input(Shape.of(shape), null, DType.FLOAT32, null);
  }

  /** A named symbolic input for samples of {@code shape}. */
  public static KerasTensor input(Shape shape, String name) {
    return input(shape, name, DType.FLOAT32, null);
  }

  /**
   * A symbolic input: {@code shape} of one sample, an optional name (null for automatic), the
   * dtype, and an optional fixed batch size (null for unknown).
   */
  public static KerasTensor input(Shape shape, String name, DType dtype, Integer batchSize) {
    int[] dims = new int[shape.rank() + 1];
    dims[0] = batchSize == null ? Shape.UNKNOWN : batchSize;
    System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
    return new InputLayer(Shape.of(dims), dtype, name).tensor();
  }

  /** {@code Concatenate(axis)} applied to {@code inputs}. */
  public static KerasTensor concatenate(java.util.List<KerasTensor> inputs, int axis) {
    return new org.jkeras.layers.merging.Concatenate(axis).apply(inputs);
  }

  /** {@code Concatenate()} (last axis) applied to {@code inputs}. */
  public static KerasTensor concatenate(java.util.List<KerasTensor> inputs) {
    return concatenate(inputs, -1);
  }

  public static KerasTensor add(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Add().apply(inputs);
  }

  public static KerasTensor subtract(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Subtract().apply(inputs);
  }

  public static KerasTensor multiply(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Multiply().apply(inputs);
  }

  public static KerasTensor average(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Average().apply(inputs);
  }

  public static KerasTensor maximum(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Maximum().apply(inputs);
  }

  public static KerasTensor minimum(java.util.List<KerasTensor> inputs) {
    return new org.jkeras.layers.merging.Minimum().apply(inputs);
  }

  /** {@code Dot(axes)} applied to two inputs (a dot product along {@code axes} of each). */
  public static KerasTensor dot(java.util.List<KerasTensor> inputs, int axes) {
    return new org.jkeras.layers.merging.Dot(axes).apply(inputs);
  }

  /**
   * Writes the model's graph as Graphviz DOT to {@code path}; a {@code .svg} or {@code .png} path
   * is also rendered when Graphviz's {@code dot} is installed. Returns what was written.
   */
  public static org.jkeras.utils.PlotModel.Result plotModel(
      org.jkeras.models.Model model, java.nio.file.Path path) {
    return org.jkeras.utils.PlotModel.plot(model, path);
  }

  /** Forgets automatic names, so the next Dense is {@code dense} again (Keras's clear_session). */
  public static void clearSession() {
    LayerNames.reset();
  }

  // ---- saving and loading -----------------------------------------------------------------------

  /**
   * Loads a Keras 3 {@code .keras} file (saved by Python Keras or jkeras): the model, its
   * weights, and its compile state when it was saved compiled; or a legacy {@code .h5} model
   * (Keras 2 or 3), compiled from its training config when saved compiled. Never runs code from
   * the file.
   */
  public static org.jkeras.models.Model loadModel(java.nio.file.Path path) {
    return loadModel(path, true);
  }

  /** As {@link #loadModel(java.nio.file.Path)}; {@code compile=false} skips the compile state. */
  public static org.jkeras.models.Model loadModel(java.nio.file.Path path, boolean compile) {
    String name = path.getFileName().toString();
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return org.jkeras.saving.LegacyH5.load(path, compile);
    }
    return org.jkeras.saving.KerasFile.load(path, compile);
  }

  /** A model (new weights) from {@code model.toJson()} or Keras's {@code model.to_json()}. */
  public static org.jkeras.models.Model modelFromJson(String json) {
    return org.jkeras.saving.ModelSerialization.deserialize(
        org.jkeras.saving.KerasJson.readObject(json, "The model JSON"), true);
  }
}
