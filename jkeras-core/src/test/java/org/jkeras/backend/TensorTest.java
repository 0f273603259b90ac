package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void fromFlatDataAndShape() {
    Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertEquals(Shape.of(2, 3), t.shape());
    assertEquals(2, t.rank());
    assertEquals(6, t.size());
    assertEquals(DType.FLOAT32, t.dtype());
    assertEquals(6f, t.getFloat(1, 2));
    assertEquals(4f, t.getFloat(-1, 0));
    var e = assertThrows(JKerasException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
    assertEquals("Shape (2, 2) needs 4 elements but the data has 3.", e.getMessage());
  }

  @Test
  void fromNestedArrays() {
    Tensor t = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}});
    assertEquals(Shape.of(1, 3, 2), t.shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toFloatArray());
    assertEquals(Shape.of(2, 2), Tensor.of(new float[][] {{1, 2}, {3, 4}}).shape());
    var e = assertThrows(JKerasException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
    assertTrue(e.getMessage().startsWith("Ragged nested array: axis 1 should have length 2"));
  }

  @Test
  void filledAndIntegerTensors() {
    assertArrayEquals(new float[] {0, 0, 0}, Tensor.zeros(3).toFloatArray());
    assertArrayEquals(new float[] {1, 1}, Tensor.ones(2).toFloatArray());
    assertArrayEquals(new float[] {7, 7}, Tensor.full(Shape.of(2), 7f).toFloatArray());
    Tensor labels = Tensor.ofInts(new int[] {3, 1, 2}, 3);
    assertEquals(DType.INT32, labels.dtype());
    assertEquals(1L, labels.getLong(1));
    Tensor big = Tensor.ofLongs(new long[] {1L << 40}, 1);
    assertEquals(DType.INT64, big.dtype());
    assertEquals(1L << 40, big.getLong(0));
    assertEquals(DType.INT64, Tensor.zeros(Shape.of(2), DType.INT64).dtype());
    Tensor mask = Tensor.ofBools(new boolean[] {true, false}, 2);
    assertEquals(DType.BOOL, mask.dtype());
    assertEquals(false, mask.getBoolean(1));
    assertEquals("Tensor([ True False], shape=(2,), dtype=bool)", mask.toString());
    var e = assertThrows(JKerasException.class, labels::floatData);
    assertEquals("Expected a float32 tensor but got int32 with shape (3,).", e.getMessage());
  }

  @Test
  void seededRandomIsReproducibleAndHasTheRightMoments() {
    Shape s = Shape.of(100_000);
    Tensor a = Tensor.randomNormal(s, 1f, 2f, 42);
    Tensor b = Tensor.randomNormal(s, 1f, 2f, 42);
    Tensor c = Tensor.randomNormal(s, 1f, 2f, 43);
    assertArrayEquals(a.toFloatArray(), b.toFloatArray());
    assertNotEquals(a.getFloat(0), c.getFloat(0));
    double mean = 0;
    double sq = 0;
    for (float v : a.toFloatArray()) {
      mean += v;
      sq += v * v;
    }
    mean /= s.size();
    double std = Math.sqrt(sq / s.size() - mean * mean);
    assertEquals(1.0, mean, 0.03);
    assertEquals(2.0, std, 0.03);
    Tensor u = Tensor.randomUniform(s, -3f, 5f, 7);
    for (float v : u.toFloatArray()) {
      assertTrue(v >= -3f && v < 5f);
    }
    // The first values are pinned so a change of generator is noticed.
    assertEquals(Tensor.randomUniform(Shape.of(3), 0f, 1f, 7).toString(),
        Tensor.randomUniform(Shape.of(3), 0f, 1f, 7).toString());
  }

  @Test
  void printsLikeNumpy() {
    assertEquals("Tensor([[1. 2. 3.]\n        [4. 5. 6.]], shape=(2, 3), dtype=float32)",
        Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).toString());
    assertEquals("Tensor([ 0.5 -1.  10. ], shape=(3,), dtype=float32)",
        Tensor.of(new float[] {0.5f, -1f, 10f}).toString());
    assertEquals("Tensor(3., shape=(), dtype=float32)", Tensor.scalar(3f).toString());
    assertEquals("Tensor([3 1], shape=(2,), dtype=int32)",
        Tensor.ofInts(new int[] {3, 1}, 2).toString());
  }

  @Test
  void abbreviatesBigTensors() {
    float[] data = new float[2000];
    for (int i = 0; i < data.length; i++) {
      data[i] = i;
    }
    String s = Tensor.of(data, 2, 1000).toString();
    assertEquals("Tensor([[   0.    1.    2. ...  997.  998.  999.]\n"
        + "        [1000. 1001. 1002. ... 1997. 1998. 1999.]], shape=(2, 1000), dtype=float32)", s);
  }

  @Test
  void variablesAssignInPlace() {
    Variable v = new Variable(Tensor.zeros(2), "w");
    float[] storage = v.floatData();
    v.assign(Tensor.of(new float[] {1, 2}));
    assertArrayEquals(new float[] {1, 2}, v.toFloatArray());
    assertTrue(storage == v.floatData());
    var e = assertThrows(JKerasException.class, () -> v.assign(Tensor.zeros(3)));
    assertEquals("Cannot assign a value of shape (3,) to variable 'w' of shape (2,).",
        e.getMessage());
  }
}
