package org.jkeras.layers.reshaping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;

/**
 * Reshapes each sample to {@code target_shape} (batch excluded); one entry may be -1 and is
 * inferred, as Keras's Reshape.
 */
public class Reshape extends Layer {
  private final int[] targetShape;

  public Reshape(int... targetShape) {
    if (targetShape == null) {
      throw new JKerasException("Reshape needs a target_shape; received null.");
    }
    for (int d : targetShape) {
      if (d < -1) {
        throw new JKerasException("Reshape: target_shape=" + Spatial.tuple(targetShape)
            + " has the dimension " + d + "; each entry must be 0 or more, or -1 (once) to be"
            + " inferred.");
      }
    }
    if (Arrays.stream(targetShape).filter(d -> d == -1).count() > 1) {
      throw new JKerasException("The `target_shape` argument must not contain more than one `-1`"
          + " value. Received: target_shape=" + Spatial.tuple(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  public int[] targetShape() {
    return targetShape.clone();
  }

  @Override
  public Reshape name(String newName) {
    super.name(newName);
    return this;
  }

  /** Keras's {@code compute_reshape_output_shape} on the sample shape. */
  private int[] resolve(int[] sample) {
    int[] out = targetShape.clone();
    if (Arrays.stream(sample).anyMatch(d -> d == Shape.UNKNOWN)) {
      return out;
    }
    long inputSize = 1;
    for (int d : sample) {
      inputSize *= d;
    }
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == -1) {
        unknown = i;
      } else {
        known *= out[i];
      }
    }
    if (unknown < 0) {
      if (inputSize != known) {
        throw new JKerasException("The total size of the tensor must be unchanged. Received:"
            + " input_shape=" + Spatial.tuple(sample) + ", target_shape="
            + Spatial.tuple(targetShape));
      }
      return out;
    }
    if (known == 0 || inputSize % known != 0) {
      throw new JKerasException("The total size of the tensor must be unchanged, however, the"
          + " input size cannot by divided by the specified dimensions in target_shape. Received:"
          + " input_shape=" + Spatial.tuple(sample) + ", target_shape="
          + Spatial.tuple(targetShape));
    }
    out[unknown] = (int) (inputSize / known);
    return out;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    int[] in = inputShapes.get(0).dims();
    int[] resolved = resolve(Arrays.copyOfRange(in, 1, in.length));
    int[] out = new int[resolved.length + 1];
    out[0] = in[0];
    System.arraycopy(resolved, 0, out, 1, resolved.length);
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(ArrayOps.reshape(x, computeOutputShapes(List.of(x.shape())).get(0)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("target_shape", Config.intList(targetShape));
    return c;
  }

  /** A Reshape layer from its Keras config. */
  public static Reshape fromConfig(Config c) {
    Reshape layer = new Reshape(c.getInts("target_shape", 1, null, false));
    layer.applyBaseConfig(c);
    return layer;
  }
}
