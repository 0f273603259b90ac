package org.jkeras.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;

/**
 * The three models of the side-by-side benchmark, built with jkeras's public API exactly as
 * {@code shared/bench/bench_torch.py} builds them in PyTorch (same sizes, optimizer, loss, default
 * samples and batch), with their FLOPs per sample counted analytically so the figures can be set
 * against the machine's peak.
 */
public enum BenchModel {
  /** Two (280, 256) inputs, one shared LSTM(64), concatenate, Dense(1, sigmoid). */
  SEED(1024, 32) {
    @Override
    Model build() {
      KerasTensor a = Keras.input(T, F);
      KerasTensor b = Keras.input(T, F);
      LSTM shared = new LSTM(U);
      KerasTensor merged = Keras.concatenate(List.of(shared.apply(a), shared.apply(b)), -1);
      Model m = new Model(List.of(a, b), new Dense(1).activation("sigmoid").apply(merged));
      m.compile("rmsprop", "binary_crossentropy", List.of("accuracy"));
      return m;
    }

    @Override
    List<Tensor> inputs(int n) {
      return List.of(Tensor.randomNormal(Shape.of(n, T, F), 0f, 1f, 1),
          Tensor.randomNormal(Shape.of(n, T, F), 0f, 1f, 2));
    }

    @Override
    Tensor labels(int n) {
      SplittableRandom r = new SplittableRandom(3);
      float[] y = new float[n];
      for (int i = 0; i < n; i++) {
        y[i] = r.nextInt(2);
      }
      return Tensor.wrap(y, Shape.of(n, 1));
    }

    @Override
    double inferFlops() {
      // Per time step and branch: x.W (F x 4U) and h.U (U x 4U); 2 FLOPs per multiply-add.
      return 2.0 * T * 2 * (F + U) * 4 * U;
    }

    @Override
    double trainFlops() {
      // Forward, then through time: dW (F x 4U), dU and dh (U x 4U each); the raw inputs need
      // no gradient, so dx (F x 4U) is not counted. Gate arithmetic and the Dense are neglected.
      return inferFlops() + 2.0 * T * 2 * (F + 2 * U) * 4 * U;
    }
  },

  /** 784 -> Dense(64, relu) -> Dense(64, relu) -> Dense(10, softmax). */
  MLP(60000, 32) {
    @Override
    Model build() {
      return mlp(784, 64, 10);
    }

    @Override
    List<Tensor> inputs(int n) {
      return List.of(Tensor.randomNormal(Shape.of(n, 784), 0f, 1f, 1));
    }

    @Override
    double inferFlops() {
      return 2.0 * (784 * 64 + 64 * 64 + 64 * 10);
    }

    @Override
    double trainFlops() {
      // Weight gradients of all three layers, input gradients of the last two.
      return 2 * inferFlops() + 2.0 * (64 * 64 + 64 * 10);
    }
  },

  /** (28, 28, 1) -> Conv2D(32, 3, relu) -> MaxPool(2) -> Conv2D(64, 3, relu) -> MaxPool(2) ->
   * Flatten -> Dense(10, softmax). */
  CNN(60000, 64) {
    @Override
    Model build() {
      KerasTensor x = Keras.input(28, 28, 1);
      KerasTensor h = new Conv2D(32, 3).activation("relu").apply(x);
      h = new MaxPooling2D(2, 2).apply(h);
      h = new Conv2D(64, 3).activation("relu").apply(h);
      h = new MaxPooling2D(2, 2).apply(h);
      h = new Flatten().apply(h);
      Model m = new Model(x, new Dense(10).activation("softmax").apply(h));
      m.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
      return m;
    }

    @Override
    List<Tensor> inputs(int n) {
      return List.of(Tensor.randomNormal(Shape.of(n, 28, 28, 1), 0f, 1f, 1));
    }

    @Override
    double inferFlops() {
      return 2.0 * (CONV1 + CONV2 + DENSE);
    }

    @Override
    double trainFlops() {
      // Weight gradients of all layers, input gradients of conv2 and the Dense (not of conv1).
      return 2 * inferFlops() + 2.0 * (CONV2 + DENSE);
    }
  };

  static final int T = 280;
  static final int F = 256;
  static final int U = 64;
  // Multiply-adds per sample: 26x26x32 outputs of a 3x3x1 kernel, 11x11x64 of a 3x3x32 one, and
  // a 1600 -> 10 Dense after two 2x2 poolings (26 -> 13 -> 11 -> 5).
  static final double CONV1 = 26.0 * 26 * 32 * 9;
  static final double CONV2 = 11.0 * 11 * 64 * 9 * 32;
  static final double DENSE = 5.0 * 5 * 64 * 10;

  /** The peer's default sample count and batch size (benchlib.DEFAULTS). */
  final int samples;
  final int batch;

  BenchModel(int samples, int batch) {
    this.samples = samples;
    this.batch = batch;
  }

  /** The name used on the command line and by the peer script. */
  String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The compiled model (RMSprop with Keras's defaults, the peer's loss, accuracy). */
  abstract Model build();

  /** Seeded standard-normal inputs, in input order. */
  abstract List<Tensor> inputs(int n);

  /** Seeded random labels: 0/1 for the seed model, one-hot over 10 classes otherwise. */
  Tensor labels(int n) {
    SplittableRandom r = new SplittableRandom(3);
    float[] y = new float[n * 10];
    for (int i = 0; i < n; i++) {
      y[i * 10 + r.nextInt(10)] = 1f;
    }
    return Tensor.wrap(y, Shape.of(n, 10));
  }

  /** FLOPs of one sample's forward pass (2 per multiply-add, matrix products only). */
  abstract double inferFlops();

  /** FLOPs of one sample's training step: forward and backward, matrix products only. */
  abstract double trainFlops();

  static BenchModel of(String key) {
    for (BenchModel m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown model '" + key + "': use seed, mlp or cnn.");
  }

  /** The MLP's layers, loss and optimizer at any width (OverheadCheck shrinks it). */
  static Model mlp(int inputs, int hidden, int classes) {
    KerasTensor x = Keras.input(inputs);
    KerasTensor h = new Dense(hidden).activation("relu").apply(x);
    h = new Dense(hidden).activation("relu").apply(h);
    Model m = new Model(x, new Dense(classes).activation("softmax").apply(h));
    m.compile("rmsprop", "categorical_crossentropy", List.of("accuracy"));
    return m;
  }
}
