package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jkeras.ops.IndexingOps;
import org.junit.jupiter.api.Test;

/**
 * Batches are cut from in-memory data with copyRows: the rows asked for, in order, the same as
 * take (shuffled) and slice (in order), also when the copy is large enough to split over threads.
 */
class CopyRowsTest {
  @Test
  void copiesListedRowsInOrder() {
    for (int rowLength : new int[] {3, 5000}) {
      Tensor x = Tensor.randomNormal(Shape.of(40, rowLength), 0f, 1f, 7);
      int[] rows = {39, 0, 17, 17, 5, 22, 38, 1, 2, 30, 11, 12, 13, 14, 15, 16, 3, 4};
      float[] out = new float[rows.length * rowLength];
      Backend.current().arrays().copyRows(x, rows, 0, rows.length, out);
      Tensor expected = IndexingOps.take(x, Tensor.wrapInts(rows, Shape.of(rows.length)), 0);
      assertArrayEquals(expected.toFloatArray(), out, "row length " + rowLength);
    }
  }

  @Test
  void copiesAContiguousRange() {
    for (int rowLength : new int[] {3, 5000}) {
      Tensor x = Tensor.randomNormal(Shape.of(40, rowLength), 0f, 1f, 8);
      float[] out = new float[25 * rowLength];
      Backend.current().arrays().copyRows(x, null, 9, 25, out);
      Tensor expected = IndexingOps.slice(x, new int[] {9, 0}, new int[] {25, rowLength});
      assertArrayEquals(expected.toFloatArray(), out, "row length " + rowLength);
    }
  }
}
