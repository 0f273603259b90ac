package org.jkeras.backend;

/** Flattens rectangular nested Java arrays into tensors, rejecting ragged ones. */
final class NestedArrays {
  private NestedArrays() {}

  static Tensor toTensor(Object nested) {
    int[] dims = dimsOf(nested);
    Shape shape = Shape.of(dims);
    float[] out = new float[shape.sizeAsInt()];
    int[] pos = {0};
    fill(nested, dims, 0, out, pos);
    return Tensor.wrap(out, shape);
  }

  private static int[] dimsOf(Object nested) {
    java.util.List<Integer> dims = new java.util.ArrayList<>();
    Object cur = nested;
    while (cur instanceof Object[] arr) {
      dims.add(arr.length);
      if (arr.length == 0) {
        throw new JKerasException("Cannot make a tensor from an empty nested array.");
      }
      cur = arr[0];
    }
    if (!(cur instanceof float[] leaf)) {
      throw new JKerasException("Nested arrays must end in float[].");
    }
    dims.add(leaf.length);
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void fill(Object node, int[] dims, int depth, float[] out, int[] pos) {
    if (depth == dims.length - 1) {
      float[] leaf = (float[]) node;
      if (leaf.length != dims[depth]) {
        throw ragged(dims, depth, leaf.length);
      }
      System.arraycopy(leaf, 0, out, pos[0], leaf.length);
      pos[0] += leaf.length;
      return;
    }
    Object[] arr = (Object[]) node;
    if (arr.length != dims[depth]) {
      throw ragged(dims, depth, arr.length);
    }
    for (Object child : arr) {
      fill(child, dims, depth + 1, out, pos);
    }
  }

  private static JKerasException ragged(int[] dims, int depth, int got) {
    return new JKerasException(
        "Ragged nested array: axis " + depth + " should have length " + dims[depth]
            + " (from the first element) but one row has " + got + ".");
  }
}
