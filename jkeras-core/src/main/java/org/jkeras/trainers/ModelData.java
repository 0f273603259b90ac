package org.jkeras.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/** Turns what users pass as data (a tensor, a list, a map by name) into tensors in model order. */
public final class ModelData {
  private ModelData() {}

  /** {@code data} as one tensor per name in {@code names}, in that order. */
  @SuppressWarnings("unchecked")
  public static List<Tensor> ordered(Object data, List<String> names, String what) {
    if (data == null) {
      return null;
    }
    if (data instanceof Tensor t) {
      if (names.size() != 1) {
        throw new JKerasException("The model has " + names.size() + " " + what + "s " + names
            + " but a single array was given; pass a list or a map by " + what + " name.");
      }
      return List.of(t);
    }
    if (data instanceof List<?> list) {
      if (list.size() != names.size()) {
        throw new JKerasException("The model has " + names.size() + " " + what + "s " + names
            + " but " + list.size() + (list.size() == 1 ? " array was" : " arrays were")
            + " given.");
      }
      List<Tensor> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Tensor t)) {
          throw new JKerasException("Expected tensors in the " + what + " list, got " + o + ".");
        }
        out.add(t);
      }
      return out;
    }
    if (data instanceof Map<?, ?> map) {
      List<Tensor> out = new ArrayList<>();
      for (String name : names) {
        Object t = map.get(name);
        if (!(t instanceof Tensor tensor)) {
          throw new JKerasException("No data for " + what + " '" + name + "'. The model's "
              + what + "s are " + names + " and the given names are " + map.keySet() + ".");
        }
        out.add(tensor);
      }
      if (map.size() != names.size()) {
        throw new JKerasException("Unknown " + what + " names in " + map.keySet() + "; the"
            + " model's " + what + "s are " + names + ".");
      }
      return out;
    }
    throw new JKerasException("Unsupported data for the model's " + what + "s: "
        + data.getClass().getSimpleName() + ". Pass a Tensor, a List<Tensor> or a Map<String,"
        + " Tensor>.");
  }
}
