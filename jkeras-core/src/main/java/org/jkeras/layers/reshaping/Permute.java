package org.jkeras.layers.reshaping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;

/**
 * Permutes the sample axes by {@code dims}, 1-based and without the batch axis as in Keras:
 * {@code Permute(2, 1)} swaps the two axes of {@code (batch, a, b)}.
 */
public class Permute extends Layer {
  private final int[] dims;

  public Permute(int... dims) {
    int[] sorted = dims.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        throw new JKerasException("Invalid permutation argument `dims` for Permute Layer. The set"
            + " of indices in `dims` must be consecutive and start from 1. Received dims="
            + Spatial.tuple(dims));
      }
    }
    this.dims = dims.clone();
    setInputSpec(InputSpec.ndim(dims.length + 1));
  }

  public int[] dims() {
    return dims.clone();
  }

  @Override
  public Permute name(String newName) {
    super.name(newName);
    return this;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] out = new int[dims.length + 1];
    out[0] = in.dim(0);
    for (int i = 0; i < dims.length; i++) {
      out[i + 1] = in.dim(dims[i]);
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    int[] axes = new int[dims.length + 1];
    System.arraycopy(dims, 0, axes, 1, dims.length);
    return List.of(ArrayOps.transpose(inputs.get(0), axes));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("dims", Config.intList(dims));
    return c;
  }

  /** A Permute layer from its Keras config. */
  public static Permute fromConfig(Config c) {
    Permute layer = new Permute(c.getInts("dims", 1, null, false));
    layer.applyBaseConfig(c);
    return layer;
  }
}
