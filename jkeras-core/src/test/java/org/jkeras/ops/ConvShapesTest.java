package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jkeras.backend.ConvGeometry;
import org.jkeras.backend.Shape;
import org.junit.jupiter.api.Test;

class ConvShapesTest {
  @Test
  void sameAndValidSizesAndPadding() {
    // in 7, kernel 4, stride 2, "same": out ceil(7/2) = 4, total (4-1)*2+4-7 = 3, 1 before.
    assertEquals(4, ConvShapes.outputSize(7, 4, 2, 1, "same"));
    assertEquals(1, ConvShapes.padBefore(7, 4, 2, 1, "same"));
    // Dilation 2 makes kernel 3 span 5: in 6, stride 1, "same": total 4, 2 before.
    assertEquals(2, ConvShapes.padBefore(6, 3, 1, 2, "same"));
    // "valid": floor((in - dilated) / stride) + 1, and no padding.
    assertEquals(2, ConvShapes.outputSize(7, 4, 2, 1, "valid"));
    assertEquals(2, ConvShapes.outputSize(6, 3, 1, 2, "valid"));
    assertEquals(0, ConvShapes.padBefore(7, 4, 2, 1, "valid"));
    assertEquals(0, ConvShapes.outputSize(2, 3, 1, 1, "valid"));
  }

  @Test
  void unknownSizesStayUnknown() {
    assertEquals(Shape.UNKNOWN, ConvShapes.outputSize(Shape.UNKNOWN, 3, 1, 1, "same"));
    assertEquals(Shape.UNKNOWN,
        ConvShapes.transposeOutputSize(Shape.UNKNOWN, 3, 2, 1, "valid", null));
  }

  @Test
  void geometryCollectsEveryAxis() {
    ConvGeometry g = ConvShapes.geometry("conv2d", Shape.of(2, 7, 6, 3), new int[] {3, 2},
        new int[] {2, 1}, new int[] {1, 2}, "same");
    assertEquals(2, g.rank());
    assertArrayEquals(new int[] {7, 6}, g.inputSizes());
    assertArrayEquals(new int[] {4, 6}, g.outputSizes());
    assertEquals(1, g.padBefore(0));
    assertEquals(1, g.padBefore(1));
    assertEquals(Shape.of(2, 4, 6, 5), g.outputShape(2, 5));
  }

  @Test
  void paddingNamesAreCaseInsensitiveLikeKeras() {
    assertEquals("same", ConvShapes.checkPadding("conv2d", "SAME"));
    assertEquals("valid", ConvShapes.checkPadding("conv2d", "Valid"));
  }
}
