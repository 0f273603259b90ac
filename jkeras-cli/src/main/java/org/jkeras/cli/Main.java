package org.jkeras.cli;

import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuGemm;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;

/**
 * The main job. Until layers and training land, it runs a forward pass and the gradients of a
 * small two-layer network built from ops, and takes a few gradient-descent steps on it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("jkeras demo: a 2-layer network from ops, trained with plain gradient descent");
    System.out.println("GEMM: " + CpuGemm.get().description());
    train(200, System.out);
  }

  /** Trains for {@code steps} steps, printing every 50th; returns the first and last losses. */
  static float[] train(int steps, java.io.PrintStream out) {
    float first = Float.NaN;
    float last = Float.NaN;
    Tensor x = Tensor.randomNormal(Shape.of(64, 8), 0f, 1f, 1);
    // Target: y = sigmoid(sum of the first four features - sum of the last four).
    float[] target = new float[64];
    for (int i = 0; i < 64; i++) {
      float s = 0;
      for (int j = 0; j < 8; j++) {
        s += (j < 4 ? 1 : -1) * x.getFloat(i, j);
      }
      target[i] = 1f / (1f + (float) Math.exp(-s));
    }
    Tensor y = Tensor.of(target, 64, 1);
    Variable w1 = new Variable(Tensor.randomNormal(Shape.of(8, 16), 0f, 0.3f, 2), "w1");
    Variable w2 = new Variable(Tensor.randomNormal(Shape.of(16, 1), 0f, 0.3f, 3), "w2");
    float learningRate = 0.5f;
    for (int step = 0; step <= steps; step++) {
      try (GradientTape tape = new GradientTape()) {
        Tensor hidden = MathOps.sigmoid(LinalgOps.matmul(x, w1));
        Tensor prediction = MathOps.sigmoid(LinalgOps.matmul(hidden, w2));
        Tensor error = MathOps.subtract(prediction, y);
        Tensor loss = MathOps.multiply(ArrayOps.sum(MathOps.multiply(error, error)),
            Tensor.scalar(1f / 64));
        List<Tensor> grads = tape.gradient(loss, List.of(w1, w2));
        last = loss.item();
        if (step == 0) {
          first = last;
        }
        if (step % 50 == 0) {
          out.printf("step %3d  mse %.5f  |grad w1| %.5f%n", step, loss.item(),
              norm(grads.get(0)));
        }
        w1.assign(MathOps.subtract(w1, MathOps.multiply(grads.get(0), Tensor.scalar(learningRate))));
        w2.assign(MathOps.subtract(w2, MathOps.multiply(grads.get(1), Tensor.scalar(learningRate))));
      }
    }
    return new float[] {first, last};
  }

  private static double norm(Tensor t) {
    double s = 0;
    for (float v : t.toFloatArray()) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
