package org.jkeras.utils;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.jkeras.utils.NpyBytes.bytes;
import static org.jkeras.utils.NpyBytes.dict;
import static org.jkeras.utils.NpyBytes.file;
import static org.jkeras.utils.NpyBytes.floats;
import static org.jkeras.utils.NpyBytes.unpadded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jkeras.backend.JKerasException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a {@code .npy} file can be refused, with its exact message. */
class NpyIOErrorTest {
  @TempDir Path dir;

  private static void assertRefused(String expected, byte[] npy) {
    JKerasException e = assertThrows(JKerasException.class, () -> NpyIO.fromBytes(npy));
    assertEquals(expected, e.getMessage());
  }

  private static String malformed(String header, String reason) {
    return "npy bytes: malformed .npy header \"" + header.strip() + "\": " + reason + ".";
  }

  @Test
  void fortranOrder() {
    assertRefused("npy bytes: the array is stored in Fortran order (fortran_order: True); jkeras"
        + " reads C-order arrays only. Save it with"
        + " numpy.save(path, numpy.ascontiguousarray(a)).",
        file(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }",
            floats(LITTLE_ENDIAN, 1, 2, 3, 4)));
  }

  @Test
  void objectArrays() {
    assertRefused("npy bytes: the array holds Python objects (dtype '|O'); jkeras never"
        + " unpickles data. Convert it to a numeric dtype in numpy first.",
        file(1, dict("|O", "(2,)"), bytes(0x80, 2, 0x5d)));
  }

  @Test
  void unsupportedDtypes() {
    String supported = "; jkeras reads float16, float32, float64, int8, int16, int32, int64,"
        + " uint8, uint16, uint32 and bool.";
    for (String d : new String[] {"<c8", "<U5", "|S3", "<u8", "<M8[ns]", "|f4", "<f16", "<i3"}) {
      assertRefused("npy bytes: unsupported dtype '" + d + "'" + supported,
          file(1, dict(d, "(1,)"), new byte[16]));
    }
    assertRefused("npy bytes: unsupported dtype [('x', '<f4')]: structured (record)"
        + " arrays are not supported; save each field as its own array.",
        file(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }",
            new byte[4]));
  }

  @Test
  void truncatedData() {
    assertRefused("npy bytes: truncated .npy data: shape (2, 3) of dtype '<f4' needs 24 bytes"
        + " but only 20 follow the header.",
        file(1, dict("<f4", "(2, 3)"), floats(LITTLE_ENDIAN, 1, 2, 3, 4, 5)));
    assertRefused("npy bytes: truncated .npy data: shape () of dtype '<i8' needs 8 bytes"
        + " but only 0 follow the header.", file(1, dict("<i8", "()"), new byte[0]));
  }

  @Test
  void truncatedPreambleAndHeader() {
    byte[] whole = file(1, dict("<f4", "(1,)"), floats(LITTLE_ENDIAN, 1));
    assertRefused("npy bytes: truncated .npy file: it ends after 8 bytes, inside the preamble.",
        Arrays.copyOf(whole, 8));
    assertRefused("npy bytes: truncated .npy file: the header declares 118 bytes but only 20"
        + " follow the preamble.", Arrays.copyOf(whole, 30));
    byte[] v2 = file(2, dict("<f4", "(1,)"), floats(LITTLE_ENDIAN, 1));
    assertRefused("npy bytes: truncated .npy file: it ends after 11 bytes, inside the preamble.",
        Arrays.copyOf(v2, 11));
  }

  @Test
  void notANpyFile() {
    assertRefused("npy bytes: not a .npy file: it does not start with the magic string"
        + " \\x93NUMPY.", "hello world, this is text".getBytes());
    assertRefused("npy bytes: not a .npy file: it does not start with the magic string"
        + " \\x93NUMPY.", new byte[0]);
    assertRefused("npy bytes: not a .npy file: it is a zip archive (a .npz file?); read it with"
        + " NpzIO.load.", bytes('P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0));
    byte[] v4 = file(1, dict("<f4", "(1,)"), floats(LITTLE_ENDIAN, 1));
    v4[6] = 4;
    assertRefused("npy bytes: unsupported .npy format version 4.0; jkeras reads versions 1.0,"
        + " 2.0 and 3.0.", v4);
  }

  @Test
  void malformedHeaders() {
    String[][] cases = {
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)",
          "expected ',' or '}' at character 54"},
      {"['descr', '<f4']", "it is not a dict"},
      {"{'descr': '<f4', 'shape': (1,)}",
          "it must have exactly the keys 'descr', 'fortran_order' and 'shape'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
          "it must have exactly the keys 'descr', 'fortran_order' and 'shape'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': [1]}",
          "'shape' must be a tuple of non-negative integers"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 2)}",
          "'shape' must be a tuple of non-negative integers"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1, 'a')}",
          "'shape' must be a tuple of non-negative integers"},
      {"{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}",
          "'fortran_order' must be True or False"},
      {"{'descr': 4, 'fortran_order': False, 'shape': (1,)}",
          "'descr' must be a dtype string such as '<f4'"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} junk",
          "unexpected text after the literal at character 56"},
      {"{'descr': '<f4', 'fortran_order': false, 'shape': (1,)}",
          "unexpected name 'false' at character 34"},
      {"{'descr': '<f4, 'fortran_order': False, 'shape': (1,)}",
          "expected ',' or '}' at character 17"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}",
          "the integer 99999999999999999999 is too large at character 71"},
      {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}",
          "duplicate key descr at character 31"},
      {"", "the text ends where a value was expected at character 0"},
    };
    for (String[] c : cases) {
      assertRefused(malformed(c[0], c[1]), unpadded(c[0], floats(LITTLE_ENDIAN, 1)));
    }
    String deep = "(".repeat(40) + ")".repeat(40);
    assertRefused(malformed(deep, "nesting deeper than 32 levels at character 33"),
        unpadded(deep, new byte[0]));
  }

  @Test
  void longHeadersAreShortenedInMessages() {
    String h = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': '"
        + "y".repeat(300) + "'}";
    JKerasException e = assertThrows(JKerasException.class,
        () -> NpyIO.fromBytes(unpadded(h, new byte[4])));
    assertEquals("npy bytes: malformed .npy header \"" + h.substring(0, 200) + "...\": it must"
        + " have exactly the keys 'descr', 'fortran_order' and 'shape'.", e.getMessage());
  }

  @Test
  void versionThreeHeaderMustBeUtf8() {
    byte[] f = file(3, dict("<f4", "(1,)"), floats(LITTLE_ENDIAN, 1));
    f[13] = (byte) 0xff;
    assertRefused("npy bytes: malformed .npy header: a version 3.0 header must be UTF-8 text.", f);
  }

  @Test
  void absurdSizesFailBeforeAllocating() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertRefused("npy bytes: corrupt .npy header: shape (4611686018427387904, 4) declares"
          + " more elements than any file can hold.",
          file(1, dict("<f4", "(4611686018427387904, 4)"), new byte[0]));
      assertRefused("npy bytes: truncated .npy data: shape (100000, 100000) of dtype '<f8'"
          + " needs 80000000000 bytes but only 8 follow the header.",
          file(1, dict("<f8", "(100000, 100000)"), new byte[8]));
      assertRefused("npy bytes: truncated .npy data: shape (500000000,) of dtype '<f4' needs"
          + " 2000000000 bytes but only 0 follow the header.",
          file(1, dict("<f4", "(500000000,)"), new byte[0]));
      byte[] hugeHeader = file(2, dict("<f4", "(1,)"), new byte[4]);
      hugeHeader[8] = hugeHeader[9] = hugeHeader[10] = hugeHeader[11] = (byte) 0xff;
      assertRefused("npy bytes: corrupt .npy file: the header declares 4294967295 bytes, more"
          + " than the 1048576 jkeras accepts.", hugeHeader);
    });
  }

  @Test
  void shapesBeyondOneTensor() throws Exception {
    // Claim a huge stream so the size check passes and the tensor limits are what refuse.
    byte[] wide = file(1, dict("|b1", "(0, 3000000000)"), new byte[0]);
    JKerasException e = assertThrows(JKerasException.class, () -> NpyIO.read(
        new ByteArrayInputStream(wide), Long.MAX_VALUE / 2, "x.npy"));
    assertEquals("x.npy: shape (0, 3000000000) has a dimension over 2^31 - 1, more than a"
        + " jkeras tensor can hold.", e.getMessage());
    byte[] many = file(1, dict("|b1", "(50000, 50000)"), new byte[0]);
    e = assertThrows(JKerasException.class, () -> NpyIO.read(
        new ByteArrayInputStream(many), Long.MAX_VALUE / 2, "x.npy"));
    assertEquals("x.npy: shape (50000, 50000) has 2500000000 elements, more than one tensor can"
        + " hold (2^31 - 9).", e.getMessage());
  }

  @Test
  void fileMessagesNameTheFile() throws Exception {
    Path p = dir.resolve("bad.npy");
    Files.write(p, file(1, dict("<f4", "(3,)"), floats(LITTLE_ENDIAN, 1)));
    JKerasException e = assertThrows(JKerasException.class, () -> NpyIO.load(p));
    assertEquals(p + ": truncated .npy data: shape (3,) of dtype '<f4' needs 12 bytes but only"
        + " 4 follow the header.", e.getMessage());
    Path missing = dir.resolve("missing.npy");
    UncheckedIOException io = assertThrows(UncheckedIOException.class,
        () -> NpyIO.load(missing));
    assertEquals("Cannot read " + missing + ": no such file.", io.getMessage());
  }
}
