package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A thread's share of the input projection ({@link InputBlocks#projectRows}) writes exactly the
 * rows that the whole projection writes, and the kernel's gradient summed over a split of the
 * rows ({@link InputBlocks#kernelGradientRows}) equals the whole one, whichever blocks a range of
 * batch rows starts, ends or lies in: plain blocks of several rows, and a shuffled batch read row
 * by row in place.
 */
class InputBlocksTest {
  private static final int T = 7;
  private static final int F = 5;
  private static final int N = 40;

  @Test
  void anyRangeOfRowsProjectsAsTheWholeBatchDoes() {
    InputBlocks x = blocks();
    int batch = x.batch();
    assertEquals(10, batch);
    float[] w = Tensor.randomNormal(Shape.of(F, N), 0f, 1f, 4).floatData();
    float[] whole = x.project(w, N);
    for (int lo = 0; lo < batch; lo++) {
      for (int hi = lo + 1; hi <= batch; hi++) {
        float[] part = new float[batch * T * N];
        java.util.Arrays.fill(part, Float.NaN);
        x.projectRows(lo, hi, w, N, part);
        for (int i = 0; i < part.length; i++) {
          int row = i / (T * N);
          String where = "rows [" + lo + ", " + hi + "), element " + i;
          if (row >= lo && row < hi) {
            assertEquals(whole[i], part[i], 1e-5f * (1 + Math.abs(whole[i])), where);
          } else {
            assertEquals(Float.NaN, part[i], where + " lies outside the range");
          }
        }
      }
    }
  }

  @Test
  void kernelGradientSummedOverSplitRowsEqualsTheWholeOne() {
    InputBlocks x = blocks();
    int batch = x.batch();
    float[] d = Tensor.randomNormal(Shape.of(batch * T, N), 0f, 1f, 5).floatData();
    float[] whole = x.kernelGradient(d, N);
    for (int cut = 1; cut < batch; cut++) {
      float[] first = x.kernelGradientRows(0, cut, d, N);
      float[] rest = x.kernelGradientRows(cut, batch, d, N);
      for (int i = 0; i < whole.length; i++) {
        assertEquals(whole[i], first[i] + rest[i], 1e-4f * (1 + Math.abs(whole[i])),
            "split at row " + cut + ", element " + i);
      }
    }
  }

  /** Three inputs: 3 plain rows, 5 shuffled rows (one of them twice), 2 plain rows. */
  private static InputBlocks blocks() {
    Tensor plain = Tensor.randomNormal(Shape.of(3, T, F), 0f, 1f, 1);
    Tensor source = Tensor.randomNormal(Shape.of(6, T, F), 0f, 1f, 2);
    Tensor shuffled = Tensor.rowsView(source, new int[] {4, 1, 5, 1, 0});
    Tensor second = Tensor.randomNormal(Shape.of(2, T, F), 0f, 1f, 3);
    return InputBlocks.of(new Tensor[] {plain, shuffled, second});
  }
}
