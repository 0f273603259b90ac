package org.jkeras.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeras.backend.Backend;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/** Joining and splitting tensors, with gradients ({@code keras.ops} names); any dtype. */
public final class ConcatOps {
  private ConcatOps() {}

  /** The tensors joined along axis 0. */
  public static Tensor concatenate(List<Tensor> xs) {
    return concatenate(xs, 0);
  }

  /**
   * The tensors joined along {@code axis}: they must share dtype, rank and every dimension but
   * that axis.
   */
  public static Tensor concatenate(List<Tensor> xs, int axis) {
    if (xs.isEmpty()) {
      throw new JKerasException("concatenate: needs at least one tensor, got an empty list.");
    }
    Tensor first = xs.get(0);
    int a = Axes.normalize("concatenate", first.shape(), axis);
    for (int i = 1; i < xs.size(); i++) {
      Tensor x = xs.get(i);
      if (x.dtype() != first.dtype()) {
        throw new JKerasException("concatenate: input " + i + " has dtype " + x.dtype()
            + " but input 0 has dtype " + first.dtype() + "; convert them to one dtype first.");
      }
      String mismatch = mismatch(first.shape(), x.shape(), a);
      if (mismatch != null) {
        throw new IncompatibleShapesException("concatenate: input " + i + " has shape "
            + x.shape() + " but input 0 has shape " + first.shape() + "; all dimensions except"
            + " the concatenation axis " + a + " must match (" + mismatch + ").");
      }
    }
    Tensor y = xs.size() == 1 ? first.withShape(first.shape())
        : Backend.current().arrays().concatenate(xs, a);
    Tensor[] inputs = xs.toArray(new Tensor[0]);
    if (GradientTape.shouldRecord(inputs)) {
      GradientTape.record("concatenate", y, inputs, g -> {
        Tensor[] grads = new Tensor[inputs.length];
        int[] start = new int[g.rank()];
        for (int i = 0; i < inputs.length; i++) {
          if (inputs[i].dtype() == DType.FLOAT32) {
            grads[i] = Backend.current().arrays().slice(g, start.clone(), inputs[i].shape());
          }
          start[a] += inputs[i].shape().dim(a);
        }
        return grads;
      });
    }
    return y;
  }

  /** Why {@code s} cannot join {@code ref} along {@code axis}, or null if it can. */
  private static String mismatch(Shape ref, Shape s, int axis) {
    if (s.rank() != ref.rank()) {
      return "the ranks differ: " + s.rank() + " vs " + ref.rank();
    }
    for (int d = 0; d < ref.rank(); d++) {
      if (d != axis && s.dim(d) != ref.dim(d)) {
        return "they differ at axis " + d + ": " + s.dim(d) + " vs " + ref.dim(d);
      }
    }
    return null;
  }

  /** The tensors stacked along a new axis 0. */
  public static Tensor stack(List<Tensor> xs) {
    return stack(xs, 0);
  }

  /** The tensors (all of one shape) stacked along a new axis at {@code axis}. */
  public static Tensor stack(List<Tensor> xs, int axis) {
    if (xs.isEmpty()) {
      throw new JKerasException("stack: needs at least one tensor, got an empty list.");
    }
    Shape s0 = xs.get(0).shape();
    int a = Axes.normalize("stack", s0, axis, s0.rank() + 1);
    List<Tensor> expanded = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      if (!xs.get(i).shape().equals(s0)) {
        throw new IncompatibleShapesException("stack: input " + i + " has shape "
            + xs.get(i).shape() + " but input 0 has shape " + s0
            + "; stack needs tensors of one shape.");
      }
      expanded.add(ArrayOps.expandDims(xs.get(i), a));
    }
    return concatenate(expanded, a);
  }

  /** {@code x} split along axis 0 into {@code sections} equal parts. */
  public static List<Tensor> split(Tensor x, int sections) {
    return split(x, sections, 0);
  }

  /** {@code x} split along {@code axis} into {@code sections} equal parts. */
  public static List<Tensor> split(Tensor x, int sections, int axis) {
    int a = Axes.normalize("split", x.shape(), axis);
    int n = x.shape().dim(a);
    if (sections <= 0 || n % sections != 0) {
      throw new JKerasException("split: cannot split axis " + a + " of shape " + x.shape()
          + " (size " + n + ") into " + sections + " equal sections; give a positive number of"
          + " sections that divides " + n + ", or split indices.");
    }
    int[] indices = new int[sections - 1];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = (i + 1) * (n / sections);
    }
    return split(x, indices, a);
  }

  /**
   * {@code x} split along {@code axis} before each of the ascending {@code indices}: {@code
   * indices.length + 1} parts, like numpy's {@code split} (indices past the end give empty parts).
   */
  public static List<Tensor> split(Tensor x, int[] indices, int axis) {
    int a = Axes.normalize("split", x.shape(), axis);
    int n = x.shape().dim(a);
    int[] bounds = new int[indices.length + 2];
    bounds[indices.length + 1] = n;
    for (int i = 0; i < indices.length; i++) {
      int b = indices[i] < 0 ? indices[i] + n : indices[i];
      bounds[i + 1] = Math.max(0, Math.min(n, b));
      if (bounds[i + 1] < bounds[i]) {
        throw new JKerasException("split: indices " + Arrays.toString(indices)
            + " must be ascending (after counting negative ones from the end of size " + n
            + ").");
      }
    }
    Tensor[] parts = new Tensor[indices.length + 1];
    int[] start = new int[x.rank()];
    for (int i = 0; i < parts.length; i++) {
      start[a] = bounds[i];
      parts[i] = Backend.current().arrays().slice(x, start.clone(),
          x.shape().withDim(a, bounds[i + 1] - bounds[i]));
    }
    if (GradientTape.shouldRecord(x)) {
      GradientTape.record("split", parts, new Tensor[] {x},
          g -> new Tensor[] {Backend.current().arrays().concatenate(List.of(g), a)});
    }
    return List.of(parts);
  }
}
