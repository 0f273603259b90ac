package org.jkeras.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.StringJoiner;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.NnOps;
import org.jkeras.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * Softmax and sums give the same bits whether their vector code runs compiled by C2 (here,
 * after warm-up) or as the Vector API's Java fallback (a child JVM limited to C1): lane sums go
 * in one fixed order, so a result never depends on whether its method was compiled yet.
 */
class LaneSumOrderTest {
  public static void main(String[] args) {
    System.out.println("RESULT " + bits());
  }

  @Test
  void compiledAndFallbackCodeGiveTheSameBits() throws Exception {
    String here = null;
    for (int i = 0; i < 20_000; i++) {
      here = bits();
    }
    try (ChildJvm child = ChildJvm.start(LaneSumOrderTest.class)) {
      String line = child.await(l -> l.startsWith("RESULT "), 60);
      assertEquals(here, line.substring("RESULT ".length()));
    }
  }

  private static String bits() {
    Tensor x = Tensor.randomNormal(Shape.of(3, 53), 0f, 3f, 5);
    StringJoiner out = new StringJoiner(",");
    for (float v : NnOps.softmax(x).toFloatArray()) {
      out.add(Integer.toHexString(Float.floatToRawIntBits(v)));
    }
    for (float v : ArrayOps.sum(x, new int[] {1}, false).toFloatArray()) {
      out.add(Integer.toHexString(Float.floatToRawIntBits(v)));
    }
    return out.toString();
  }
}
