package org.jkeras.trainers;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/**
 * Keras's {@code class_weight}: each sample weighs as much as its class (the argmax of a one-hot
 * row, else the rounded label), and classes missing from the map weigh 1.
 */
final class ClassWeights {
  private ClassWeights() {}

  static Tensor toSampleWeights(Map<Integer, Double> classWeight, List<Tensor> y) {
    if (y.size() != 1) {
      throw new JKerasException("`class_weight` is only supported for Models with a single"
          + " output.");
    }
    Tensor labels = y.get(0);
    if (labels.rank() == 0 || labels.rank() > 2) {
      throw new JKerasException("class_weight needs targets of shape (samples,), (samples, 1) or"
          + " (samples, classes); got " + labels.shape() + ".");
    }
    int n = labels.shape().dim(0);
    int width = labels.rank() > 1 ? labels.size() / Math.max(n, 1) : 1;
    float[] values = labels.toFloatArray();
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      int cls;
      if (width > 1) {
        cls = 0;
        for (int j = 1; j < width; j++) {
          if (values[i * width + j] > values[i * width + cls]) {
            cls = j;
          }
        }
      } else {
        cls = (int) Math.rint(values[i * width]);
      }
      Double w = classWeight.get(cls);
      weights[i] = w == null ? 1f : (float) (double) w;
    }
    return Tensor.of(weights);
  }
}
