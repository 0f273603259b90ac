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
 * data; checks that every array has the same number of samples. Float batches are copied into
 * buffers reused from batch to batch (a fresh array per batch would be pure allocation cost), so
 * a batch is valid until the next {@link #get}: the training loop uses one batch at a time.
 */
final class ArrayData implements DataSource {
  private final List<Tensor> x;
  private final List<Tensor> y;
  private final Tensor sampleWeight;
  private final int batchSize;
  private final boolean shuffle;
  private final SeedGenerator seeds;
  private final int samples;
  private int[] order;
  private boolean passStarted;
  /** The seed stream's position before the current order was drawn. */
  private long orderState;
  /** Per source array, the buffer its batches are copied into. */
  private final java.util.IdentityHashMap<Tensor, float[]> buffers =
      new java.util.IdentityHashMap<>();

  ArrayData(List<Tensor> x, List<Tensor> y, Tensor sampleWeight, int batchSize, boolean shuffle,
      SeedGenerator seeds) {
    if (batchSize < 1) {
      throw new JKerasException("batch_size must be a positive integer, got " + batchSize + ".");
    }
    this.x = x;
    this.y = y;
    this.sampleWeight = sampleWeight;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seeds = seeds;
    this.samples = checkSampleCounts(x, y, sampleWeight);
    reorder();
  }

  static int checkSampleCounts(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    if (x == null) {
      throw new JKerasException("No input data (x) was given. Pass a Tensor, a List<Tensor> or a"
          + " Map<String, Tensor> by input name.");
    }
    List<String> parts = new ArrayList<>();
    int n = -1;
    boolean mismatch = false;
    List<Tensor> all = new ArrayList<>(x);
    if (y != null) {
      all.addAll(y);
    }
    if (sampleWeight != null) {
      all.add(sampleWeight);
    }
    for (int i = 0; i < all.size(); i++) {
      Tensor t = all.get(i);
      if (t.rank() == 0) {
        throw new JKerasException("Data arrays need a sample axis; got a scalar.");
      }
      int count = t.shape().dim(0);
      String role = i < x.size() ? "x[" + i + "]" : y != null && i < x.size() + y.size()
          ? "y[" + (i - x.size()) + "]" : "sample_weight";
      parts.add(role + " " + t.shape());
      if (n < 0) {
        n = count;
      } else if (count != n) {
        mismatch = true;
      }
    }
    if (mismatch) {
      throw new JKerasException("Data cardinality is ambiguous: make sure all arrays contain the"
          + " same number of samples. Received: " + String.join(", ", parts) + ".");
    }
    if (n == 0) {
      throw new JKerasException("The data is empty: got 0 samples (" + String.join(", ", parts)
          + ").");
    }
    return n;
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
    Tensor idx = Tensor.wrapInts(ids, Shape.of(ids.length));
    return new Batch(rows(x, idx, ids, from, to), y == null ? null : rows(y, idx, ids, from, to),
        sampleWeight == null ? null
            : rows(List.of(sampleWeight), idx, ids, from, to).get(0));
  }

  private List<Tensor> rows(List<Tensor> arrays, Tensor idx, int[] ids, int from, int to) {
    List<Tensor> out = new ArrayList<>(arrays.size());
    for (Tensor a : arrays) {
      if (a.dtype() == org.jkeras.backend.DType.FLOAT32 && a.rank() > 0) {
        out.add(rowsIntoBuffer(a, ids, from, to));
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

  /** Rows {@code from..to} (or {@code ids} when shuffling) of {@code a}, in its reused buffer. */
  private Tensor rowsIntoBuffer(Tensor a, int[] ids, int from, int to) {
    int rowLength = a.shape().dim(0) == 0 ? 0 : a.size() / a.shape().dim(0);
    int n = to - from;
    float[] buffer = buffers.get(a);
    if (buffer == null || buffer.length != n * rowLength) {
      buffer = new float[n * rowLength];
      buffers.put(a, buffer);
    }
    org.jkeras.backend.Backend.current().arrays().copyRows(a, shuffle ? ids : null, from, n,
        buffer);
    int[] dims = a.shape().dims();
    dims[0] = n;
    return Tensor.wrap(buffer, Shape.of(dims));
  }

  /** The first {@code at} samples and the rest, in order (Keras's validation split). */
  static List<List<Tensor>> splitAt(List<Tensor> arrays, int at) {
    List<Tensor> head = new ArrayList<>();
    List<Tensor> tail = new ArrayList<>();
    for (Tensor a : arrays) {
      int[] start = new int[a.rank()];
      int[] size = a.shape().dims();
      size[0] = at;
      head.add(IndexingOps.slice(a, start, size));
      start[0] = at;
      size[0] = a.shape().dim(0) - at;
      tail.add(IndexingOps.slice(a, start, size));
    }
    return List.of(head, tail);
  }
}
