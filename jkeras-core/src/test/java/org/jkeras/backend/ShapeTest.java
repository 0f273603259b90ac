package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void printsLikeAPythonTuple() {
    assertEquals("(None, 32, 32, 3)", Shape.withBatch(32, 32, 3).toString());
    assertEquals("(5,)", Shape.of(5).toString());
    assertEquals("()", Shape.scalar().toString());
    assertEquals("(None, 280, 256)", Shape.of(Shape.UNKNOWN, 280, 256).toString());
  }

  @Test
  void sizeRankAndAxes() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(3, s.rank());
    assertEquals(24, s.size());
    assertEquals(4, s.dim(-1));
    assertEquals(2, s.normalizeAxis(-1));
    assertEquals(Shape.of(2, 7, 4), s.withDim(1, 7));
    assertEquals(1, Shape.scalar().size());
    var e = assertThrows(JKerasException.class, () -> s.dim(3));
    assertEquals("Axis 3 is out of bounds for shape (2, 3, 4) of rank 3.", e.getMessage());
  }

  @Test
  void unknownDimensions() {
    Shape s = Shape.withBatch(8);
    assertFalse(s.isFullyDefined());
    var e = assertThrows(JKerasException.class, s::size);
    assertEquals("Shape (None, 8) has an unknown dimension and no size.", e.getMessage());
    assertTrue(s.isCompatibleWith(Shape.of(32, 8)));
    assertFalse(s.isCompatibleWith(Shape.of(32, 5)));
    assertFalse(s.isCompatibleWith(Shape.of(8)));
  }

  @Test
  void valueSemantics() {
    assertEquals(Shape.of(1, 2), Shape.of(1, 2));
    assertEquals(Shape.of(1, 2).hashCode(), Shape.of(1, 2).hashCode());
    int[] dims = {1, 2};
    Shape s = Shape.of(dims);
    dims[0] = 9;
    assertEquals(Shape.of(1, 2), s);
    assertThrows(JKerasException.class, () -> Shape.of(2, -3));
  }

  @Test
  void broadcastShapes() {
    assertEquals(Shape.of(4, 2, 3), Broadcast.shape("add", Shape.of(4, 1, 3), Shape.of(2, 1)));
    assertEquals(Shape.of(2, 3), Broadcast.shape("add", Shape.of(2, 3), Shape.scalar()));
    var e = assertThrows(IncompatibleShapesException.class,
        () -> Broadcast.shape("add", Shape.of(2, 3), Shape.of(4)));
    assertEquals("add: incompatible shapes (2, 3) and (4,): dimension 3 does not broadcast against"
        + " 4 (axis -1); each dimension pair must be equal or contain a 1.", e.getMessage());
  }
}
