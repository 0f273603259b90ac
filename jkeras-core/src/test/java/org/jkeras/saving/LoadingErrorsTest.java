package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Lambda;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged or unsafe files fail with clear messages, never an index error or a hang. */
class LoadingErrorsTest {
  @TempDir Path dir;

  private Path zip(String name, String... entries) throws IOException {
    Path p = dir.resolve(name);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
      for (int i = 0; i < entries.length; i += 2) {
        z.putNextEntry(new ZipEntry(entries[i]));
        z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return p;
  }

  private static String layerEntry(String cls, String name) {
    return "{\"module\":\"keras.layers\",\"class_name\":\"" + cls + "\",\"config\":{\"name\":\""
        + name + "\"},\"registered_name\":null,\"name\":\"" + name + "\",\"inbound_nodes\":[]}";
  }

  @Test
  void notAZip() throws IOException {
    Path p = dir.resolve("bad.keras");
    Files.writeString(p, "hello, not a zip");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    assertTrue(e.getMessage().startsWith(p + " is not a .keras file: it is not a valid zip"),
        e.getMessage());
  }

  @Test
  void truncatedFile() throws IOException {
    Path good = dir.resolve("good.keras");
    KerasTensor x = Keras.input(Shape.of(3), "x");
    new Model(x, new Dense(2).apply(x)).save(good);
    byte[] bytes = Files.readAllBytes(good);
    for (int keep : new int[] {bytes.length / 3, bytes.length - 40}) {
      Path cut = dir.resolve("cut" + keep + ".keras");
      Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
      JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(cut));
      assertTrue(e.getMessage().contains("not a .keras file")
          || e.getMessage().contains("not a readable HDF5"), e.getMessage());
    }
  }

  @Test
  void zipWithoutConfig() throws IOException {
    Path p = zip("noconfig.keras", "metadata.json", "{}");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    assertEquals(p + " is not a complete .keras file: it has no config.json (entries:"
        + " [metadata.json]).", e.getMessage());
  }

  @Test
  void configIsNotJson() throws IOException {
    Path p = zip("json.keras", "config.json", "{\"class_name\": ");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    assertTrue(e.getMessage().startsWith(p + " (config.json) is not valid JSON"), e.getMessage());
  }

  @Test
  void unknownLayerClass() {
    String json = "{\"module\":\"keras.models.functional\",\"class_name\":\"Functional\","
        + "\"config\":{\"name\":\"m\",\"layers\":[" + layerEntry("MyFancyLayer", "fancy")
        + "],\"input_layers\":[],\"output_layers\":[]}}";
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("Layer 'fancy' has class 'MyFancyLayer', which is not known. Register it before"
        + " loading with LayerRegistry.register(\"MyFancyLayer\", config -> new YourLayer(...)).",
        e.getMessage());
  }

  @Test
  void lambdaLayersAreRefused() {
    String json = "{\"module\":\"keras.models.functional\",\"class_name\":\"Functional\","
        + "\"config\":{\"name\":\"m\",\"layers\":[" + layerEntry("Lambda", "my_lambda")
        + "],\"input_layers\":[],\"output_layers\":[]}}";
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertTrue(e.getMessage().startsWith("Layer 'my_lambda' is a Lambda layer, whose function"
        + " cannot be loaded from a file"), e.getMessage());
    KerasTensor x = Keras.input(Shape.of(2), "x");
    Model m = new Model(x, new Lambda(t -> t).name("lam").apply(x));
    assertThrows(JKerasException.class, () -> Keras.modelFromJson(m.toJson()));
  }

  @Test
  void unknownTensorReference() {
    String json = "{\"class_name\":\"Functional\",\"config\":{\"name\":\"m\",\"layers\":["
        + "{\"module\":\"keras.layers\",\"class_name\":\"Dense\",\"config\":{\"name\":\"d\","
        + "\"units\":2},\"name\":\"d\",\"inbound_nodes\":[[[\"nowhere\",0,0,{}]]]}],"
        + "\"input_layers\":[],\"output_layers\":[]}}";
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("Layer 'd' refers to an unknown layer 'nowhere'. Known layers: [d].",
        e.getMessage());
  }

  @Test
  void subclassedModelsAreRefused() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> Keras.modelFromJson("{\"class_name\":\"MyModel\",\"config\":{}}"));
    assertTrue(e.getMessage().startsWith("The file holds a 'MyModel', not a Functional"));
  }
}
