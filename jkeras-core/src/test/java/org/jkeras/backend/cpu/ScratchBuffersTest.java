package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.Backend;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.RecurrentKernels;
import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.RecurrentResult;
import org.jkeras.backend.ScratchBuffers;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.GradientTape;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.RecurrentOps;
import org.junit.jupiter.api.Test;

/**
 * The recurrent kernels reuse their large buffers across steps (given back when the tape
 * closes): results stay bit for bit those of fresh buffers, also with a mask (masked steps
 * leave rows unwritten), and a released forward record cannot be backpropagated.
 */
class ScratchBuffersTest {
  private static final int B = 8;
  private static final int T = 64;
  private static final int F = 16;
  private static final int U = 128;

  private static Tensor random(long seed, float scale, int... dims) {
    return MathOps.multiply(Tensor.randomNormal(Shape.of(dims), 0f, 1f, seed),
        Tensor.scalar(scale));
  }

  /** Gradients of sum(sequence * weights) + sum(h) with respect to every LSTM weight. */
  private static List<float[]> lstmGradients(float scale, Tensor mask) {
    Variable kernel = new Variable(random(1, scale, F, 4 * U), "kernel");
    Variable recurrent = new Variable(random(2, scale * 0.1f, U, 4 * U), "recurrent");
    Variable bias = new Variable(random(3, scale, 4 * U), "bias");
    Tensor x = random(4, 1f, B, T, F);
    Tensor w = random(5, 1f, B, T, U);
    List<float[]> out = new ArrayList<>();
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> r = RecurrentOps.lstm(x, null, null, kernel, recurrent, bias, mask,
          RecurrentOptions.defaults());
      Tensor loss = MathOps.add(ArrayOps.sum(MathOps.multiply(r.get(0), w)),
          ArrayOps.sum(r.get(1)));
      for (Tensor g : tape.gradient(loss, List.of(kernel, recurrent, bias))) {
        out.add(g.toFloatArray());
      }
      out.add(r.get(0).toFloatArray());
    }
    return out;
  }

  private static Tensor mask() {
    float[] m = new float[B * T];
    for (int i = 0; i < m.length; i++) {
      m[i] = (i * 7 % 5 == 0) ? 0f : 1f;
    }
    return Tensor.wrap(m, Shape.of(B, T));
  }

  @Test
  void reusedBuffersGiveTheResultsOfFreshOnes() {
    for (Tensor mask : new Tensor[] {null, mask()}) {
      List<float[]> first = lstmGradients(0.3f, mask);
      assertTrue(ScratchBuffers.pooledBytes() > 0, "buffers given back when the tape closed");
      lstmGradients(40f, null); // leaves large, different values in the pooled buffers
      List<float[]> again = lstmGradients(0.3f, mask);
      for (int i = 0; i < first.size(); i++) {
        assertArrayEquals(first.get(i), again.get(i), "result " + i + " mask " + (mask != null));
      }
    }
  }

  @Test
  void releasedForwardRecordCannotBeBackpropagated() {
    RecurrentKernels k = Backend.current().recurrent();
    Tensor h0 = Tensor.zeros(Shape.of(2, 3));
    RecurrentResult r = k.lstm(new Tensor[] {random(6, 1f, 2, 4, 5)}, h0, h0, random(7, 1f, 5, 12),
        random(8, 1f, 3, 12), null, null, RecurrentOptions.defaults(), true);
    k.release(r);
    JKerasException e = assertThrows(JKerasException.class, () -> k.backward(r,
        Tensor.ones(Shape.of(2, 4, 3)), new Tensor[] {h0, h0}, false));
    assertEquals("recurrent backward: this forward result was released (the GradientTape that"
        + " recorded it is closed); compute gradients before closing it.", e.getMessage());
  }

  @Test
  void poolKeepsExactLengthsAndSkipsSmallArrays() {
    float[] big = new float[ScratchBuffers.MIN_LENGTH + 3];
    ScratchBuffers.give(big);
    float[] other = ScratchBuffers.take(ScratchBuffers.MIN_LENGTH + 4);
    assertTrue(other != big);
    assertTrue(ScratchBuffers.take(ScratchBuffers.MIN_LENGTH + 3) == big);
    big[5] = 9f;
    ScratchBuffers.give(big);
    assertEquals(0f, ScratchBuffers.takeZeroed(ScratchBuffers.MIN_LENGTH + 3)[5]);
    float[] small = new float[10];
    ScratchBuffers.give(small);
    assertTrue(ScratchBuffers.take(10) != small);
  }
}
