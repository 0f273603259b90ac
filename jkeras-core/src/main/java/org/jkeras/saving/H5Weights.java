package org.jkeras.saving;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;

/**
 * Variables to and from an HDF5 file in Keras 3's layout, with jHDF: one {@code vars} group per
 * {@link WeightsLayout.Entry}, datasets named {@code 0, 1, ...} in the entry's order.
 */
public final class H5Weights {
  /**
   * jHDF logs "Writing files is in alpha" on every write. jkeras's own tests read every file it
   * writes back (round trips, fixtures), so for users the line is noise: keep jHDF's messages
   * to errors. The logger is held here so its level is not lost to garbage collection.
   */
  private static final java.util.logging.Logger JHDF_LOG = quietJhdf();

  private H5Weights() {}

  private static java.util.logging.Logger quietJhdf() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.jhdf");
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  /** Writes every entry to a new HDF5 file at {@code file}. */
  public static void write(List<WeightsLayout.Entry> entries, Path file) {
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      Map<String, WritableGroup> groups = new HashMap<>();
      groups.put("", h5);
      for (WeightsLayout.Entry e : entries) {
        WritableGroup g = group(groups, e.path());
        WritableGroup vars = g.putGroup("vars");
        for (int i = 0; i < e.vars().size(); i++) {
          Variable v = e.vars().get(i);
          vars.putDataset(String.valueOf(i), array(v));
        }
      }
      h5.putDataset(lastChildName(h5.getChildren().keySet()), new float[] {1f});
    }
  }

  /**
   * jHDF 0.13.0 ends a file by writing its version note where the last dataset's data ended;
   * when an empty group's header was placed there (Keras's root {@code vars} always is), the
   * note overwrites it and the file cannot be read. A one-number marker dataset written last
   * (after every group) avoids this: its data ends the file. jHDF writes children in the
   * iteration order of a {@link ConcurrentHashMap}, so the marker's name is picked to come last
   * in that order. Keras never looks at the marker.
   */
  private static String lastChildName(java.util.Set<String> rootChildren) {
    for (int i = 0; ; i++) {
      String name = i == 0 ? "jkeras" : "jkeras_" + i;
      Map<String, Boolean> probe = new ConcurrentHashMap<>();
      for (String c : rootChildren) {
        probe.put(c, true);
      }
      probe.put(name, true);
      String last = null;
      for (String k : probe.keySet()) {
        last = k;
      }
      if (name.equals(last)) {
        return name;
      }
    }
  }

  private static WritableGroup group(Map<String, WritableGroup> groups, String path) {
    WritableGroup g = groups.get(path);
    if (g != null) {
      return g;
    }
    int slash = path.lastIndexOf('/');
    WritableGroup parent = group(groups, slash < 0 ? "" : path.substring(0, slash));
    g = parent.putGroup(path.substring(slash + 1));
    groups.put(path, g);
    return g;
  }

  /** A variable as a Java array shaped like it (a boxed scalar for shape ()). */
  private static Object array(Variable v) {
    float[] flat = v.toFloatArray();
    int[] dims = v.shape().dims();
    if (dims.length == 0) {
      return v.name().endsWith("iteration") ? (Object) (long) flat[0] : (Object) flat[0];
    }
    Object out = Array.newInstance(float.class, dims);
    fill(out, flat, dims.length, new int[] {0});
    return out;
  }

  private static void fill(Object array, float[] flat, int rank, int[] pos) {
    if (rank == 1) {
      float[] row = (float[]) array;
      System.arraycopy(flat, pos[0], row, 0, row.length);
      pos[0] += row.length;
      return;
    }
    for (int i = 0; i < Array.getLength(array); i++) {
      fill(Array.get(array, i), flat, rank - 1, pos);
    }
  }

  /**
   * Assigns every entry's variables from {@code h5}; {@code source} names the file in errors.
   * Checks every shape first, so a mismatch leaves the model unchanged.
   */
  public static void read(Group h5, List<WeightsLayout.Entry> entries, String source) {
    List<Variable> targets = new java.util.ArrayList<>();
    List<Tensor> values = new java.util.ArrayList<>();
    for (WeightsLayout.Entry e : entries) {
      Group vars = varsGroup(h5, e.path());
      if (vars == null && e.olderPath() != null) {
        vars = varsGroup(h5, e.olderPath());
      }
      int found = vars == null ? 0 : vars.getChildren().size();
      if (found != e.vars().size()) {
        throw new JKerasException("Layer '" + e.owner() + "' expected " + e.vars().size()
            + " variables, but received " + found + " variables during loading from " + source
            + " (group '" + (e.path().isEmpty() ? "" : e.path() + "/") + "vars').");
      }
      for (int i = 0; i < e.vars().size(); i++) {
        Variable v = e.vars().get(i);
        Node n = vars.getChild(String.valueOf(i));
        if (!(n instanceof Dataset d)) {
          throw new JKerasException("Layer '" + e.owner() + "': the weights file " + source
              + " has no dataset '" + i + "' in group '" + e.path() + "/vars'.");
        }
        Shape fileShape = Shape.of(d.isScalar() ? new int[0] : d.getDimensions());
        if (!fileShape.equals(v.shape())) {
          throw new JKerasException("Layer '" + e.owner() + "' weight " + i + " ('" + v.name()
              + "') has shape " + v.shape() + " in the model but shape " + fileShape
              + " in " + source + ".");
        }
        targets.add(v);
        values.add(Tensor.wrap(floats(d, source), v.shape()));
      }
    }
    for (int i = 0; i < targets.size(); i++) {
      targets.get(i).assign(values.get(i));
    }
  }

  /** The {@code vars} group at {@code path}, or null when the file has none. */
  static Group varsGroup(Group h5, String path) {
    Node n = path.isEmpty() ? h5.getChild("vars") : child(h5, path + "/vars");
    return n instanceof Group g ? g : null;
  }

  private static Node child(Group root, String path) {
    Node n = root;
    for (String part : path.split("/")) {
      if (!(n instanceof Group g) || !g.getChildren().containsKey(part)) {
        return null;
      }
      n = g.getChild(part);
    }
    return n;
  }

  /** A dataset's values as floats, whatever numeric type it holds. */
  static float[] floats(Dataset d, String source) {
    Object data = d.isScalar() ? d.getData() : d.getDataFlat();
    if (data instanceof Number num) {
      return new float[] {num.floatValue()};
    }
    if (data == null || !data.getClass().isArray()) {
      throw new JKerasException("Dataset '" + d.getPath() + "' in " + source
          + " does not hold numbers.");
    }
    if (data instanceof float[] f) {
      return f;
    }
    int n = Array.getLength(data);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      Object x = Array.get(data, i);
      if (x instanceof Number num) {
        out[i] = num.floatValue();
      } else if (x instanceof Boolean b) {
        out[i] = b ? 1f : 0f;
      } else {
        throw new JKerasException("Dataset '" + d.getPath() + "' in " + source
            + " holds " + (x == null ? "null" : x.getClass().getSimpleName()) + ", not numbers.");
      }
    }
    return out;
  }
}
