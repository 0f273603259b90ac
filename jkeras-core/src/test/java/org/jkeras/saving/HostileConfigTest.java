package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.TensorSizeLimit;
import org.jkeras.backend.TensorTooLargeException;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Configs that ask for absurd sizes or nest absurdly deep are refused before anything big is
 * allocated and without a StackOverflowError, with messages naming the layer and the size.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileConfigTest {
  private static final String LIMIT_HINT = " elements), over the limit of 268435456 elements per"
      + " tensor for models loaded from files. If the file is trusted, raise the limit with"
      + " -Djkeras.load.maxTensorElements=N.";

  private static String denseJson() {
    KerasTensor x = Keras.input(Shape.of(4), "x");
    return new Model(x, new Dense(2).name("d").apply(x)).toJson();
  }

  @Test
  void hugeUnitsAreRefusedNamingTheLayer() {
    String json = denseJson().replace("\"units\":2", "\"units\":2147483647");
    TensorTooLargeException e = assertThrows(TensorTooLargeException.class,
        () -> Keras.modelFromJson(json));
    assertEquals("Layer 'd' (Dense) needs a tensor of shape (4, 2147483647) (8589934588"
        + LIMIT_HINT, e.getMessage());
  }

  @Test
  void aKernelJustOverTheLimitIsRefusedAndOneAtItLoads() {
    // 4 x 67108864 = 2^28 elements: at the limit (1 GiB would be allocated, so check only the
    // refusal one unit over it, and a modest model under it).
    String over = denseJson().replace("\"units\":2", "\"units\":67108865");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(over));
    assertTrue(e.getMessage().startsWith("Layer 'd' (Dense) needs a tensor of shape"
        + " (4, 67108865) (268435460 elements)"), e.getMessage());
    assertEquals(2, Keras.modelFromJson(denseJson().replace("\"units\":2", "\"units\":1000"))
        .layers().get(1).weights().size());
  }

  @Test
  void hugeConvFiltersAreRefused() {
    KerasTensor x = Keras.input(Shape.of(8, 8, 3), "img");
    String json = new Model(x, new Conv2D(4, 3).name("conv").apply(x)).toJson()
        .replace("\"filters\":4", "\"filters\":2000000000");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("Layer 'conv' (Conv2D) needs a tensor of shape (3, 3, 3, 2000000000)"
        + " (54000000000" + LIMIT_HINT, e.getMessage());
  }

  @Test
  void hugeEmbeddingInputDimIsRefused() {
    KerasTensor x = Keras.input(Shape.of(5), "ids");
    String json = new Model(x, new Embedding(10, 8).name("emb").apply(x)).toJson()
        .replace("\"input_dim\":10", "\"input_dim\":2147483647");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("Layer 'emb' (Embedding) needs a tensor of shape (2147483647, 8) (17179869176"
        + LIMIT_HINT, e.getMessage());
  }

  @Test
  void hugeInputShapeIsRefusedNamingTheInput() {
    String json = denseJson().replace("\"batch_shape\":[null,4]",
        "\"batch_shape\":[null,2147483647,2147483647]");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("Input 'x' has shape (None, 2147483647, 2147483647): one sample would be over"
        + " the limit of 268435456 elements per tensor for models loaded from files. If the"
        + " file is trusted, raise the limit with -Djkeras.load.maxTensorElements=N.",
        e.getMessage());
  }

  @Test
  void shapeNumbersThatAreNotIntsAreRefusedNotTruncated() {
    String json = denseJson().replace("\"batch_shape\":[null,4]",
        "\"batch_shape\":[null,4294967300]");
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertTrue(e.getMessage().contains("batch_shape"), e.getMessage());
    String text = denseJson().replace("\"batch_shape\":[null,4]", "\"batch_shape\":[null,\"4\"]");
    assertThrows(JKerasException.class, () -> Keras.modelFromJson(text));
  }

  @Test
  void aConvWithoutAFullKernelSizeIsRefused() {
    KerasTensor x = Keras.input(Shape.of(8, 8, 3), "img");
    String json = new Model(x, new Conv2D(4, 3).name("conv").apply(x)).toJson();
    String shortKernel = json.replace("\"kernel_size\":[3,3]", "\"kernel_size\":[3]");
    JKerasException e = assertThrows(JKerasException.class,
        () -> Keras.modelFromJson(shortKernel));
    assertEquals("Conv2D config key 'kernel_size' should be 2 integers, got [3].",
        e.getMessage());
    String noKernel = json.replace("\"kernel_size\":[3,3],", "");
    e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(noKernel));
    assertEquals("Conv2D config is missing the required key 'kernel_size'.", e.getMessage());
  }

  @Test
  void aWrapperWithoutItsLayerIsRefused() {
    // Found by fuzzing modelJson: an NPE from deep inside the registry.
    String json = "{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":["
        + "{\"class_name\":\"Bidirectional\",\"config\":{\"name\":\"b\"}}]}}";
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertEquals("A layer config is missing: expected a dict with 'class_name' and 'config' (for"
        + " example the 'layer' of a wrapper), got null.", e.getMessage());
  }

  @Test
  void wrappersNestedAsDeepAsJsonAllowsFailCleanly() {
    String json = "{\"class_name\":\"Dense\",\"config\":{\"name\":\"d\",\"units\":2}}";
    for (int i = 0; i < 495; i++) {
      json = "{\"class_name\":\"TimeDistributed\",\"config\":{\"name\":\"t" + i
          + "\",\"layer\":" + json + "}}";
    }
    String deep = "{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":["
        + json + "]}}";
    assertThrows(JKerasException.class, () -> Keras.modelFromJson(deep).predict(
        org.jkeras.backend.Tensor.zeros(Shape.of(1, 2, 2))));
  }

  @Test
  void theLimitEndsWithTheLoad() {
    assertEquals(-1, TensorSizeLimit.current());
    assertThrows(JKerasException.class, () -> Keras.modelFromJson(
        denseJson().replace("\"units\":2", "\"units\":2147483647")));
    assertEquals(-1, TensorSizeLimit.current());
  }

  @Test
  void shapeSizesNeverOverflow() {
    Shape s = Shape.of(2147483647, 2147483647, 2147483647);
    JKerasException e = assertThrows(JKerasException.class, s::size);
    assertEquals("Shape (2147483647, 2147483647, 2147483647) has more elements than a long can"
        + " count.", e.getMessage());
  }

  @Test
  void jsonNested100000LevelsIsRefused() {
    String json = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(json));
    assertTrue(e.getMessage().startsWith("The model JSON is over jkeras's limits for configs:"
        + " Document nesting depth (1001) exceeds the maximum allowed (1000"), e.getMessage());
    String arrays = "[".repeat(100_000) + "]".repeat(100_000);
    assertThrows(JKerasException.class, () -> Keras.modelFromJson(arrays));
  }

  @Test
  void modelsNestedTooDeepAreRefused() {
    String inner = denseJson();
    String json = inner;
    for (int i = 0; i < 100; i++) {
      json = "{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s" + i + "\",\"layers\":["
          + json + "]}}";
    }
    String deep = json;
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.modelFromJson(deep));
    assertTrue(e.getMessage().contains("levels deep in layers and models, over jkeras's limit"
        + " of 64; the config is damaged or hostile."), e.getMessage());
  }
}
