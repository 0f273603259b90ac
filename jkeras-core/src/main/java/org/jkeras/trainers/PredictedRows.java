package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ConcatOps;

/**
 * {@code predict}'s outputs over all samples, filled batch by batch. A float output is copied
 * into one array of all rows, allocated at the first batch: keeping every batch's output and
 * concatenating at the end would hold the whole output twice at the peak. The copy also detaches
 * an output from the step's arrays, which the next batch reuses, and from the caller's rows it
 * may share (a view of the input). Other dtypes (whose outputs never share those), and outputs
 * that do not have one row per sample, are joined at the end as before.
 */
final class PredictedRows {
  private final int samples;
  private final List<float[]> rows = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();
  private final List<List<Tensor>> parts = new ArrayList<>();
  private int filled;

  PredictedRows(int samples) {
    this.samples = samples;
  }

  /** One batch's outputs, for {@code batchRows} samples that follow the previous batch's. */
  void add(List<Tensor> outputs, int batchRows) {
    for (int i = 0; i < outputs.size(); i++) {
      Tensor out = outputs.get(i);
      if (rows.size() <= i) {
        boolean dense = out.dtype() == DType.FLOAT32 && out.rank() > 0
            && out.shape().dim(0) == batchRows;
        rows.add(dense ? new float[Math.toIntExact(rowsShape(out).size())] : null);
        shapes.add(dense ? rowsShape(out) : null);
        parts.add(new ArrayList<>());
      }
      if (rows.get(i) == null) {
        // Rows not per sample (a model's own choice): a float output is still copied, off the
        // step's reused arrays or the caller's rows it may share.
        parts.get(i).add(out.dtype() == DType.FLOAT32
            ? Tensor.wrap(out.toFloatArray(), out.shape()) : out);
      } else {
        copyRows(i, out, filled, batchRows);
      }
    }
    filled += batchRows;
  }

  /**
   * Whether every output seen so far (after the first batch: every output) is a float array with
   * a row per sample, copied into its place: then {@link #addAt} may fill batches in any order.
   */
  boolean rowsPerSample() {
    return !rows.isEmpty() && !rows.contains(null);
  }

  /**
   * A batch's outputs for samples {@code [first, first + batchRows)}, from any thread, once
   * {@link #rowsPerSample} holds: each batch writes only its own rows.
   */
  void addAt(List<Tensor> outputs, int first, int batchRows) {
    for (int i = 0; i < outputs.size(); i++) {
      copyRows(i, outputs.get(i), first, batchRows);
    }
  }

  /** Copies output {@code i} of a batch into its rows from sample {@code first} on. */
  private void copyRows(int i, Tensor out, int first, int batchRows) {
    if (out.dtype() != DType.FLOAT32 || !out.shape().equals(batchShape(i, batchRows))) {
      throw new IllegalStateException("predict's output " + i + " has shape " + out.shape()
          + " for a batch of " + batchRows + " samples, where " + batchShape(i, batchRows)
          + " was expected");
    }
    System.arraycopy(out.floatStorage(), out.storageOffset(), rows.get(i),
        first * (out.size() / batchRows), out.size());
  }

  /** The outputs over all samples, in output order. */
  List<Tensor> joined() {
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Tensor> p = parts.get(i);
      out.add(rows.get(i) != null ? Tensor.wrap(rows.get(i), shapes.get(i))
          : p.size() == 1 ? p.get(0) : ConcatOps.concatenate(p, 0));
    }
    if (out.get(0).shape().dim(0) != samples) {
      throw new IllegalStateException("predict produced " + out.get(0).shape().dim(0)
          + " rows for " + samples + " samples");
    }
    return out;
  }

  private Shape batchShape(int output, int batchRows) {
    int[] dims = shapes.get(output).dims();
    dims[0] = batchRows;
    return Shape.of(dims);
  }

  private Shape rowsShape(Tensor batch) {
    int[] dims = batch.shape().dims();
    dims[0] = samples;
    return Shape.of(dims);
  }
}
