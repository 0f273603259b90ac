package org.jkeras.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayerNamesTest {
  @Test
  void snakeCaseLikeKeras() {
    assertEquals("dense", LayerNames.snakeCase("Dense"));
    assertEquals("conv2d", LayerNames.snakeCase("Conv2D"));
    assertEquals("lstm", LayerNames.snakeCase("LSTM"));
    assertEquals("batch_normalization", LayerNames.snakeCase("BatchNormalization"));
    assertEquals("global_average_pooling2d", LayerNames.snakeCase("GlobalAveragePooling2D"));
    assertEquals("input_layer", LayerNames.snakeCase("InputLayer"));
    assertEquals("conv2d_transpose", LayerNames.snakeCase("Conv2DTranspose"));
  }

  @Test
  void namesCountUpPerPrefix() {
    String a = LayerNames.unique("zz_test");
    String b = LayerNames.unique("zz_test");
    assertEquals("zz_test", a);
    assertEquals("zz_test_1", b);
  }
}
