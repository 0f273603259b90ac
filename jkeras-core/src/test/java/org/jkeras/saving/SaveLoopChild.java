package org.jkeras.saving;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomUniform;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;

/**
 * The child of {@link SaveKillTest}: saves a 4 MB model to one path over and over, version
 * {@code v} having every bias set to {@code v}, and says "saving v" before and "saved v ms"
 * after each save.
 */
public final class SaveLoopChild {
  static final int UNITS = 1000;

  private SaveLoopChild() {}

  /** The model whose weights every version shares (a fixed seed), bias {@code v}. */
  static Model model(int version) {
    KerasTensor x = Keras.input(UNITS);
    Dense dense = new Dense(UNITS).kernelInitializer(new RandomUniform(-0.05, 0.05, 7L));
    Model model = new Model(x, dense.apply(x));
    float[] bias = new float[UNITS];
    Arrays.fill(bias, version);
    dense.setWeights(List.of(dense.getWeights().get(0), Tensor.wrap(bias, Shape.of(UNITS))));
    return model;
  }

  public static void main(String[] args) {
    Path path = Path.of(args[0]);
    Model model = model(0);
    Dense dense = (Dense) model.layers().get(1);
    Tensor kernel = dense.getWeights().get(0);
    for (int v = 0; ; v++) {
      float[] bias = new float[UNITS];
      Arrays.fill(bias, v);
      dense.setWeights(List.of(kernel, Tensor.wrap(bias, Shape.of(UNITS))));
      System.out.println("saving " + v);
      long t0 = System.nanoTime();
      model.save(path);
      System.out.println("saved " + v + " " + (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
