package org.jkeras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  @Test
  void aChainHasNoConnectedToColumn() {
    KerasTensor x = Keras.input(Shape.of(6), "x");
    KerasTensor h = new Dense(8).name("dense").apply(x);
    Model m = new Model(x, new Dense(3).name("probs").apply(h)).name("chain");
    assertEquals("""
        Model: "chain"
        ┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┓
        ┃ Layer (type)        ┃ Output Shape     ┃  Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━┩
        │ x (InputLayer)      │ (None, 6)        │        0 │
        ├─────────────────────┼──────────────────┼──────────┤
        │ dense (Dense)       │ (None, 8)        │       56 │
        ├─────────────────────┼──────────────────┼──────────┤
        │ probs (Dense)       │ (None, 3)        │       27 │
        └─────────────────────┴──────────────────┴──────────┘
         Total params: 83 (332.00 B)
         Trainable params: 83 (332.00 B)
         Non-trainable params: 0 (0.00 B)
        """, m.summaryString(50));
  }

  @Test
  void sharedLayersListEveryCallInConnectedTo() {
    KerasTensor a = Keras.input(Shape.of(8), "tweet_a");
    KerasTensor b = Keras.input(Shape.of(8), "tweet_b");
    Dense shared = new Dense(4).name("shared_dense");
    KerasTensor sa = shared.apply(a);
    KerasTensor sb = shared.apply(b);
    Dense head = new Dense(1).name("predictions");
    Model m = new Model(List.of(a, b), List.of(head.apply(sa), head.apply(sb))).name("shared");
    String s = m.summaryString(160);
    assertEquals(true, s.contains("│ tweet_a[0][0], tweet_b[0][0]"), s);
    assertEquals(true, s.contains("shared_dense[0][0], shared_dense[1][0]"), s);
    assertEquals(true, s.contains(" Total params: 41 (164.00 B)"), s);
  }

  @Test
  void nestedModelCallsAreNumberedFromZeroAsInKeras() {
    KerasTensor img = Keras.input(4);
    Model vision = new Model(img, new Dense(2).apply(img)).name("vision_model");
    KerasTensor l = Keras.input(Shape.of(4), "left");
    KerasTensor r = Keras.input(Shape.of(4), "right");
    Model outer = new Model(List.of(l, r), List.of(vision.apply(l), vision.apply(r)));
    assertEquals(true, outer.summaryString(160).contains("left[0][0], right[0][0]"));
    KerasTensor joined = new Dense(1).name("joiner").apply(vision.getOutputAt(2));
    Model second = new Model(List.of(l, r), List.of(joined, vision.getOutputAt(1)));
    String s = second.summaryString(160);
    assertEquals(true, s.contains("vision_model[1][0]"), s);
  }

  @Test
  void parameterSizes() {
    assertEquals("217 (868.00 B)", ModelSummary.params(217));
    assertEquals("18,722 (73.13 KB)", ModelSummary.params(18722));
    assertEquals("448 (1.75 KB)", ModelSummary.params(448));
    assertEquals("288 (1.12 KB)", ModelSummary.params(288));
  }

  @Test
  void wrapsAndCutsLikeRich() {
    assertEquals(List.of("shared_lstm[0][0…", "shared_lstm[1][0]"),
        ModelSummary.wrap("shared_lstm[0][0], shared_lstm[1][0]", 17));
  }
}
