package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.layers.LayerRegistry;
import org.jkeras.models.Model;
import org.jkeras.ops.MathOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own layer, registered with one call, saves and loads like a built-in one. */
class CustomLayerSavingTest {
  /** Multiplies by a learned per-feature scale. */
  public static final class Scale extends Layer {
    private final double init;
    private Variable scale;

    public Scale(double init) {
      this.init = init;
    }

    @Override
    protected void build(List<Shape> inputShapes) {
      Shape s = Shape.of(inputShapes.get(0).dim(-1));
      scale = addWeight("scale", s, Tensor.full(s, (float) init), true);
    }

    @Override
    protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
      return inputShapes;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
      return List.of(MathOps.multiply(inputs.get(0), scale));
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("init", init);
      return c;
    }

    static Scale fromConfig(Config c) {
      Scale s = new Scale(c.getDouble("init", 1));
      s.applyBaseConfig(c);
      return s;
    }
  }

  @Test
  void aRegisteredCustomLayerRoundTrips(@TempDir Path dir) {
    LayerRegistry.register("Custom>Scale", Scale.class, Scale::fromConfig);
    KerasTensor x = Keras.input(Shape.of(3), "x");
    Scale scale = new Scale(2.0);
    scale.name("scale");
    Model model = new Model(x, scale.apply(x)).name("custom");
    model.getLayer("scale").setWeights(List.of(Tensor.of(new float[] {1, 2, 3})));
    Path file = dir.resolve("custom.keras");
    model.save(file);
    assertTrue(model.toJson().contains("\"registered_name\":\"Custom>Scale\""), model.toJson());
    Model loaded = Keras.loadModel(file);
    Tensor in = Tensor.of(new float[][] {{1, 1, 1}, {2, 0, -1}});
    assertArrayEquals(new float[] {1, 2, 3, 2, 0, -3}, loaded.apply(in).toFloatArray());
    assertEquals(model.getLayer("scale").getConfig(), loaded.getLayer("scale").getConfig());
  }
}
