package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.IndexingOps;

/**
 * In-memory arrays cut into batches along axis 0, optionally reshuffled for every pass over the
 * data; checks that every array has the same number of samples. Float batches are views of the
 * arrays' rows ({@link Tensor#rowsView}), never copies of them: a fresh array per batch would be
 * pure allocation and copying cost, for long sequences tens of megabytes a step.
 */
final class ArrayData implements DataSource {
  private final List<Tensor> x;
  private final List<Tensor> y;
  private final Tensor sampleWeight;
  private final int batchSize;
  private final boolean shuffle;
  private final SeedGenerator seeds;
  private final int samples;
  /** The first sample of the arrays that this source serves. */
  private final int first;
  private int[] order;
  private boolean passStarted;
  /** The seed stream's position before the current order was drawn. */
  private long orderState;

  ArrayData(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize, boolean shuffle,
      SeedGenerator seeds) {
    this(x, y, sampleWeight, batchSize, shuffle, seeds, 0, -1);
  }

  /**
   * Batches over samples {@code [first, first + count)} of the arrays only ({@code count} -1:
   * all from {@code first}), read in place: how a validation split shares the caller's arrays
   * instead of copying both parts.
   */
  ArrayData(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize, boolean shuffle,
      SeedGenerator seeds, int first, int count) {
    if (batchSize < 1) {
      throw new JKerasException("batch_size must be a positive integer, got " + batchSize + ".");
    }
    this.x = x;
    this.y = y;
    this.sampleWeight = sampleWeight;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seeds = seeds;
    int all = checkSampleCounts(x, y, sampleWeight);
    if (first < 0 || first > all || count > all - first) {
      throw new IllegalArgumentException("samples [" + first + ", " + first + " + " + count
          + ") outside the " + all + " given");
    }
    this.first = first;
    this.samples = count < 0 ? all - first : count;
    reorder();
  }

  static int checkSampleCounts(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    if (x == null) {
      throw new JKerasException("No input data (x) was given. Pass a Tensor, a List<Tensor> or a"
          + " Map<String, Tensor> by input name.");
    }
    List<Tensor> all = new ArrayList<>(x);
    if (y != null) {
      all.addAll(y);
    }
    if (sampleWeight != null) {
      all.add(sampleWeight);
    }
    int n = -1;
    boolean mismatch = false;
    for (Tensor t : all) {
      if (t.rank() == 0) {
        throw new JKerasException("Data arrays need a sample axis; got a scalar.");
      }
      int count = t.shape().dim(0);
      if (n < 0) {
        n = count;
      } else if (count != n) {
        mismatch = true;
      }
    }
    if (mismatch) {
      throw new JKerasException("Data cardinality is ambiguous: make sure all arrays contain the"
          + " same number of samples. Received: " + describe(x, y, all) + ".");
    }
    if (n == 0) {
      throw new JKerasException("The data is empty: got 0 samples (" + describe(x, y, all)
          + ").");
    }
    return n;
  }

  /** Each array's role and shape, for messages (built only when one is thrown: per batch). */
  private static String describe(List<Tensor> x, List<Tensor> y, List<Tensor> all) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String role = i < x.size() ? "x[" + i + "]" : y != null && i < x.size() + y.size()
          ? "y[" + (i - x.size()) + "]" : "sample_weight";
      parts.add(role + " " + all.get(i).shape());
    }
    return String.join(", ", parts);
  }

  int samples() {
    return samples;
  }

  private void reorder() {
    order = new int[samples];
    for (int i = 0; i < samples; i++) {
      order[i] = i;
    }
    if (shuffle) {
      orderState = seeds.state();
      java.util.SplittableRandom r = new java.util.SplittableRandom(seeds.next());
      for (int i = samples - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  }

  @Override
  public int size() {
    return (samples + batchSize - 1) / batchSize;
  }

  /** The current order's seed position and whether its pass has begun. */
  @Override
  public long[] randomState() {
    return shuffle ? new long[] {orderState, passStarted ? 1 : 0} : new long[0];
  }

  @Override
  public void restoreRandomState(long[] state) {
    if (!shuffle) {
      return;
    }
    if (state == null || state.length != 2) {
      throw new JKerasException("Cannot restore the shuffling of the training data from "
          + java.util.Arrays.toString(state) + ": expected [seed position, pass started]"
          + " as saved by a fit that shuffled.");
    }
    seeds.setState(state[0]);
    reorder();
    passStarted = state[1] != 0;
  }

  /** A new pass over the data (batch 0 again) gets a new order, as Keras's fresh iterator. */
  @Override
  public Batch get(int index) {
    if (index == 0) {
      if (passStarted && shuffle) {
        reorder();
      }
      passStarted = true;
    }
    int from = index * batchSize;
    int to = Math.min(samples, from + batchSize);
    int[] ids = java.util.Arrays.copyOfRange(order, from, to);
    for (int i = 0; i < ids.length; i++) {
      ids[i] += first;
    }
    Tensor idx = Tensor.wrapInts(ids, Shape.of(ids.length));
    int start = first + from;
    int end = first + to;
    return new Batch(rows(x, idx, ids, start, end),
        y == null ? null : rows(y, idx, ids, start, end),
        sampleWeight == null ? null
            : rows(List.of(sampleWeight), idx, ids, start, end).get(0));
  }

  private List<Tensor> rows(List<Tensor> arrays, Tensor idx, int[] ids, int from, int to) {
    List<Tensor> out = new ArrayList<>(arrays.size());
    for (Tensor a : arrays) {
      if (a.dtype() == org.jkeras.backend.DType.FLOAT32 && a.rank() > 0) {
        // Served in place: kernels that can read the rows where they lie do (a recurrent
        // layer's input projection, and Dense for rows in order), others copy them on first use.
        out.add(shuffle ? Tensor.rowsView(a, ids) : Tensor.rowsView(a, from, to - from));
      } else if (!shuffle) {
        int[] start = new int[a.rank()];
        int[] size = a.shape().dims();
        start[0] = from;
        size[0] = to - from;
        out.add(IndexingOps.slice(a, start, size));
      } else {
        out.add(IndexingOps.take(a, idx, 0));
      }
    }
    return out;
  }
}
