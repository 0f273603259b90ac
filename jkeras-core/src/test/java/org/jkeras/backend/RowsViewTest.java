package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RowsViewTest {
  private static Tensor counting(int... dims) {
    Shape s = Shape.of(dims);
    float[] v = new float[s.sizeAsInt()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.wrap(v, s);
  }

  @Test
  void aViewReadsItsRowsInPlaceAndCopiesThemOnlyForFloatData() {
    Tensor x = counting(5, 2, 3);
    Tensor v = Tensor.rowsView(x, 1, 3);
    assertEquals(Shape.of(3, 2, 3), v.shape());
    assertEquals(18, v.size());
    assertSame(x.floatData(), v.floatStorage());
    assertEquals(6, v.storageOffset());
    assertEquals(6.0, v.getFlat(0));
    assertEquals(23f, v.getFloat(2, 1, 2));
    float[] expected = java.util.Arrays.copyOfRange(x.floatData(), 6, 24);
    assertArrayEquals(expected, v.toFloatArray());
    float[] copy = v.floatData();
    assertNotSame(x.floatData(), copy);
    assertArrayEquals(expected, copy);
    assertSame(copy, v.floatData()); // made once
    assertArrayEquals(new int[] {6, 7, 8}, java.util.Arrays.copyOf(v.toIntArray(), 3));
  }

  @Test
  void viewsOfViewsAndReshapedViewsKeepTheirPlace() {
    Tensor x = counting(6, 4);
    Tensor inner = Tensor.rowsView(Tensor.rowsView(x, 2, 4), 1, 2);
    assertSame(x.floatData(), inner.floatStorage());
    assertEquals(12, inner.storageOffset());
    Tensor flat = inner.withShape(Shape.of(8));
    assertEquals(12, flat.storageOffset());
    assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19}, flat.floatData());
    assertEquals(0, Tensor.rowsView(x, 6, 0).size());
    // Positions past the view are refused, not read from the rows after it.
    assertThrows(IndexOutOfBoundsException.class, () -> inner.getFlat(8));
  }

  @Test
  void rowsOutsideTheSourceOrNonFloatSourcesAreRefused() {
    Tensor x = counting(3, 2);
    assertThrows(IllegalArgumentException.class, () -> Tensor.rowsView(x, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Tensor.rowsView(x, -1, 1));
    assertThrows(JKerasException.class,
        () -> Tensor.rowsView(Tensor.ofInts(new int[] {1, 2}, 2), 0, 1));
  }

  @Test
  void aCopyMadeInsideAStepIsNotUsedAfterTheStepEnds() {
    // The copy came from the step's arena; the next step may hand that array to another op.
    Tensor x = counting(4, 3);
    Tensor v = Tensor.rowsView(x, 1, 2);
    StepArena arena = new StepArena();
    arena.begin();
    float[] inStep = v.floatData();
    assertSame(inStep, v.floatData());
    arena.recycle();
    arena.begin();
    float[] other = StepArena.floats(6); // the recycled copy, now another op's output
    assertSame(inStep, other);
    java.util.Arrays.fill(other, -1f);
    float[] later = v.floatData();
    assertNotSame(inStep, later);
    assertArrayEquals(new float[] {3, 4, 5, 6, 7, 8}, later);
    arena.recycle();
  }

  @Test
  void aViewOfChosenRowsReadsThemInPlaceAndCopiesThemInOrder() {
    Tensor x = counting(4, 2, 3);
    Tensor v = Tensor.rowsView(x, new int[] {2, 0, 2});
    assertEquals(Shape.of(3, 2, 3), v.shape());
    assertArrayEquals(new int[] {2, 0, 2}, v.gatheredRows());
    assertSame(x.floatData(), v.gatheredStorage());
    assertEquals(0, v.gatheredOffset());
    float[] expected = {12, 13, 14, 15, 16, 17, 0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17};
    assertArrayEquals(expected, v.toFloatArray());
    assertEquals(4.0, v.getFlat(10));
    assertEquals(17f, v.getFloat(2, 1, 2));
    assertArrayEquals(expected, v.floatData());
    // Kernels reading contiguous storage get the copy.
    assertSame(v.floatData(), v.floatStorage());
    assertEquals(0, v.storageOffset());
    // Same rows under another shape stay a view; another row structure is a copy.
    assertArrayEquals(new int[] {2, 0, 2}, v.withShape(Shape.of(3, 6)).gatheredRows());
    Tensor flat = v.withShape(Shape.of(18));
    assertEquals(null, flat.gatheredRows());
    assertArrayEquals(expected, flat.toFloatArray());
    // Rows of a view of consecutive rows are rows of its source.
    Tensor inner = Tensor.rowsView(Tensor.rowsView(x, 1, 3), new int[] {2});
    assertEquals(6, inner.gatheredOffset());
    assertArrayEquals(new float[] {18, 19, 20, 21, 22, 23}, inner.toFloatArray());
    assertThrows(IndexOutOfBoundsException.class, () -> Tensor.rowsView(x, new int[] {4}));
    assertThrows(IndexOutOfBoundsException.class, () -> v.getFlat(18));
  }
}
