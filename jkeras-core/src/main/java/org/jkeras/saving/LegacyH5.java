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

/**
 * Legacy HDF5 models ({@code model.save("m.h5")} in Keras 2 and 3): the root attribute
 * {@code model_config} (JSON) and a {@code model_weights} group with one group per layer, whose
 * {@code weight_names} attribute lists its datasets in the layer's weights order. Keras 2 names
 * them {@code <layer>/<weight>:0} in nested groups, Keras 3 just {@code <weight>}; both are read.
 * Loaded for inference (and further training after {@code compile}).
 */
public final class LegacyH5 {
  private LegacyH5() {}

  /** The model saved in a legacy {@code .h5} file, with its weights. */
  public static Model load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new JKerasException("No such file: " + path + ".");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
    }
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
      return model;
    } catch (io.jhdf.exceptions.HdfException e) {
      throw new JKerasException(path + " is damaged: " + e.getMessage());
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
