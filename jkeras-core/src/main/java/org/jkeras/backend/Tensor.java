package org.jkeras.backend;

import java.util.Arrays;

/**
 * A dense n-dimensional array in row-major order: float32, int32 or int64.
 *
 * <p>Data lives in one Java array ({@code float[]}, {@code int[]} or {@code long[]}). The CPU
 * backend hands that array to OpenBLAS through the FFM API as a heap segment in a critical call,
 * so native kernels read it in place with no copy; Vector API kernels read it directly too. A
 * row view ({@link #rowsView}, a batch of the caller's rows) shares a part of another tensor's
 * array instead.
 *
 * <p>Tensors are values: ops never change their inputs. {@link Variable} is the mutable kind.
 */
public class Tensor {
  private final Shape shape;
  private final DType dtype;
  /** The float data; null for an int tensor or a row view. */
  private final float[] floats;
  private final int[] ints;
  private final long[] longs;
  /** For a row view ({@link #rowsView}): the array that holds its data, from {@link #viewOffset}. */
  private final float[] viewArray;
  private final int viewOffset;
  /**
   * For a view of chosen rows (a shuffled batch): which rows of the array, each {@code size() /
   * dim(0)} floats from {@link #viewOffset}; null for a view of consecutive rows.
   */
  private final int[] viewRows;
  /** A row view's data copied out, made by the first {@link #floatData} call. */
  private ViewCopy viewCopy;

  /**
   * Immutable, so a copy made by one thread is seen whole by any other. A copy made inside a
   * step ({@code arena} not null) may be a reused array, valid only until that step ends.
   */
  private record ViewCopy(float[] data, StepArena arena, long step) {
    boolean valid() {
      return arena == null || arena.endedSteps() == step;
    }
  }

  /** Wraps (does not copy) a float array. Internal: prefer the {@code of} factories. */
  protected Tensor(Shape shape, float[] data) {
    this(shape, DType.FLOAT32, data, null, null);
  }

  private Tensor(Shape shape, DType dtype, float[] f, int[] i, long[] l) {
    this(shape, dtype, f, i, l, null, 0, null);
  }

  private Tensor(Shape shape, DType dtype, float[] f, int[] i, long[] l, float[] view,
      int viewOffset, int[] viewRows) {
    if (!shape.isFullyDefined()) {
      throw new JKerasException("A concrete tensor needs a fully defined shape, got " + shape + ".");
    }
    long n = shape.size();
    long len = f != null ? f.length : i != null ? i.length : l != null ? l.length
        : view.length - (long) viewOffset;
    if (view != null ? viewRows == null && n > len || viewOffset < 0 : n != len) {
      throw new JKerasException(
          "Shape " + shape + " needs " + n + " elements but the data has " + len + ".");
    }
    this.shape = shape;
    this.dtype = dtype;
    this.floats = f;
    this.ints = i;
    this.longs = l;
    this.viewArray = view;
    this.viewOffset = viewOffset;
    this.viewRows = viewRows;
  }

  // ---- creation ------------------------------------------------------------------------------

  /** A float32 tensor over {@code data} (not copied) with the given shape. */
  public static Tensor wrap(float[] data, Shape shape) {
    return new Tensor(shape, DType.FLOAT32, data, null, null);
  }

  /**
   * Internal: rows {@code [from, from + count)} of a float32 tensor (along axis 0), sharing its
   * storage: a batch served in place. Kernels that can read it where it lies do so through
   * {@link #floatStorage} and {@link #storageOffset}; {@link #floatData} gives them a copy, made
   * on first use. Valid while the source's data does not change.
   */
  public static Tensor rowsView(Tensor source, int from, int count) {
    source.requireDType(DType.FLOAT32);
    int n = source.shape.dim(0);
    if (from < 0 || count < 0 || from + count > n) {
      throw new IllegalArgumentException("rows [" + from + ", " + (from + count)
          + ") outside the " + n + " of " + source.shape);
    }
    int rowLength = n == 0 ? 0 : source.size() / n;
    int[] dims = source.shape.dims();
    dims[0] = count;
    return new Tensor(Shape.of(dims), DType.FLOAT32, null, null, null, source.floatStorage(),
        source.storageOffset() + from * rowLength, null);
  }

  /**
   * Internal: the given rows of a float32 tensor (along axis 0), in that order, without copying
   * them: a shuffled batch. Kernels that can read rows where they lie do so through {@link
   * #gatheredRows}; {@link #floatData} gives the others a copy, made on first use. Valid while
   * the source's data does not change.
   */
  public static Tensor rowsView(Tensor source, int[] rows) {
    source.requireDType(DType.FLOAT32);
    int n = source.shape.dim(0);
    for (int r : rows) {
      java.util.Objects.checkIndex(r, n);
    }
    int[] dims = source.shape.dims();
    dims[0] = rows.length;
    return new Tensor(Shape.of(dims), DType.FLOAT32, null, null, null, source.floatStorage(),
        source.storageOffset(), rows.clone());
  }

  /** An int32 tensor over {@code data} (not copied). */
  public static Tensor wrapInts(int[] data, Shape shape) {
    return new Tensor(shape, DType.INT32, null, data, null);
  }

  /** A bool tensor over {@code data} (not copied), which must hold only 0 and 1. */
  public static Tensor wrapBools(int[] data, Shape shape) {
    return new Tensor(shape, DType.BOOL, null, data, null);
  }

  /** A bool tensor from flat data and a shape. */
  public static Tensor ofBools(boolean[] data, int... shape) {
    int[] d = new int[data.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = data[k] ? 1 : 0;
    }
    return wrapBools(d, Shape.of(shape));
  }

  /** An int64 tensor over {@code data} (not copied). */
  public static Tensor wrapLongs(long[] data, Shape shape) {
    return new Tensor(shape, DType.INT64, null, null, data);
  }

  /** A float32 tensor from flat row-major data (copied) and a shape. */
  public static Tensor of(float[] data, int... shape) {
    return wrap(data.clone(), Shape.of(shape));
  }

  /** A float32 scalar. */
  public static Tensor scalar(float value) {
    return wrap(new float[] {value}, Shape.scalar());
  }

  /** A 1-D float32 tensor. */
  public static Tensor of(float[] values) {
    return of(values, values.length);
  }

  public static Tensor of(float[][] values) {
    return NestedArrays.toTensor(values);
  }

  public static Tensor of(float[][][] values) {
    return NestedArrays.toTensor(values);
  }

  public static Tensor of(float[][][][] values) {
    return NestedArrays.toTensor(values);
  }

  public static Tensor of(float[][][][][] values) {
    return NestedArrays.toTensor(values);
  }

  /** An int32 tensor from flat data (copied) and a shape. */
  public static Tensor ofInts(int[] data, int... shape) {
    return wrapInts(data.clone(), Shape.of(shape));
  }

  /** An int64 tensor from flat data (copied) and a shape. */
  public static Tensor ofLongs(long[] data, int... shape) {
    return wrapLongs(data.clone(), Shape.of(shape));
  }

  public static Tensor zeros(int... shape) {
    return zeros(Shape.of(shape), DType.FLOAT32);
  }

  public static Tensor zeros(Shape shape) {
    return zeros(shape, DType.FLOAT32);
  }

  public static Tensor zeros(Shape shape, DType dtype) {
    int n = shape.sizeAsInt();
    return switch (dtype) {
      case FLOAT32 -> wrap(new float[n], shape);
      case INT32 -> wrapInts(new int[n], shape);
      case INT64 -> wrapLongs(new long[n], shape);
      case BOOL -> wrapBools(new int[n], shape);
    };
  }

  public static Tensor ones(int... shape) {
    return full(Shape.of(shape), 1f);
  }

  public static Tensor ones(Shape shape) {
    return full(shape, 1f);
  }

  public static Tensor full(Shape shape, float value) {
    float[] d = new float[shape.sizeAsInt()];
    Arrays.fill(d, value);
    return wrap(d, shape);
  }

  /** Normally distributed float32 values; the same seed gives the same values on every run. */
  public static Tensor randomNormal(Shape shape, float mean, float stddev, long seed) {
    return wrap(SeededRandom.normal(shape.sizeAsInt(), mean, stddev, seed), shape);
  }

  /** Uniform float32 values in {@code [min, max)}; the same seed gives the same values. */
  public static Tensor randomUniform(Shape shape, float min, float max, long seed) {
    return wrap(SeededRandom.uniform(shape.sizeAsInt(), min, max, seed), shape);
  }

  // ---- description ---------------------------------------------------------------------------

  public Shape shape() {
    return shape;
  }

  public DType dtype() {
    return dtype;
  }

  public int rank() {
    return shape.rank();
  }

  /** The number of elements. */
  public int size() {
    return floats != null ? floats.length : ints != null ? ints.length : longs != null
        ? longs.length : shape.sizeAsInt();
  }

  // ---- element access ------------------------------------------------------------------------

  /** A copy of the data as floats (integer tensors are converted). */
  public float[] toFloatArray() {
    return switch (dtype) {
      case FLOAT32 -> floats != null ? floats.clone()
          : viewRows != null ? gather(new float[size()])
          : Arrays.copyOfRange(viewArray, viewOffset, viewOffset + size());
      case INT32, BOOL -> {
        float[] r = new float[ints.length];
        for (int k = 0; k < r.length; k++) {
          r[k] = ints[k];
        }
        yield r;
      }
      case INT64 -> {
        float[] r = new float[longs.length];
        for (int k = 0; k < r.length; k++) {
          r[k] = longs[k];
        }
        yield r;
      }
    };
  }

  /** A copy of the data as ints; float32 data is truncated toward zero, int64 narrowed. */
  public int[] toIntArray() {
    return switch (dtype) {
      case INT32, BOOL -> ints.clone();
      case FLOAT32 -> {
        int[] r = new int[size()];
        for (int k = 0; k < r.length; k++) {
          r[k] = (int) getFlat(k);
        }
        yield r;
      }
      case INT64 -> {
        int[] r = new int[longs.length];
        for (int k = 0; k < r.length; k++) {
          r[k] = (int) longs[k];
        }
        yield r;
      }
    };
  }

  /** A copy of the data as longs. */
  public long[] toLongArray() {
    long[] r = new long[size()];
    for (int k = 0; k < r.length; k++) {
      r[k] = (long) getFlat(k);
    }
    return r;
  }

  /** The element at a full index, as a float (for any dtype). */
  public float getFloat(int... index) {
    return (float) getFlat(flatIndex(index));
  }

  /** The element at a full index of an int32 or int64 tensor. */
  public long getLong(int... index) {
    int k = flatIndex(index);
    return switch (dtype) {
      case INT32, BOOL -> ints[k];
      case INT64 -> longs[k];
      case FLOAT32 -> (long) getFlat(k);
    };
  }

  /** The element at a flat row-major position, as a double. */
  public double getFlat(int position) {
    return switch (dtype) {
      case FLOAT32 -> floats != null ? floats[position] : viewElement(position);
      case INT32, BOOL -> ints[position];
      case INT64 -> longs[position];
    };
  }

  /** The single value of a tensor with one element. */
  public float item() {
    if (size() != 1) {
      throw new JKerasException(
          "item() needs a tensor with one element, this one has shape " + shape + ".");
    }
    return (float) getFlat(0);
  }

  private int flatIndex(int[] index) {
    if (index.length != shape.rank()) {
      throw new JKerasException(
          "Index " + Arrays.toString(index) + " has " + index.length
              + " coordinates but the tensor has rank " + shape.rank() + " (shape " + shape + ").");
    }
    int flat = 0;
    for (int a = 0; a < index.length; a++) {
      int d = shape.dim(a);
      int i = index[a] < 0 ? index[a] + d : index[a];
      if (i < 0 || i >= d) {
        throw new JKerasException(
            "Index " + Arrays.toString(index) + " is out of bounds for shape " + shape + ".");
      }
      flat = flat * d + i;
    }
    return flat;
  }

  // ---- storage, for kernels ------------------------------------------------------------------

  /**
   * Internal: the backing float array, read and written in place by backend kernels. Writing to
   * it outside the backend bypasses autodiff; use ops instead.
   */
  public float[] floatData() {
    requireDType(DType.FLOAT32);
    return floats != null ? floats : viewData();
  }

  private float viewElement(int position) {
    java.util.Objects.checkIndex(position, size());
    if (viewRows == null) {
      return viewArray[viewOffset + position];
    }
    int rowLength = size() / viewRows.length;
    int row = position / rowLength;
    return viewArray[viewOffset + viewRows[row] * rowLength + position - row * rowLength];
  }

  /** A view of chosen rows copied into {@code out}, row by row. */
  private float[] gather(float[] out) {
    int rowLength = viewRows.length == 0 ? 0 : out.length / viewRows.length;
    for (int r = 0; r < viewRows.length; r++) {
      System.arraycopy(viewArray, viewOffset + viewRows[r] * rowLength, out, r * rowLength,
          rowLength);
    }
    return out;
  }

  /** A row view's data as an array of its own (from the step's arena inside a step). */
  private float[] viewData() {
    ViewCopy c = viewCopy;
    if (c == null || !c.valid()) {
      StepArena arena = StepArena.active();
      float[] data = StepArena.floats(size());
      if (viewRows != null) {
        gather(data);
      } else {
        System.arraycopy(viewArray, viewOffset, data, 0, data.length);
      }
      c = new ViewCopy(data, arena, arena == null ? 0 : arena.endedSteps());
      viewCopy = c;
    }
    return c.data();
  }

  /**
   * Internal: the array that holds this float32 tensor's elements, from {@link #storageOffset}:
   * its own, or for a row view its source's, read in place without a copy.
   */
  public float[] floatStorage() {
    requireDType(DType.FLOAT32);
    return floats != null ? floats : viewRows != null ? floatData() : viewArray;
  }

  /** Internal: where this tensor's first element lies in {@link #floatStorage}. */
  public int storageOffset() {
    return floats != null || viewRows != null ? 0 : viewOffset;
  }

  /**
   * Internal: for a view of chosen rows ({@link #rowsView(Tensor, int[])}), which rows of {@link
   * #gatheredStorage} it holds, each {@code size() / dim(0)} floats from {@link
   * #gatheredOffset}; null for any other tensor.
   */
  public int[] gatheredRows() {
    return viewRows;
  }

  /** Internal: the array the rows of {@link #gatheredRows} lie in. */
  public float[] gatheredStorage() {
    return viewArray;
  }

  /** Internal: where row 0 of {@link #gatheredStorage} starts. */
  public int gatheredOffset() {
    return viewOffset;
  }

  /** Internal: the backing int array of an int32 tensor, or the 0/1 ints of a bool tensor. */
  public int[] intData() {
    if (dtype != DType.BOOL) {
      requireDType(DType.INT32);
    }
    return ints;
  }

  /** The element at a full index of a bool tensor. */
  public boolean getBoolean(int... index) {
    requireDType(DType.BOOL);
    return ints[flatIndex(index)] != 0;
  }

  /** Internal: the backing long array of an int64 tensor. */
  public long[] longData() {
    requireDType(DType.INT64);
    return longs;
  }

  /**
   * Internal: a tensor sharing this one's storage under another shape of the same size (for
   * reshape-like ops, which never copy).
   */
  public Tensor withShape(Shape newShape) {
    if (newShape.size() != size()) {
      throw new JKerasException("Cannot view a tensor of shape " + shape + " as shape " + newShape
          + ": the element counts differ.");
    }
    if (viewRows != null && (newShape.rank() == 0 || newShape.dim(0) != shape.dim(0))) {
      // Another row structure: the chosen rows no longer map to rows of the new shape.
      return new Tensor(newShape, dtype, floatData(), null, null);
    }
    return new Tensor(newShape, dtype, floats, ints, longs, viewArray, viewOffset, viewRows);
  }

  /** Throws a clear error unless this tensor has the given dtype. */
  public void requireDType(DType expected) {
    if (dtype != expected) {
      throw new JKerasException(
          "Expected a " + expected + " tensor but got " + dtype + " with shape " + shape + ".");
    }
  }

  @Override
  public String toString() {
    return TensorFormatter.format(this);
  }
}
