package org.jkeras.optimizers;

import static org.jkeras.testing.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.junit.jupiter.api.Test;

/** Every optimizer's steps against a float64 reference of Keras's formula (slots included). */
class OptimizerUpdateTest {
  static final Shape[] SHAPES = {Shape.of(2, 3), Shape.of(4)};

  static List<Variable> variables() {
    List<Variable> vars = new ArrayList<>();
    for (int k = 0; k < SHAPES.length; k++) {
      int n = (int) SHAPES[k].size();
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = (float) (0.8 * Math.sin(1.3 * i + k) - 0.1 * k);
      }
      vars.add(new Variable(Tensor.wrap(w, SHAPES[k]), "dense_" + k + "/kernel"));
    }
    return vars;
  }

  /** A deterministic gradient for variable {@code k} at step {@code s}, in double. */
  static double[] gradient(int k, int s) {
    int n = (int) SHAPES[k].size();
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      float v = (float) (0.6 * Math.sin(1.7 * i + 0.9 * s + 2.1 * k) + 0.05 * (k - s));
      g[i] = v;
    }
    return g;
  }

  static List<Tensor> gradients(int s) {
    List<Tensor> out = new ArrayList<>();
    for (int k = 0; k < SHAPES.length; k++) {
      double[] g = gradient(k, s);
      float[] f = new float[g.length];
      for (int i = 0; i < g.length; i++) {
        f[i] = (float) g[i];
      }
      out.add(Tensor.wrap(f, SHAPES[k]));
    }
    return out;
  }

  static List<double[]> asDoubles(List<Variable> vars) {
    List<double[]> out = new ArrayList<>();
    for (Variable v : vars) {
      double[] d = new double[v.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = v.getFlat(i);
      }
      out.add(d);
    }
    return out;
  }

  /** Runs {@code steps} steps on both and compares the weights after each. */
  static void check(Optimizer opt, OptimizerReference ref, int steps, double tol) {
    List<Variable> vars = variables();
    List<double[]> expected = asDoubles(vars);
    for (int s = 0; s < steps; s++) {
      double lr = opt.learningRate();
      opt.applyGradients(gradients(s), vars);
      List<double[]> grads = new ArrayList<>();
      for (int k = 0; k < SHAPES.length; k++) {
        grads.add(gradient(k, s));
      }
      ref.step(expected, grads, lr, s);
      for (int k = 0; k < vars.size(); k++) {
        assertClose(expected.get(k), vars.get(k), tol);
      }
    }
    assertEquals(steps, opt.iterations());
  }

  @Test
  void sgdPlainMomentumAndNesterov() {
    check(new SGD(0.1), OptimizerReference.sgd(0, false), 5, 1e-6);
    check(new SGD(0.1, 0.9, false), OptimizerReference.sgd(0.9, false), 5, 1e-6);
    check(new SGD(0.1, 0.9, true), OptimizerReference.sgd(0.9, true), 5, 1e-6);
  }

  @Test
  void rmspropPlainCenteredAndMomentum() {
    check(new RMSprop(0.01), OptimizerReference.rmsprop(0.9, 0, 1e-7, false), 5, 1e-5);
    check(new RMSprop(0.01, 0.8, 0, 1e-7, true),
        OptimizerReference.rmsprop(0.8, 0, 1e-7, true), 5, 1e-5);
    check(new RMSprop(0.01, 0.9, 0.5, 1e-7, true),
        OptimizerReference.rmsprop(0.9, 0.5, 1e-7, true), 5, 1e-5);
    check(new RMSprop(0.01, 0.9, 0.5, 1e-7, false),
        OptimizerReference.rmsprop(0.9, 0.5, 1e-7, false), 5, 1e-5);
  }

  @Test
  void adamAndAmsgrad() {
    check(new Adam(0.05), OptimizerReference.adam(0.9, 0.999, 1e-7, false), 6, 1e-5);
    check(new Adam(0.05, 0.8, 0.99, 1e-3, true),
        OptimizerReference.adam(0.8, 0.99, 1e-3, true), 6, 1e-5);
  }

  @Test
  void adagradStartsFromTheInitialAccumulator() {
    check(new Adagrad(0.1), OptimizerReference.adagrad(0.1, 1e-7), 5, 1e-5);
    check(new Adagrad(0.1, 0.5, 1e-3), OptimizerReference.adagrad(0.5, 1e-3), 5, 1e-5);
  }

  @Test
  void adadelta() {
    check(new Adadelta(1.0), OptimizerReference.adadelta(0.95, 1e-7), 5, 1e-5);
    check(new Adadelta(2.0, 0.8, 1e-4), OptimizerReference.adadelta(0.8, 1e-4), 5, 1e-5);
  }

  @Test
  void adamax() {
    check(new Adamax(0.05), OptimizerReference.adamax(0.9, 0.999, 1e-7), 5, 1e-5);
  }

  @Test
  void nadamWithItsMomentumSchedule() {
    check(new Nadam(0.05), OptimizerReference.nadam(0.9, 0.999, 1e-7), 6, 1e-5);
    check(new Nadam(0.05, 0.8, 0.99, 1e-4), OptimizerReference.nadam(0.8, 0.99, 1e-4), 6, 1e-5);
  }

  @Test
  void lion() {
    check(new Lion(0.01), OptimizerReference.lion(0.9, 0.99), 6, 1e-6);
    check(new Lion(0.01, 0.5, 0.9), OptimizerReference.lion(0.5, 0.9), 6, 1e-6);
  }

  @Test
  void adamwIsAdamAfterDecoupledDecay() {
    double wd = 0.004;
    OptimizerReference adam = OptimizerReference.adam(0.9, 0.999, 1e-7, false);
    OptimizerReference decayed = new OptimizerReference() {
      int slotCount() {
        return 0;
      }

      void update(double[] w, double[] g, double lr, long t, double[][] s) {}

      @Override
      void step(List<double[]> weights, List<double[]> grads, double lr, long t) {
        for (double[] w : weights) {
          for (int i = 0; i < w.length; i++) {
            w[i] -= w[i] * wd * lr;
          }
        }
        adam.step(weights, grads, lr, t);
      }
    };
    check(new AdamW(0.05), decayed, 5, 1e-5);
  }

  @Test
  void largeVariablesTakeTheParallelPathWithTheSameResult() {
    int n = 200_003;
    float[] w = new float[n];
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) Math.sin(i * 0.01);
      g[i] = (float) Math.cos(i * 0.013);
    }
    Variable big = new Variable(Tensor.wrap(w.clone(), Shape.of(n)), "big/kernel");
    Adam adam = new Adam(0.01);
    adam.applyGradients(List.of(Tensor.wrap(g, Shape.of(n))), List.of(big));
    // Step one of Adam moves every weight by lr * g / (|g| + eps / sqrt(1 - b2)) ~ lr * sign(g).
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      double m = 0.1 * g[i];
      double v = 0.001 * g[i] * g[i];
      double alpha = 0.01f * Math.sqrt(1 - 0.999) / (1 - 0.9);
      expected[i] = w[i] - m * alpha / (Math.sqrt(v) + 1e-7);
    }
    assertClose(expected, big, 1e-5);
  }
}
