package org.jkeras.utils;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing {@code .npy}: numpy's exact bytes, round trips and atomic replacement. */
class NpyIOWriteTest {
  @TempDir Path dir;

  /** numpy.save's header for a shape: the dict, 21 - digits(first dim) spaces, then padding. */
  private static byte[] numpyHeader(String descr, String shape, int firstDimDigits) {
    String dict = NpyBytes.dict(descr, shape);
    if (firstDimDigits > 0) {
      dict += " ".repeat(21 - firstDimDigits);
    }
    return NpyBytes.file(1, dict, new byte[0]);
  }

  @Test
  void headerMatchesNumpySaveByteForByte() {
    byte[] f32 = NpyIO.toBytes(Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
    byte[] expected = NpyBytes.concat(numpyHeader("<f4", "(2, 3)", 1),
        NpyBytes.floats(LITTLE_ENDIAN, 0, 1, 2, 3, 4, 5));
    assertArrayEquals(expected, f32);
    assertEquals(152, f32.length);
    assertEquals(118, (f32[8] & 0xff) | (f32[9] & 0xff) << 8);
    String header = new String(f32, 10, 118, StandardCharsets.ISO_8859_1);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
        + " ".repeat(58) + "\n", header);
    byte[] scalar = NpyIO.toBytes(Tensor.scalar(2f));
    assertArrayEquals(NpyBytes.concat(numpyHeader("<f4", "()", 0),
        NpyBytes.floats(LITTLE_ENDIAN, 2f)), scalar);
    assertEquals(132, scalar.length);
  }

  @Test
  void everyDtypeWritesItsNumpyTwin() {
    assertArrayEquals(NpyBytes.concat(numpyHeader("<i4", "(2,)", 1),
        NpyBytes.ints(LITTLE_ENDIAN, -1, 7)), NpyIO.toBytes(Tensor.ofInts(new int[] {-1, 7}, 2)));
    assertArrayEquals(NpyBytes.concat(numpyHeader("<i8", "(1, 2)", 1),
        NpyBytes.longs(LITTLE_ENDIAN, 1L << 40, -3)),
        NpyIO.toBytes(Tensor.ofLongs(new long[] {1L << 40, -3}, 1, 2)));
    assertArrayEquals(NpyBytes.concat(numpyHeader("|b1", "(3,)", 1), NpyBytes.bytes(1, 0, 1)),
        NpyIO.toBytes(Tensor.ofBools(new boolean[] {true, false, true}, 3)));
    assertArrayEquals(numpyHeader("<f4", "(0, 5)", 1), NpyIO.toBytes(Tensor.zeros(0, 5)));
    assertArrayEquals(numpyHeader("<f4", "(12345, 0)", 5), NpyIO.toBytes(Tensor.zeros(12345, 0)));
  }

  @Test
  void roundTripsThroughFilesKeepDtypeShapeAndBits() {
    float[] f = new float[70_000];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) Math.cos(i) * (i % 7 == 0 ? 1e-30f : 1e3f);
    }
    f[5] = Float.NaN;
    f[6] = -0f;
    List<Tensor> tensors = List.of(
        Tensor.of(f, 700, 100),
        Tensor.ofInts(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3, 1),
        Tensor.ofLongs(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2),
        Tensor.ofBools(new boolean[] {true, false, false, true}, 2, 1, 2),
        Tensor.scalar(3.5f),
        Tensor.zeros(Shape.of(0, 3), DType.INT64),
        Tensor.zeros(Shape.of(4, 0, 2), DType.BOOL),
        new Variable(Tensor.of(new float[] {1, 2}, 2), "v"));
    for (int k = 0; k < tensors.size(); k++) {
      Tensor t = tensors.get(k);
      Path p = dir.resolve("t" + k + ".npy");
      NpyIO.save(p, t);
      Tensor back = NpyIO.load(p);
      assertSame(t, back);
      assertSame(t, NpyIO.fromBytes(NpyIO.toBytes(t)));
      assertArrayEquals(NpyIO.toBytes(t), readAll(p));
    }
  }

  private static void assertSame(Tensor expected, Tensor actual) {
    assertEquals(expected.dtype(), actual.dtype());
    assertEquals(expected.shape(), actual.shape());
    switch (expected.dtype()) {
      case FLOAT32 -> {
        int[] a = new int[expected.size()];
        int[] b = new int[actual.size()];
        for (int i = 0; i < a.length; i++) {
          a[i] = Float.floatToRawIntBits(expected.floatData()[i]);
          b[i] = Float.floatToRawIntBits(actual.floatData()[i]);
        }
        assertArrayEquals(a, b);
      }
      case INT32, BOOL -> assertArrayEquals(expected.intData(), actual.intData());
      case INT64 -> assertArrayEquals(expected.longData(), actual.longData());
    }
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aHeaderPast64KiBUsesVersionTwo() {
    Tensor t = Tensor.wrap(new float[] {4.5f}, ones(22_000));
    byte[] b = NpyIO.toBytes(t);
    assertEquals(2, b[6]);
    assertEquals(0, b[7]);
    int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8 | (b[10] & 0xff) << 16
        | (b[11] & 0xff) << 24;
    assertEquals(0, (12 + headerLength) % 64);
    assertEquals('\n', b[12 + headerLength - 1]);
    assertEquals(12 + headerLength + 4, b.length);
    Tensor back = NpyIO.fromBytes(b);
    assertEquals(t.shape(), back.shape());
    assertEquals(4.5f, back.floatData()[0]);
    // Just under the limit stays version 1.0.
    assertEquals(1, NpyIO.toBytes(Tensor.wrap(new float[] {1}, ones(21_000)))[6]);
  }

  private static Shape ones(int rank) {
    int[] dims = new int[rank];
    Arrays.fill(dims, 1);
    return Shape.of(dims);
  }

  @Test
  void saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
    Path p = dir.resolve("a.npy");
    NpyIO.save(p, Tensor.of(new float[] {1, 2}, 2));
    NpyIO.save(p, Tensor.ofInts(new int[] {3}, 1));
    assertArrayEquals(new int[] {3}, NpyIO.load(p).intData());
    byte[] before = Files.readAllBytes(p);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.write(p, out -> {
          out.write(new byte[1000]);
          throw new IOException("disk full");
        }));
    assertEquals("Cannot write " + p + ": disk full", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(p));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList());
    }
  }

  @Test
  void saveRefusesDirectoriesAndMissingFolders() {
    JKerasException e = assertThrows(JKerasException.class,
        () -> NpyIO.save(dir, Tensor.scalar(1)));
    assertEquals("Cannot write " + dir + ": it is a directory.", e.getMessage());
    Path nowhere = dir.resolve("no/such/x.npy");
    e = assertThrows(JKerasException.class, () -> NpyIO.save(nowhere, Tensor.scalar(1)));
    assertEquals("Cannot write " + nowhere + ": the folder " + nowhere.getParent()
        + " does not exist.", e.getMessage());
  }
}
