package org.jkeras.layers.pooling;

import java.util.List;
import java.util.Map;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ReductionOps;

/**
 * Max or mean over every spatial axis of a channels_last input (Keras's BaseGlobalPooling):
 * {@code (batch, ..., channels)} becomes {@code (batch, channels)}, or keeps the spatial axes
 * with size 1 when {@code keepdims}.
 */
public abstract class BaseGlobalPooling extends Layer {
  private final int rank;
  private final boolean max;
  private boolean keepdims;

  protected BaseGlobalPooling(int rank, boolean max) {
    this.rank = rank;
    this.max = max;
    setInputSpec(InputSpec.ndim(rank + 2));
  }

  protected void setKeepdims(boolean value) {
    requireUnbuilt("keepdims");
    keepdims = value;
  }

  public boolean keepdims() {
    return keepdims;
  }

  /** The spatial axes: 1 .. rank. */
  protected int[] spatialAxes() {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i + 1;
    }
    return axes;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    if (!keepdims) {
      return List.of(Shape.of(in.dim(0), in.dim(-1)));
    }
    int[] out = in.dims();
    for (int i = 1; i <= rank; i++) {
      out[i] = 1;
    }
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(max ? ReductionOps.max(x, spatialAxes(), keepdims)
        : ReductionOps.mean(x, spatialAxes(), keepdims));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", "channels_last");
    c.put("keepdims", keepdims);
    return c;
  }

  /** Applies the shared global pooling keys of a Keras config to a new layer. */
  protected static <T extends BaseGlobalPooling> T configure(T layer, Config c) {
    layer.applyBaseConfig(c);
    layer.setKeepdims(c.getBoolean("keepdims", false));
    return layer;
  }
}
