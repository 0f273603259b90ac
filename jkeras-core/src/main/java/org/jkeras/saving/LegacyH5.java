package org.jkeras.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Optimizer;

/**
 * Legacy HDF5 models ({@code model.save("m.h5")} in Keras 2 and 3): the root attribute
 * {@code model_config} (JSON) and a {@code model_weights} group with one group per layer, whose
 * {@code weight_names} attribute lists its datasets in the layer's weights order. Keras 2 names
 * them {@code <layer>/<weight>:0} in nested groups, Keras 3 just {@code <weight>}; both are read.
 * A compiled model's file also holds the root attribute {@code training_config} (compile
 * arguments, see {@link LegacyTrainingConfig}) and an {@code optimizer_weights} group; with
 * {@code compile} the model comes back compiled with its optimizer state, ready to train on.
 */
public final class LegacyH5 {
  private static final System.Logger LOG = System.getLogger(LegacyH5.class.getName());

  private LegacyH5() {}

  /** The model saved in a legacy {@code .h5} file, with its weights, compiled when saved so. */
  public static Model load(Path path) {
    return load(path, true);
  }

  /** As {@link #load(Path)}; {@code compile=false} ignores the training config. */
  public static Model load(Path path, boolean compile) {
    if (!Files.isRegularFile(path)) {
      throw new JKerasException("No such file: " + path + ".");
    }
    byte[] bytes = WeightsFile.readBounded(path, LoadLimits.MAX_ARRAY_BYTES,
        "a legacy .h5 model (jkeras reads it into one byte array)");
    try (HdfFile h5 = KerasFile.hdf(bytes, path)) {
      String json = text(h5.getAttribute("model_config"));
      if (json == null) {
        throw new JKerasException(path + " has no model_config attribute: it holds weights only."
            + " Build the model in Java and call model.loadWeights, or save the full model.");
      }
      Map<String, Object> config = KerasJson.readObject(json, path + " (model_config)");
      Model model = ModelSerialization.deserialize(config, false);
      Node weights = h5.getChild("model_weights");
      loadWeights(model, weights instanceof Group g ? g : h5, path.toString());
      String training = text(h5.getAttribute("training_config"));
      if (compile && training != null) {
        Map<String, Object> tc = KerasJson.readObject(training, path + " (training_config)");
        org.jkeras.trainers.CompileOptions options =
            LegacyTrainingConfig.compileOptions(tc, model, path.toString());
        try {
          model.compile(options);
        } catch (JKerasException e) {
          throw new JKerasException(path + ": cannot compile the model from its training_config: "
              + e.getMessage() + " Keras.loadModel(path, false) loads the model uncompiled; then"
              + " call model.compile.");
        }
        if (h5.getChild("optimizer_weights") instanceof Group g) {
          restoreOptimizer(model, g, path.toString());
        }
      }
      return model;
    } catch (RuntimeException | OutOfMemoryError e) {
      throw HdfErrors.damaged(path.toString(), e);
    }
  }

  /** Assigns each layer's weights from its group, matched by layer name; shapes checked first. */
  static void loadWeights(Model model, Group root, String source) {
    List<Variable> targets = new ArrayList<>();
    List<Tensor> values = new ArrayList<>();
    for (Layer layer : model.layers()) {
      List<Variable> vars = layer.weights();
      Node node = root.getChildren().get(layer.name());
      List<String> names = node instanceof Group g ? names(g.getAttribute("weight_names"))
          : List.of();
      if (names.size() != vars.size()) {
        throw new JKerasException("Layer '" + layer.name() + "' expected " + vars.size()
            + " weights, but the legacy file " + source + " has " + names.size() + " for it.");
      }
      for (int i = 0; i < vars.size(); i++) {
        Node d = ((Group) node).getByPath(names.get(i));
        if (!(d instanceof Dataset ds)) {
          throw new JKerasException("Layer '" + layer.name() + "': weight '" + names.get(i)
              + "' is missing in " + source + ".");
        }
        Shape fileShape = Shape.of(ds.isScalar() ? new int[0] : ds.getDimensions());
        if (!fileShape.equals(vars.get(i).shape())) {
          throw new JKerasException("Layer '" + layer.name() + "' weight " + i + " ('"
              + vars.get(i).name() + "') has shape " + vars.get(i).shape() + " in the model but"
              + " shape " + fileShape + " in " + source + ".");
        }
        targets.add(vars.get(i));
        values.add(Tensor.wrap(H5Weights.floats(ds, source), fileShape));
      }
    }
    for (int i = 0; i < targets.size(); i++) {
      targets.get(i).assign(values.get(i));
    }
  }

  /**
   * Assigns the optimizer's variables from {@code optimizer_weights} when the file's count and
   * shapes match them (as Keras's {@code optimizer.set_weights}); otherwise logs why and leaves
   * the optimizer fresh, as Keras does, since the model itself loaded fine.
   */
  static void restoreOptimizer(Model model, Group group, String source) {
    Optimizer optimizer = model.optimizer();
    optimizer.build(model.trainableWeights());
    List<Variable> vars = optimizer.variables();
    List<String> names = names(group.getAttribute("weight_names"));
    List<Tensor> values = new ArrayList<>();
    String problem = names.size() == vars.size() ? null : "the file has " + names.size()
        + " optimizer weights but the " + optimizer.className() + " optimizer has " + vars.size()
        + " variables";
    for (int i = 0; problem == null && i < names.size(); i++) {
      if (!(group.getByPath(names.get(i)) instanceof Dataset ds)) {
        problem = "weight '" + names.get(i) + "' is missing";
        break;
      }
      Shape shape = Shape.of(ds.isScalar() ? new int[0] : ds.getDimensions());
      if (shape.size() != vars.get(i).shape().size()
          || (shape.rank() > 0 && !shape.equals(vars.get(i).shape()))) {
        problem = "weight " + i + " ('" + names.get(i) + "') has shape " + shape + " but the"
            + " optimizer's variable '" + vars.get(i).name() + "' has shape "
            + vars.get(i).shape();
      } else {
        values.add(Tensor.wrap(H5Weights.floats(ds, source), vars.get(i).shape()));
      }
    }
    if (problem != null) {
      LOG.log(System.Logger.Level.WARNING, optimizerWarning(source, problem));
      return;
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(values.get(i));
    }
  }

  /** The warning logged when the saved optimizer state does not fit (tests assert it). */
  static String optimizerWarning(String source, String problem) {
    return source + ": the optimizer state in optimizer_weights was not restored: " + problem
        + ". The model is compiled and its weights are loaded; training starts with a fresh"
        + " optimizer (iteration 0, zero slots).";
  }

  private static String text(Attribute a) {
    if (a == null) {
      return null;
    }
    Object v = a.getData();
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    return v == null ? null : v.toString();
  }

  private static List<String> names(Attribute a) {
    List<String> out = new ArrayList<>();
    if (a == null || a.getData() == null) {
      return out;
    }
    Object v = a.getData();
    if (v instanceof Object[] arr) {
      for (Object o : arr) {
        out.add(o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
            : String.valueOf(o));
      }
    } else if (v instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
