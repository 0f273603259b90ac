package org.jkeras.utils;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.jkeras.utils.NpyBytes.dict;
import static org.jkeras.utils.NpyBytes.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jkeras.backend.DType;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npz} archives: round trips, hand-built archives and every refusal. */
class NpzIOTest {
  @TempDir Path dir;

  private static Map<String, Tensor> sample() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("x_train", Tensor.of(new float[] {1, -2, 3.5f, 0, 1e-7f, 6}, 3, 2));
    m.put("labels", Tensor.ofInts(new int[] {0, 2, 1}, 3));
    m.put("ids", Tensor.ofLongs(new long[] {1L << 50, -1}, 2));
    m.put("mask", Tensor.ofBools(new boolean[] {true, false, true}, 3));
    m.put("lr", Tensor.scalar(0.001f));
    m.put("none", Tensor.zeros(Shape.of(0, 4), DType.INT32));
    return m;
  }

  private static void assertSameArrays(Map<String, Tensor> expected, Map<String, Tensor> actual) {
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
    for (String k : expected.keySet()) {
      Tensor e = expected.get(k);
      Tensor a = actual.get(k);
      assertEquals(e.dtype(), a.dtype(), k);
      assertEquals(e.shape(), a.shape(), k);
      assertArrayEquals(NpyIO.toBytes(e), NpyIO.toBytes(a), k);
    }
  }

  private static List<Integer> methods(Path p) throws IOException {
    List<Integer> methods = new ArrayList<>();
    try (ZipFile z = new ZipFile(p.toFile())) {
      z.stream().forEach(e -> methods.add(e.getMethod()));
    }
    return methods;
  }

  @Test
  void storedAndDeflatedArchivesRoundTripInOrder() throws IOException {
    Path stored = dir.resolve("s.npz");
    Path deflated = dir.resolve("d.npz");
    NpzIO.save(stored, sample());
    NpzIO.saveCompressed(deflated, sample());
    assertEquals(List.of(0, 0, 0, 0, 0, 0), methods(stored));
    assertEquals(List.of(8, 8, 8, 8, 8, 8), methods(deflated));
    try (ZipFile z = new ZipFile(stored.toFile())) {
      assertEquals(List.of("x_train.npy", "labels.npy", "ids.npy", "mask.npy", "lr.npy",
          "none.npy"), z.stream().map(ZipEntry::getName).toList());
      // Each entry is exactly the .npy file NpyIO writes.
      assertArrayEquals(NpyIO.toBytes(sample().get("ids")),
          z.getInputStream(z.getEntry("ids.npy")).readAllBytes());
    }
    SequencedMap<String, Tensor> s = NpzIO.load(stored);
    assertSameArrays(sample(), s);
    assertEquals("x_train", s.firstEntry().getKey());
    assertSameArrays(sample(), NpzIO.load(deflated));
    assertThrows(UnsupportedOperationException.class, () -> s.put("y", Tensor.scalar(1)));
  }

  @Test
  void savingTwiceGivesTheSameBytes() throws IOException {
    Path a = dir.resolve("a.npz");
    Path b = dir.resolve("b.npz");
    NpzIO.saveCompressed(a, sample());
    NpzIO.saveCompressed(b, sample());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    NpzIO.save(a, Map.of());
    assertEquals(Map.of(), NpzIO.load(a));
  }

  /** A zip written entry by entry, independently of NpzIO; stored entries get their CRC. */
  private Path zip(String name, Object... nameBytesMethod) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(p);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i < nameBytesMethod.length; i += 3) {
        byte[] data = (byte[]) nameBytesMethod[i + 1];
        ZipEntry e = new ZipEntry((String) nameBytesMethod[i]);
        int method = (Integer) nameBytesMethod[i + 2];
        e.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(data);
          e.setSize(data.length);
          e.setCompressedSize(data.length);
          e.setCrc(crc.getValue());
        }
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
      }
    }
    return p;
  }

  @Test
  void readsHandBuiltArchivesOfEveryKind() throws IOException {
    Path p = zip("hand.npz",
        "w.npy", file(1, dict("<f8", "(2, 2)"), NpyBytes.doubles(LITTLE_ENDIAN, 1, 2, 3, 0.5)),
        ZipEntry.STORED,
        "nested/b.npy", file(2, dict(">i4", "(3,)"),
            NpyBytes.ints(java.nio.ByteOrder.BIG_ENDIAN, 1, 2, 3)), ZipEntry.DEFLATED,
        "flag.npy", file(3, dict("|b1", "()"), NpyBytes.bytes(1)), ZipEntry.DEFLATED);
    SequencedMap<String, Tensor> m = NpzIO.load(p);
    assertEquals(List.of("w", "nested/b", "flag"), List.copyOf(m.keySet()));
    assertEquals(DType.FLOAT32, m.get("w").dtype());
    assertArrayEquals(new float[] {1, 2, 3, 0.5f}, m.get("w").floatData());
    assertArrayEquals(new int[] {1, 2, 3}, m.get("nested/b").intData());
    assertEquals(true, m.get("flag").getBoolean());
  }

  private void assertRefused(String expected, Path p) {
    JKerasException e = assertThrows(JKerasException.class, () -> NpzIO.load(p));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void entriesThatAreNotNpyArrays() throws IOException {
    byte[] ok = file(1, dict("<f4", "()"), NpyBytes.floats(LITTLE_ENDIAN, 1));
    Path txt = zip("t.npz", "a.npy", ok, ZipEntry.STORED, "readme.txt", new byte[] {'h'},
        ZipEntry.DEFLATED);
    assertRefused(txt + ": entry 'readme.txt' is not a .npy array; a .npz archive holds only"
        + " .npy entries, one per array.", txt);
    Path folder = zip("f.npz", "sub.npy/", new byte[0], ZipEntry.DEFLATED);
    assertRefused(folder + ": entry 'sub.npy/' is not a .npy array; a .npz archive holds only"
        + " .npy entries, one per array.", folder);
    Path notNpy = zip("n.npz", "a.npy", new byte[] {1, 2, 3}, ZipEntry.STORED);
    assertRefused(notNpy + " entry 'a.npy': not a .npy file: it does not start with the magic"
        + " string \\x93NUMPY.", notNpy);
  }

  @Test
  void filesThatAreNotZipArchives() throws IOException {
    Path text = dir.resolve("text.npz");
    Files.writeString(text, "just some text, not a zip archive at all");
    assertRefused(text + ": not a valid .npz file (a zip archive of .npy files): zip END header"
        + " not found.", text);
    Path empty = dir.resolve("empty.npz");
    Files.write(empty, new byte[0]);
    assertRefused(empty + ": not a valid .npz file (a zip archive of .npy files): zip file is"
        + " empty.", empty);
    Path npy = dir.resolve("x.npy");
    NpyIO.save(npy, Tensor.scalar(1));
    assertRefused(npy + ": not a valid .npz file (a zip archive of .npy files): zip END header"
        + " not found.", npy);
    Path missing = dir.resolve("missing.npz");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> NpzIO.load(missing));
    assertEquals("Cannot read " + missing + ": no such file.", e.getMessage());
  }

  @Test
  void truncatedArchivesAndEntries() throws IOException {
    Path whole = dir.resolve("whole.npz");
    NpzIO.saveCompressed(whole, sample());
    byte[] bytes = Files.readAllBytes(whole);
    Path half = dir.resolve("half.npz");
    Files.write(half, Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(half + ": not a valid .npz file (a zip archive of .npy files): zip END header"
        + " not found.", half);
    byte[] cut = file(1, dict("<f4", "(4,)"), NpyBytes.floats(LITTLE_ENDIAN, 1, 2, 3));
    Path shortEntry = zip("short.npz", "a.npy", cut, ZipEntry.DEFLATED);
    assertRefused(shortEntry + " entry 'a.npy': truncated .npy data: shape (4,) of dtype '<f4'"
        + " needs 16 bytes but only 12 follow the header.", shortEntry);
  }

  @Test
  void corruptDataFailsTheCrcCheck() throws IOException {
    Path p = dir.resolve("c.npz");
    NpzIO.save(p, Map.of("a", Tensor.of(new float[] {1, 2, 3}, 3)));
    byte[] bytes = Files.readAllBytes(p);
    byte[] data = NpyBytes.floats(LITTLE_ENDIAN, 1, 2, 3);
    int at = indexOf(bytes, data);
    bytes[at + 5] ^= 0x10;
    Files.write(p, bytes);
    assertRefused(p + " entry 'a.npy': CRC check failed; the archive is corrupt.", p);
  }

  @Test
  void corruptDeflateStream() throws IOException {
    Path p = dir.resolve("z.npz");
    NpzIO.saveCompressed(p, Map.of("a", Tensor.of(new float[] {1, 2, 3}, 3)));
    byte[] bytes = Files.readAllBytes(p);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(LITTLE_ENDIAN);
    int data = 30 + b.getShort(26) + b.getShort(28);
    bytes[data] = 0x07; // final block of the reserved type 11
    Files.write(p, bytes);
    assertRefused(p + " entry 'a.npy': corrupt compressed data: invalid block type.", p);
  }

  @Test
  void duplicateNames() throws IOException {
    byte[] one = file(1, dict("<i4", "()"), NpyBytes.ints(LITTLE_ENDIAN, 1));
    Path p = zip("dup.npz", "a.npy", one, ZipEntry.STORED, "b.npy", one, ZipEntry.STORED);
    byte[] bytes = Files.readAllBytes(p);
    for (int at; (at = indexOf(bytes, "b.npy".getBytes())) >= 0; ) {
      bytes[at] = 'a';
    }
    Files.write(p, bytes);
    assertRefused(p + ": entry 'a.npy' appears twice; the archive is corrupt.", p);
  }

  @Test
  void aLyingSizeCannotMakeTheReaderAllocate() throws IOException {
    // The header claims 400 MB; the entry holds 1 KB of zeros and its central directory
    // record is patched to claim 2 GB. The reader must refuse from the compressed size alone.
    byte[] npy = file(1, dict("<f4", "(100000000,)"), new byte[1024]);
    Path p = zip("lie.npz", "a.npy", npy, ZipEntry.DEFLATED);
    byte[] bytes = Files.readAllBytes(p);
    int central = indexOf(bytes, new byte[] {'P', 'K', 1, 2});
    ByteBuffer.wrap(bytes).order(LITTLE_ENDIAN).putInt(central + 24, 0x7fffffff);
    Files.write(p, bytes);
    long compressed;
    try (ZipFile z = new ZipFile(p.toFile())) {
      assertEquals(0x7fffffffL, z.getEntry("a.npy").getSize());
      compressed = z.getEntry("a.npy").getCompressedSize();
    }
    long budget = compressed * 1032 + 1024 - 128;
    assertRefused(p + " entry 'a.npy': truncated .npy data: shape (100000000,) of dtype '<f4'"
        + " needs 400000000 bytes but only " + budget + " follow the header.", p);
  }

  @Test
  void writingRefusesMissingNamesAndTensors() {
    Path p = dir.resolve("w.npz");
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("", Tensor.scalar(1));
    JKerasException e = assertThrows(JKerasException.class, () -> NpzIO.save(p, m));
    assertEquals("Cannot write " + p + ": every array needs a non-empty name, got ''.",
        e.getMessage());
    m.clear();
    m.put("x", null);
    e = assertThrows(JKerasException.class, () -> NpzIO.saveCompressed(p, m));
    assertEquals("Cannot write " + p + ": the array 'x' is null.", e.getMessage());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
