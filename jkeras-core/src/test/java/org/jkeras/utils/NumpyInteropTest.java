package org.jkeras.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by real numpy read in jkeras, and jkeras's files read in numpy, byte-identical
 * to {@code numpy.save}'s. Runs only where {@code python3} with numpy is installed; elsewhere
 * the hand-built byte tests cover the format.
 */
class NumpyInteropTest {
  @TempDir Path dir;

  /** Values both sides compute the same way: float64 {@code i * 0.37 - 3}, then cast. */
  private static double value(int i) {
    return i * 0.37 - 3.0;
  }

  private static final String WRITE = """
      import sys, numpy as np
      from numpy.lib import format as fmt
      d = sys.argv[1]
      v = lambda n: np.arange(n) * 0.37 - 3.0
      np.save(d + '/f4.npy', v(6).astype('<f4').reshape(2, 3))
      np.save(d + '/f8.npy', v(5))
      np.save(d + '/i4.npy', (np.arange(4, dtype='<i4') * 7 - 20).reshape(4, 1))
      np.save(d + '/i8.npy', np.array([2**40, -1, 0], dtype='<i8'))
      np.save(d + '/b1.npy', np.array([[True, False], [False, True]]))
      np.save(d + '/u1.npy', np.array([0, 200, 255], dtype=np.uint8))
      np.save(d + '/be.npy', v(3).astype('>f4'))
      np.save(d + '/scalar.npy', np.float32(2.5))
      np.save(d + '/empty.npy', np.zeros((0, 3), dtype='<i8'))
      np.save(d + '/fortran.npy', np.asfortranarray(v(6).reshape(2, 3)))
      np.save(d + '/object.npy', np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
      for version in [(2, 0), (3, 0)]:
          with open(d + '/v%d.npy' % version[0], 'wb') as f:
              fmt.write_array(f, v(4).astype('<f4'), version=version)
      arrays = dict(x=v(6).astype('<f4').reshape(3, 2), y=np.arange(3), m=np.array([True]))
      np.savez(d + '/stored.npz', **arrays)
      np.savez_compressed(d + '/deflated.npz', **arrays)
      np.savez(d + '/positional.npz', v(2), np.arange(2))
      """;

  private static final String CHECK = """
      import sys, numpy as np
      d = sys.argv[1]
      v = lambda n: np.arange(n) * 0.37 - 3.0
      expected = {
          'f4': v(6).astype('<f4').reshape(2, 3),
          'i4': np.array([[1], [-2]], dtype='<i4'),
          'i8': np.array([2**40, -1], dtype='<i8'),
          'b1': np.array([True, False, True]),
          'scalar': np.float32(2.5),
          'empty': np.zeros((0, 3), dtype='<f4'),
      }
      for name, want in expected.items():
          got = np.load(d + '/j_' + name + '.npy')
          assert got.dtype == want.dtype and got.shape == want.shape, (name, got.dtype, got.shape)
          assert np.array_equal(got, want), name
          np.save(d + '/n_' + name + '.npy', want)
          mine = open(d + '/j_' + name + '.npy', 'rb').read()
          theirs = open(d + '/n_' + name + '.npy', 'rb').read()
          assert mine == theirs, 'bytes differ from numpy.save: ' + name
      for archive in ['j_stored.npz', 'j_deflated.npz']:
          with np.load(d + '/' + archive) as z:
              assert list(z.keys()) == ['f4', 'b1'], list(z.keys())
              assert np.array_equal(z['f4'], expected['f4'])
              assert np.array_equal(z['b1'], expected['b1'])
      print('numpy agrees')
      """;

  /** Runs a script; skips the test (not fails) when python3 or numpy is not installed. */
  private static String python(String script, Path dir) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script, dir.toString())
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed");
      throw e;
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python3 did not finish in 60 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeFalse(out.contains("No module named 'numpy'"), "numpy is not installed");
    if (p.exitValue() != 0) {
      throw new AssertionError("python3 failed:\n" + out);
    }
    return out;
  }

  private static float[] floats(int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) value(i);
    }
    return f;
  }

  @Test
  void numpyFilesReadInJkerasAndJkerasFilesReadInNumpy() throws Exception {
    python(WRITE, dir);
    Tensor f4 = NpyIO.load(dir.resolve("f4.npy"));
    assertEquals(Shape.of(2, 3), f4.shape());
    assertArrayEquals(floats(6), f4.floatData());
    Tensor f8 = NpyIO.load(dir.resolve("f8.npy"));
    assertEquals(DType.FLOAT32, f8.dtype());
    assertArrayEquals(floats(5), f8.floatData());
    assertArrayEquals(new int[] {-20, -13, -6, 1}, NpyIO.load(dir.resolve("i4.npy")).intData());
    assertArrayEquals(new long[] {1L << 40, -1, 0}, NpyIO.load(dir.resolve("i8.npy")).longData());
    Tensor b1 = NpyIO.load(dir.resolve("b1.npy"));
    assertEquals(DType.BOOL, b1.dtype());
    assertArrayEquals(new int[] {1, 0, 0, 1}, b1.intData());
    assertArrayEquals(new int[] {0, 200, 255}, NpyIO.load(dir.resolve("u1.npy")).intData());
    assertArrayEquals(floats(3), NpyIO.load(dir.resolve("be.npy")).floatData());
    assertEquals(Shape.scalar(), NpyIO.load(dir.resolve("scalar.npy")).shape());
    assertEquals(Shape.of(0, 3), NpyIO.load(dir.resolve("empty.npy")).shape());
    assertArrayEquals(floats(4), NpyIO.load(dir.resolve("v2.npy")).floatData());
    assertArrayEquals(floats(4), NpyIO.load(dir.resolve("v3.npy")).floatData());
    String fortran = assertThrows(JKerasException.class,
        () -> NpyIO.load(dir.resolve("fortran.npy"))).getMessage();
    assertTrue(fortran.contains("Fortran order"), fortran);
    String object = assertThrows(JKerasException.class,
        () -> NpyIO.load(dir.resolve("object.npy"))).getMessage();
    assertTrue(object.contains("Python objects (dtype '|O')"), object);
    for (String archive : List.of("stored.npz", "deflated.npz")) {
      Map<String, Tensor> z = NpzIO.load(dir.resolve(archive));
      assertEquals(List.of("x", "y", "m"), List.copyOf(z.keySet()));
      assertArrayEquals(floats(6), z.get("x").floatData());
      assertEquals(Shape.of(3, 2), z.get("x").shape());
      assertArrayEquals(new long[] {0, 1, 2}, z.get("y").longData());
      assertArrayEquals(new int[] {1}, z.get("m").intData());
    }
    assertEquals(List.of("arr_0", "arr_1"),
        List.copyOf(NpzIO.load(dir.resolve("positional.npz")).keySet()));

    Map<String, Tensor> mine = new LinkedHashMap<>();
    mine.put("f4", Tensor.of(floats(6), 2, 3));
    mine.put("i4", Tensor.ofInts(new int[] {1, -2}, 2, 1));
    mine.put("i8", Tensor.ofLongs(new long[] {1L << 40, -1}, 2));
    mine.put("b1", Tensor.ofBools(new boolean[] {true, false, true}, 3));
    mine.put("scalar", Tensor.scalar(2.5f));
    mine.put("empty", Tensor.zeros(0, 3));
    for (Map.Entry<String, Tensor> e : mine.entrySet()) {
      NpyIO.save(dir.resolve("j_" + e.getKey() + ".npy"), e.getValue());
    }
    Map<String, Tensor> archive = new LinkedHashMap<>();
    archive.put("f4", mine.get("f4"));
    archive.put("b1", mine.get("b1"));
    NpzIO.save(dir.resolve("j_stored.npz"), archive);
    NpzIO.saveCompressed(dir.resolve("j_deflated.npz"), archive);
    assertEquals("numpy agrees", python(CHECK, dir).strip());
    assertTrue(Files.exists(dir.resolve("n_f4.npy")));
  }
}
