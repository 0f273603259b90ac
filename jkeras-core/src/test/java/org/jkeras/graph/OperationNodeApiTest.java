package org.jkeras.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.junit.jupiter.api.Test;

/** The Keras 2 node API on operations, with nodes made by hand (layers make them on call). */
class OperationNodeApiTest {
  /** A bare operation whose calls map each input to one output of a given shape. */
  private static final class Fake extends Operation {
    private final String name;

    Fake(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    KerasTensor call(KerasTensor in, Shape out) {
      KerasTensor o = new KerasTensor(out, DType.FLOAT32, name + "_out");
      new Node(this, List.of(in), List.of(o));
      return o;
    }
  }

  private static KerasTensor input(String name, int... dims) {
    Fake layer = new Fake(name);
    KerasTensor t = new KerasTensor(Shape.withBatch(dims), DType.FLOAT32, name);
    new Node(layer, List.of(), List.of(t));
    return t;
  }

  @Test
  void aSharedOperationHasOneNodePerCall() {
    KerasTensor a = input("tweet_a", 280, 256);
    KerasTensor b = input("tweet_b", 280, 256);
    Fake lstm = new Fake("lstm_1");
    KerasTensor ea = lstm.call(a, Shape.withBatch(64));
    KerasTensor eb = lstm.call(b, Shape.withBatch(64));
    assertEquals(2, lstm.inboundNodes().size());
    assertSame(ea, lstm.getOutputAt(0));
    assertSame(eb, lstm.getOutputAt(1));
    assertSame(a, lstm.getInputAt(0));
    assertSame(b, lstm.getInputAt(1));
    assertEquals(Shape.withBatch(280, 256), lstm.getInputShapeAt(1));
    assertEquals(Shape.withBatch(64), lstm.getOutputShapeAt(0));
    assertEquals(new KerasHistory(lstm, 1, 0), eb.history());
    assertSame(lstm.inboundNodes().get(1), eb.history().node());
    assertEquals(List.of(a.history().node()), lstm.inboundNodes().get(0).parentNodes());
    assertSame(lstm.inboundNodes().get(0), a.history().operation().outboundNodes().get(0));
    assertTrue(a.history().node().isInput());

    var e = assertThrows(JKerasException.class, lstm::output);
    assertEquals("Layer lstm_1 has multiple inbound nodes, hence the notion of \"layer output\""
        + " is ill-defined. Use getOutputAt(nodeIndex) instead.", e.getMessage());
    e = assertThrows(JKerasException.class, lstm::input);
    assertEquals("Layer lstm_1 has multiple inbound nodes, hence the notion of \"layer input\""
        + " is ill-defined. Use getInputAt(nodeIndex) instead.", e.getMessage());
    // Same shapes on every call: the shapes are still well defined (as in Keras 2).
    assertEquals(Shape.withBatch(280, 256), lstm.inputShape());
    assertEquals(Shape.withBatch(64), lstm.outputShape());
  }

  @Test
  void differingShapesMakeTheShapeIllDefined() {
    Fake conv = new Fake("conv2d");
    conv.call(input("a", 32, 32, 3), Shape.withBatch(32, 32, 16));
    assertEquals(Shape.withBatch(32, 32, 3), conv.inputShape());
    conv.call(input("b", 64, 64, 3), Shape.withBatch(64, 64, 16));
    var e = assertThrows(JKerasException.class, conv::inputShape);
    assertEquals("The layer conv2d has multiple inbound nodes, with different input shapes. Hence"
        + " the notion of \"input shape\" is ill-defined for the layer. Use"
        + " getInputShapeAt(nodeIndex) instead.", e.getMessage());
    assertEquals(Shape.withBatch(32, 32, 3), conv.getInputShapeAt(0));
    assertEquals(Shape.withBatch(64, 64, 3), conv.getInputShapeAt(1));
    assertThrows(JKerasException.class, conv::outputShape);
  }

  @Test
  void anUncalledOperationSaysSo() {
    Fake lstm = new Fake("lstm");
    var e = assertThrows(JKerasException.class, lstm::output);
    assertEquals("The layer lstm has never been called and thus has no defined output.",
        e.getMessage());
    e = assertThrows(JKerasException.class, lstm::inputShape);
    assertEquals("The layer lstm has never been called and thus has no defined input shape.",
        e.getMessage());
  }

  @Test
  void aBadNodeIndexSaysHowManyThereAre() {
    Fake d = new Fake("dense");
    KerasTensor out = d.call(input("x", 3), Shape.withBatch(2));
    assertSame(out, d.output());
    var e = assertThrows(JKerasException.class, () -> d.getOutputAt(1));
    assertEquals("Asked to get the output at node 1, but the layer dense has only 1 inbound node.",
        e.getMessage());
  }
}
