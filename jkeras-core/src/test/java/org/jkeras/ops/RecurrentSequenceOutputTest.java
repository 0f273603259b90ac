package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.junit.jupiter.api.Test;

/**
 * An LSTM asked for its final states only (a layer with return_sequences=False) skips the output
 * sequence and gives the same states and the same gradients as one that writes it, with and
 * without a mask.
 */
class RecurrentSequenceOutputTest {
  private static List<float[]> run(boolean sequenceOutput, Tensor mask) {
    Variable kernel = new Variable(Tensor.randomNormal(Shape.of(3, 8), 0f, 0.5f, 1), "k");
    Variable recurrent = new Variable(Tensor.randomNormal(Shape.of(2, 8), 0f, 0.5f, 2), "u");
    Variable bias = new Variable(Tensor.randomNormal(Shape.of(8), 0f, 0.5f, 3), "b");
    Tensor x = Tensor.randomNormal(Shape.of(4, 5, 3), 0f, 1f, 4);
    Tensor w = Tensor.randomNormal(Shape.of(4, 2), 0f, 1f, 5);
    List<float[]> out = new ArrayList<>();
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> r = RecurrentOps.lstm(x, null, null, kernel, recurrent, bias, mask,
          RecurrentOptions.defaults().withSequenceOutput(sequenceOutput));
      if (sequenceOutput) {
        assertNotNull(r.get(0));
      } else {
        assertNull(r.get(0), "no sequence written");
      }
      Tensor loss = MathOps.add(ArrayOps.sum(MathOps.multiply(r.get(1), w)),
          ArrayOps.sum(MathOps.square(r.get(2))));
      out.add(r.get(1).toFloatArray());
      out.add(r.get(2).toFloatArray());
      for (Tensor g : tape.gradient(loss, List.of(kernel, recurrent, bias))) {
        out.add(g.toFloatArray());
      }
    }
    return out;
  }

  @Test
  void statesAndGradientsDoNotDependOnTheSequenceBeingWritten() {
    float[] m = {1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0};
    for (Tensor mask : new Tensor[] {null, Tensor.wrap(m, Shape.of(4, 5))}) {
      List<float[]> full = run(true, mask);
      List<float[]> statesOnly = run(false, mask);
      for (int i = 0; i < full.size(); i++) {
        assertArrayEquals(full.get(i), statesOnly.get(i), "result " + i);
      }
    }
  }
}
