package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jkeras.Keras;
import org.jkeras.models.Model;
import org.jkeras.testing.KerasFixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fixture model that jkeras loads and saves again gives a file laid out exactly as the one
 * Keras 3.1.1 wrote: the same zip entries, the same config.json, and the same HDF5 groups and
 * datasets (path, shape, element type) in model.weights.h5. Keras finds each variable by its
 * path, so equal layouts are what lets Python Keras open jkeras's files.
 */
class KerasLayoutParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"01_shared_lstm", "02_multi_io", "04_residual", "06a_gru",
      "07a_batchnorm", "08_conv2d_nodes"})
  void resavedFixtureHasKerasLayout(String caseName) throws IOException {
    Path original = KerasFixtures.root().resolve(caseName).resolve("model.keras");
    Path resaved = dir.resolve("m.keras");
    Keras.loadModel(original).save(resaved);

    assertEquals(entryNames(original), entryNames(resaved), "zip entries");
    assertEquals(withoutSharingIds(json(original, "config.json")), json(resaved, "config.json"),
        "config.json");
    JsonNode meta = json(resaved, "metadata.json");
    assertEquals(true, meta.hasNonNull("keras_version") && meta.hasNonNull("date_saved"),
        "metadata.json " + meta);
    Map<String, String> want = h5Layout(original, dir.resolve("a.h5"));
    Map<String, String> got = h5Layout(resaved, dir.resolve("b.h5"));
    // jkeras's one-number end marker (see H5Weights): Keras never reads it.
    assertEquals(1, got.keySet().stream().filter(k -> k.matches("/jkeras(_\\d+)?")).count());
    got.keySet().removeIf(k -> k.matches("/jkeras(_\\d+)?"));
    assertEquals(want, got, "model.weights.h5 layout");
  }

  /**
   * Keras marks an object referenced from two places (an LSTM's initializers, also held by its
   * cell) with {@code shared_object_id}; loading works without it, and jkeras does not write it.
   */
  private static JsonNode withoutSharingIds(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.remove("shared_object_id");
    }
    node.forEach(KerasLayoutParityTest::withoutSharingIds);
    return node;
  }

  private static java.util.List<String> entryNames(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName).sorted().toList();
    }
  }

  private static JsonNode json(Path zip, String entry) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(
        z.getEntry(entry))) {
      return JSON.readTree(in);
    }
  }

  /** Every group and dataset of the zip's weights file: path -> "group" or shape and type. */
  private static Map<String, String> h5Layout(Path zip, Path extracted) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(
        z.getEntry("model.weights.h5"))) {
      Files.copy(in, extracted);
    }
    Map<String, String> out = new TreeMap<>();
    try (HdfFile h5 = new HdfFile(extracted)) {
      walk(h5, out);
    }
    return out;
  }

  private static void walk(Group group, Map<String, String> out) {
    for (Node child : group.getChildren().values()) {
      String path = "/" + child.getPath().replaceAll("^/+", "");
      if (child instanceof Group g) {
        out.put(path, "group");
        walk(g, out);
      } else if (child instanceof Dataset d) {
        out.put(path, Arrays.toString(d.getDimensions()) + " " + d.getJavaType().getSimpleName());
      }
    }
  }
}
