package org.jkeras.backend.cpu;

import jdk.incubator.vector.FloatVector;
import org.jkeras.backend.RecurrentGradients;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Pieces shared by the fused recurrent kernels: projections, masks, weight gradients. */
final class RecurrentSupport {
  private RecurrentSupport() {}

  /** The input time processed at step {@code s}. */
  static int inputTime(int s, int time, boolean goBackwards) {
    return goBackwards ? time - 1 - s : s;
  }

  /** The mask as one flag per (batch, time) entry, or null when there is none. */
  static boolean[] keepFlags(Tensor mask) {
    if (mask == null) {
      return null;
    }
    boolean[] keep = new boolean[mask.size()];
    for (int k = 0; k < keep.length; k++) {
      keep[k] = mask.getFlat(k) != 0;
    }
    return keep;
  }

  /**
   * Multiply-adds per batch row for a whole sequence, so {@link CpuThreads#parallelFor} splits
   * the batch over threads only when the sequence is long enough to pay for it.
   */
  static long workPerRow(int time, int units, int gateWidth) {
    return (long) time * ((long) units * gateWidth + 16L * gateWidth);
  }

  /** A recurrent loop's body over batch rows {@code [lo, hi)}, given the projected inputs. */
  @FunctionalInterface
  interface RowLoop {
    void run(float[] projected, int lo, int hi);
  }

  /**
   * Projects the inputs ({@code x @ w}, {@code n} columns) and runs {@code loop} over the batch
   * rows split across threads; returns the projection (a pooled buffer). When the rows split
   * over every thread, each thread projects its own rows at the start of its chunk, so the
   * projection and the steps are one parallel section instead of two: each section's end waits
   * for the slower thread, and a worker idle long enough to park took 0.1-0.5 ms to start the
   * next section on these machines. The seed model's prediction went from 2,296-2,612 to
   * 2,653-2,738 samples/s (5 alternating runs each). With fewer chunks than threads (short
   * batches) the projection runs first, split over all threads.
   */
  static float[] projectAndRun(InputBlocks x, float[] w, int n, long stepWorkPerRow,
      RowLoop loop) {
    long work = stepWorkPerRow + (long) x.time * x.features * n;
    int batch = x.batch();
    boolean inChunks = splitsOverEveryThread(batch, work);
    float[] projected = inChunks ? x.projectionBuffer(n) : x.project(w, n);
    CpuThreads.parallelFor(batch, work, (lo, hi) -> {
      if (inChunks) {
        x.projectRows(lo, hi, w, n, projected);
      }
      loop.run(projected, lo, hi);
    });
    return projected;
  }

  /**
   * Whether {@link CpuThreads#parallelFor} over {@code batch} rows of this much work each gives
   * every thread a chunk: then work that would be its own section can go inside the chunks.
   */
  static boolean splitsOverEveryThread(int batch, long workPerRow) {
    return CpuThreads.chunkCount(batch, workPerRow) >= CpuThreads.maxThreads();
  }

  /**
   * The sum of the non-null {@code parts} (equal lengths), added in index order so that the
   * result does not depend on which thread finished first; null when all are null.
   */
  static float[] sumInOrder(float[][] parts) {
    float[] sum = null;
    for (float[] part : parts) {
      if (part == null) {
        continue;
      }
      if (sum == null) {
        sum = part.clone();
      } else {
        addInto(sum, 0, part, 0, part.length);
      }
    }
    return sum;
  }

  /** {@code out[outOff + j] = sum over rows of g[r * ld + col + j]} for {@code j < n}. */
  static void columnSums(float[] g, int rows, int ld, int col, int n, float[] out, int outOff) {
    float[] acc = new float[n];
    for (int r = 0; r < rows; r++) {
      addInto(acc, 0, g, r * ld + col, n);
    }
    System.arraycopy(acc, 0, out, outOff, n);
  }

  /** {@code out = a^T @ b} over {@code rows} rows: a weight gradient summed over all steps. */
  static void transposedProduct(float[] a, int aOff, int lda, int aCols, float[] b, int bOff,
      int ldb, int bCols, int rows, float[] out, int outOff, int ldo) {
    SummedProduct.compute(a, aOff, lda, b, bOff, ldb, rows, aCols, bCols, 0f, out, outOff, ldo);
  }

  /**
   * Wraps up a backward pass from the gradients of the input-side pre-activations {@code dgx
   * (batch * time, ng)}: the kernel's gradient and, when asked, the inputs' gradient, each one
   * GEMM over all steps; the recurrent kernel's and the bias's come ready from the cell.
   */
  static RecurrentGradients finish(RecurrentTrace tr, float[] dgx, int ng, float[] dRecurrent,
      float[] dBias, Shape biasShape, boolean inputsGradient, Tensor[] dStates) {
    return finish(tr, dgx, ng, tr.inputs.kernelGradient(dgx, ng), dRecurrent, dBias, biasShape,
        inputsGradient, dStates);
  }

  /** {@link #finish}, with the kernel's gradient {@code dw} already summed. */
  static RecurrentGradients finish(RecurrentTrace tr, float[] dgx, int ng, float[] dw,
      float[] dRecurrent, float[] dBias, Shape biasShape, boolean inputsGradient,
      Tensor[] dStates) {
    int nf = tr.features;
    Tensor[] dx = !inputsGradient ? null : tr.inputs.inputGradients(dgx, ng, tr.kernel);
    return new RecurrentGradients(dx, dStates, Tensor.wrap(dw, Shape.of(nf, ng)),
        Tensor.wrap(dRecurrent, Shape.of(tr.units, dRecurrent.length / tr.units)),
        tr.hasBias ? Tensor.wrap(dBias, biasShape) : null);
  }

  /** The gradient of a recurrent kernel {@code hPrev^T @ dgh} and of a bias {@code sum(dgx)}. */
  static float[] recurrentKernelGradient(RecurrentTrace tr, float[] dgh, int ng) {
    float[] du = new float[tr.units * ng];
    transposedProduct(tr.hPrev, 0, tr.units, tr.units, dgh, 0, ng, ng, tr.batch * tr.time, du, 0,
        ng);
    return du;
  }

  /** {@code a[aOff, aOff + n) += b[bOff, bOff + n) + c[cOff, cOff + n)}. */
  static void addInto(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int n) {
    var s = GateMath.S;
    int j = 0;
    for (int end = s.loopBound(n); j < end; j += GateMath.L) {
      FloatVector.fromArray(s, a, aOff + j).add(FloatVector.fromArray(s, b, bOff + j))
          .add(FloatVector.fromArray(s, c, cOff + j)).intoArray(a, aOff + j);
    }
    for (; j < n; j++) {
      a[aOff + j] += b[bOff + j] + c[cOff + j];
    }
  }

  /** {@code a[aOff, aOff + n) += b[bOff, bOff + n)}. */
  static void addInto(float[] a, int aOff, float[] b, int bOff, int n) {
    var s = GateMath.S;
    int j = 0;
    for (int end = s.loopBound(n); j < end; j += GateMath.L) {
      FloatVector.fromArray(s, a, aOff + j).add(FloatVector.fromArray(s, b, bOff + j))
          .intoArray(a, aOff + j);
    }
    for (; j < n; j++) {
      a[aOff + j] += b[bOff + j];
    }
  }
}
