package org.jkeras.layers.pooling;

import org.jkeras.config.Config;
import java.util.Map;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.InputSpec;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ConvShapes;
import org.jkeras.ops.PoolOps;

/** Max or average pooling over 1 or 2 spatial axes, channels_last (Keras's BasePooling). */
public abstract class BasePooling extends Layer {
  private final int rank;
  private final boolean max;
  private int[] poolSize;
  private int[] strides;
  private String padding = "valid";

  protected BasePooling(int rank, boolean max, int[] poolSize) {
    this.rank = rank;
    this.max = max;
    String op = getClass().getSimpleName();
    this.poolSize = ConvShapes.perAxis(op, "pool_size", poolSize, rank, 1);
    this.strides = this.poolSize;
    setInputSpec(InputSpec.ndim(rank + 2));
  }

  protected void setStrides(int... values) {
    requireUnbuilt("strides");
    strides = ConvShapes.perAxis(getClass().getSimpleName(), "strides", values, rank, 1);
  }

  protected void setPadding(String value) {
    requireUnbuilt("padding");
    padding = ConvShapes.checkPadding(getClass().getSimpleName(), value);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    int[] out = ConvShapes.windowedOutput(name(), "pool", in, poolSize, strides, null, padding);
    return List.of(Shape.of(out));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    return List.of(max ? PoolOps.maxPool(x, poolSize, strides, padding)
        : PoolOps.averagePool(x, poolSize, strides, padding));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("pool_size", Config.intList(poolSize));
    c.put("padding", padding);
    c.put("strides", Config.intList(strides));
    c.put("data_format", "channels_last");
    return c;
  }

  /** Applies the shared pooling keys of a Keras config to a new layer. */
  protected static <T extends BasePooling> T configure(T layer, Config c) {
    layer.applyBaseConfig(c);
    if (c.has("strides")) {
      layer.setStrides(c.getInts("strides", ((BasePooling) layer).rank, null));
    }
    layer.setPadding(c.getString("padding", "valid"));
    return layer;
  }
}
