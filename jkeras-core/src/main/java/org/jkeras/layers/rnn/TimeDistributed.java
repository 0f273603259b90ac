package org.jkeras.layers.rnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.config.Config;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;

/**
 * Applies one layer (or model) to every timestep of {@code (batch, time, ...)} inputs, as Keras's
 * TimeDistributed: batch and time are folded into one axis for the inner call, then unfolded.
 */
public class TimeDistributed extends Layer {
  private final Layer layer;

  public TimeDistributed(Layer layer) {
    if (layer == null) {
      throw new JKerasException("TimeDistributed needs a layer to apply to every time step;"
          + " received null.");
    }
    this.layer = layer;
  }

  public Layer layer() {
    return layer;
  }

  @Override
  public TimeDistributed name(String newName) {
    super.name(newName);
    return this;
  }

  private Shape inner(Shape in) {
    if (in.rank() < 3) {
      throw new JKerasException("`TimeDistributed` Layer should be passed an `input_shape` with"
          + " at least 3 dimensions, received: " + in);
    }
    int[] d = new int[in.rank() - 1];
    d[0] = in.dim(0) == Shape.UNKNOWN || in.dim(1) == Shape.UNKNOWN ? Shape.UNKNOWN
        : in.dim(0) * in.dim(1);
    System.arraycopy(in.dims(), 2, d, 1, in.rank() - 2);
    return Shape.of(d);
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    layer.buildFor(List.of(inner(inputShapes.get(0))));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    Shape in = inputShapes.get(0);
    List<Shape> out = new ArrayList<>();
    for (Shape s : layer.outputShapesFor(List.of(inner(in)))) {
      int[] d = new int[s.rank() + 1];
      d[0] = in.dim(0);
      d[1] = in.dim(1);
      System.arraycopy(s.dims(), 1, d, 2, s.rank() - 1);
      out.add(Shape.of(d));
    }
    return out;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    Tensor x = inputs.get(0);
    int batch = x.shape().dim(0);
    int time = x.shape().dim(1);
    Tensor folded = ArrayOps.reshape(x, inner(x.shape()));
    List<Tensor> out = new ArrayList<>();
    for (Tensor y : layer.applyEager(List.of(folded), context)) {
      int[] d = new int[y.rank() + 1];
      d[0] = batch;
      d[1] = time;
      System.arraycopy(y.shape().dims(), 1, d, 2, y.rank() - 1);
      out.add(ArrayOps.reshape(y, Shape.of(d)));
    }
    return out;
  }

  @Override
  public List<Variable> trainableWeights() {
    return trainable() ? layer.trainableWeights() : List.of();
  }

  @Override
  public List<Variable> nonTrainableWeights() {
    return trainable() ? layer.nonTrainableWeights() : layer.weights();
  }

  @Override
  public List<Variable> weights() {
    return layer.weights();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("layer", LayerRegistry.serialize(layer));
    return c;
  }

  /** A TimeDistributed layer from its Keras config (the inner layer nested in it). */
  public static TimeDistributed fromConfig(Config c) {
    TimeDistributed td = new TimeDistributed(LayerRegistry.deserialize(c.getMap("layer")));
    td.applyBaseConfig(c);
    return td;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return layer.seedGenerators();
  }
}
