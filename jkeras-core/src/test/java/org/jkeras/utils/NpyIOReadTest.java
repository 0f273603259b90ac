package org.jkeras.utils;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.jkeras.utils.NpyBytes.bytes;
import static org.jkeras.utils.NpyBytes.dict;
import static org.jkeras.utils.NpyBytes.doubles;
import static org.jkeras.utils.NpyBytes.file;
import static org.jkeras.utils.NpyBytes.floats;
import static org.jkeras.utils.NpyBytes.ints;
import static org.jkeras.utils.NpyBytes.longs;
import static org.jkeras.utils.NpyBytes.shorts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading hand-built {@code .npy} bytes of every dtype and header version. */
class NpyIOReadTest {
  @TempDir Path dir;

  private static void assertTensor(DType dtype, Shape shape, Tensor t) {
    assertEquals(dtype, t.dtype());
    assertEquals(shape, t.shape());
  }

  @Test
  void float32VersionOne() {
    Tensor t = NpyIO.fromBytes(file(1, dict("<f4", "(2, 3)"),
        floats(LITTLE_ENDIAN, 0f, 1.5f, -2f, 3.25f, Float.NaN, Float.NEGATIVE_INFINITY)));
    assertTensor(DType.FLOAT32, Shape.of(2, 3), t);
    assertArrayEquals(new float[] {0f, 1.5f, -2f, 3.25f, Float.NaN, Float.NEGATIVE_INFINITY},
        t.floatData());
  }

  @Test
  void float64BecomesFloat32RoundedToNearest() {
    Tensor t = NpyIO.fromBytes(file(1, dict("<f8", "(4,)"),
        doubles(LITTLE_ENDIAN, 0.1, -1e-50, 1e40, 123456789.0)));
    assertTensor(DType.FLOAT32, Shape.of(4), t);
    assertArrayEquals(new float[] {0.1f, -0f, Float.POSITIVE_INFINITY, 123456792f},
        t.floatData());
  }

  @Test
  void int32VersionTwo() {
    Tensor t = NpyIO.fromBytes(file(2, dict("<i4", "(3,)"),
        ints(LITTLE_ENDIAN, 7, -8, Integer.MAX_VALUE)));
    assertTensor(DType.INT32, Shape.of(3), t);
    assertArrayEquals(new int[] {7, -8, Integer.MAX_VALUE}, t.intData());
  }

  @Test
  void int64VersionThree() {
    Tensor t = NpyIO.fromBytes(file(3, dict("<i8", "(2, 2)"),
        longs(LITTLE_ENDIAN, 1L, -1L, Long.MAX_VALUE, 1L << 40)));
    assertTensor(DType.INT64, Shape.of(2, 2), t);
    assertArrayEquals(new long[] {1L, -1L, Long.MAX_VALUE, 1L << 40}, t.longData());
  }

  @Test
  void boolReadsAnyNonZeroByteAsTrue() {
    Tensor t = NpyIO.fromBytes(file(1, dict("|b1", "(2, 2)"), bytes(0, 1, 0, 2)));
    assertTensor(DType.BOOL, Shape.of(2, 2), t);
    assertArrayEquals(new int[] {0, 1, 0, 1}, t.intData());
  }

  @Test
  void scalarAndZeroSizeShapes() {
    Tensor scalar = NpyIO.fromBytes(file(1, dict("<f4", "()"), floats(LITTLE_ENDIAN, 2.5f)));
    assertTensor(DType.FLOAT32, Shape.scalar(), scalar);
    assertEquals(2.5f, scalar.item());
    Tensor empty = NpyIO.fromBytes(file(1, dict("<i8", "(0, 3)"), new byte[0]));
    assertTensor(DType.INT64, Shape.of(0, 3), empty);
    assertEquals(0, empty.size());
    Tensor empty1 = NpyIO.fromBytes(file(1, dict("|b1", "(0,)"), new byte[0]));
    assertTensor(DType.BOOL, Shape.of(0), empty1);
  }

  @Test
  void bigEndianIsConverted() {
    Tensor f = NpyIO.fromBytes(file(1, dict(">f4", "(2,)"), floats(BIG_ENDIAN, 1.5f, -3f)));
    assertArrayEquals(new float[] {1.5f, -3f}, f.floatData());
    Tensor d = NpyIO.fromBytes(file(1, dict(">f8", "(1,)"), doubles(BIG_ENDIAN, 0.25)));
    assertArrayEquals(new float[] {0.25f}, d.floatData());
    Tensor i = NpyIO.fromBytes(file(1, dict(">i4", "(2,)"), ints(BIG_ENDIAN, 258, -2)));
    assertArrayEquals(new int[] {258, -2}, i.intData());
    Tensor l = NpyIO.fromBytes(file(1, dict(">i8", "(1,)"), longs(BIG_ENDIAN, -5L << 33)));
    assertArrayEquals(new long[] {-5L << 33}, l.longData());
  }

  @Test
  void smallerTypesWidenExactly() {
    Tensor u8 = NpyIO.fromBytes(file(1, dict("|u1", "(3,)"), bytes(0, 128, 255)));
    assertTensor(DType.INT32, Shape.of(3), u8);
    assertArrayEquals(new int[] {0, 128, 255}, u8.intData());
    Tensor i8 = NpyIO.fromBytes(file(1, dict("|i1", "(2,)"), bytes(0x7f, 0x80)));
    assertArrayEquals(new int[] {127, -128}, i8.intData());
    Tensor i16 = NpyIO.fromBytes(file(1, dict("<i2", "(2,)"), shorts(LITTLE_ENDIAN, -300, 42)));
    assertArrayEquals(new int[] {-300, 42}, i16.intData());
    Tensor u16 = NpyIO.fromBytes(file(1, dict(">u2", "(1,)"), shorts(BIG_ENDIAN, 0xfffe)));
    assertArrayEquals(new int[] {65534}, u16.intData());
    Tensor u32 = NpyIO.fromBytes(file(1, dict("<u4", "(1,)"), ints(LITTLE_ENDIAN, -1)));
    assertTensor(DType.INT64, Shape.of(1), u32);
    assertArrayEquals(new long[] {4294967295L}, u32.longData());
    // float16: 0x3c00 = 1.0, 0xc000 = -2.0, 0x3555 ~ 0.33325195
    Tensor f16 = NpyIO.fromBytes(file(1, dict("<f2", "(3,)"),
        shorts(LITTLE_ENDIAN, 0x3c00, 0xc000, 0x3555)));
    assertTensor(DType.FLOAT32, Shape.of(3), f16);
    assertArrayEquals(new float[] {1f, -2f, 0.33325195f}, f16.floatData());
  }

  @Test
  void headerSpellingsNumpyAccepts() {
    byte[] data = floats(LITTLE_ENDIAN, 1f, 2f);
    String[] headers = {
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2,)}",
      "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}",
      "  { 'descr' : '<f4' ,\n 'fortran_order':False,'shape':( 2 , ) , }  \n",
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2L,), }",
      "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }",
    };
    for (String h : headers) {
      Tensor t = NpyIO.fromBytes(NpyBytes.unpadded(h, data));
      assertArrayEquals(new float[] {1f, 2f}, t.floatData(), h);
    }
    // Older numpy versions padded to 16 bytes; the reader must not depend on the alignment.
    Tensor old = NpyIO.fromBytes(NpyBytes.unpadded(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }    \n", data));
    assertArrayEquals(new float[] {1f, 2f}, old.floatData());
  }

  @Test
  void bytesAfterTheDataAreIgnoredAsNumpyDoes() {
    byte[] f = NpyBytes.concat(file(1, dict("<i4", "(1,)"), ints(LITTLE_ENDIAN, 9)),
        bytes(1, 2, 3));
    assertArrayEquals(new int[] {9}, NpyIO.fromBytes(f).intData());
  }

  @Test
  void loadReadsAFileLargerThanOneChunk() throws Exception {
    int n = 50_000;
    double[] values = new double[n];
    float[] expected = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = Math.sin(i) * 1000.0;
      expected[i] = (float) values[i];
    }
    Path p = dir.resolve("big.npy");
    Files.write(p,
        file(1, dict("<f8", "(" + (n / 100) + ", 100)"), doubles(LITTLE_ENDIAN, values)));
    Tensor t = NpyIO.load(p);
    assertTensor(DType.FLOAT32, Shape.of(n / 100, 100), t);
    assertArrayEquals(expected, t.floatData());
  }
}
