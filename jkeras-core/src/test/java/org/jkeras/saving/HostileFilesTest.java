package org.jkeras.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and damaged .keras, .weights.h5 and legacy .h5 files: zip-slip names, zip bombs, lying
 * sizes, truncation and bit flips all end in a JKerasException with bounded memory and time,
 * and nothing is ever written outside (or inside) the directory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFilesTest {
  @TempDir Path root;

  private static byte[] seed(String name) throws IOException {
    try (InputStream in = HostileFilesTest.class.getResourceAsStream(
        "LoaderFuzzTestInputs/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The fixture's entries plus {@code extra} (name, bytes) pairs, as a new zip. */
  private Path rezip(Path out, Object... extra) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(
            seed("kerasFile/04_residual.keras")));
        ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      for (int i = 0; i < extra.length; i += 2) {
        z.putNextEntry(new ZipEntry((String) extra[i]));
        z.write((byte[]) extra[i + 1]);
        z.closeEntry();
      }
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        boolean replaced = false;
        for (int i = 0; i < extra.length; i += 2) {
          replaced |= extra[i].equals(e.getName());
        }
        if (!replaced) {
          z.putNextEntry(new ZipEntry(e.getName()));
          z.write(in.readAllBytes());
          z.closeEntry();
        }
      }
    }
    return out;
  }

  private static List<Path> everything(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void theFixtureLoads() throws IOException {
    Path p = rezip(root.resolve("plain.keras"));
    assertEquals("residual", Keras.loadModel(p).name());
  }

  @Test
  void zipSlipNamesAreRefusedAndNothingIsWritten() throws IOException {
    Path dir = Files.createDirectories(root.resolve("a/b"));
    for (String name : new String[] {"../evil.txt", "assets/../../evil.txt", "/tmp/evil.txt",
        "..\\evil.txt", "C:/evil.txt"}) {
      Path p = rezip(dir.resolve("slip.keras"), name, "pwned".getBytes());
      List<Path> before = everything(root);
      JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
      assertEquals(p + " holds a zip entry with an unsafe path '" + name + "' (absolute or with"
          + " '..'); Keras never writes one, so the file was made by hand or tampered with."
          + " jkeras never extracts files, and refuses to load it.", e.getMessage());
      assertEquals(before, everything(root));
      assertFalse(Files.exists(root.resolve("a/evil.txt")));
      Files.delete(p);
    }
    assertFalse(Files.exists(Path.of("/tmp/evil.txt")) && Files.readString(
        Path.of("/tmp/evil.txt")).equals("pwned"));
  }

  @Test
  void aConfigBombIsStoppedAtTheLimit() throws IOException {
    // 8 MB of spaces deflate to ~8 KB; the JSON limit is lowered to 4 MiB to keep this quick.
    byte[] bomb = new byte[8 << 20];
    Arrays.fill(bomb, (byte) ' ');
    Path p = rezip(root.resolve("bomb.keras"), "config.json", bomb);
    assertTrue(Files.size(p) < 1 << 20);
    byte[] bytes = Files.readAllBytes(p);
    // The zip claims 100 bytes: the reader must stop on what it reads, not on what is claimed.
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(centralHeader(bytes, "config.json") + 24, 100);
    Files.write(p, bytes);
    System.setProperty("jkeras.load.maxJsonBytes", String.valueOf(4 << 20));
    JKerasException e;
    try {
      e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    } finally {
      System.clearProperty("jkeras.load.maxJsonBytes");
    }
    assertEquals(p + ": entry 'config.json' expands to more than 4194304 bytes, over the limit"
        + " of 4194304 bytes for config.json; the file is damaged or a zip bomb (raise the limit"
        + " only for a trusted file, see LoadLimits).", e.getMessage());
  }

  @Test
  void aWeightsBombIsStoppedAtTheModelsOwnLimit() throws IOException {
    byte[] bomb = new byte[66 << 20];
    Path p = rezip(root.resolve("wbomb.keras"), "model.weights.h5", bomb);
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    // The residual model has 84 weights: 64 MiB + 32 bytes each.
    assertEquals(p + ": entry 'model.weights.h5' declares 69206016 bytes, over the limit of"
        + " 67111552 bytes for model.weights.h5; the file is damaged or a zip bomb (raise the"
        + " limit only for a trusted file, see LoadLimits).", e.getMessage());
  }

  @Test
  void anAbsurdDeclaredSizeIsRefusedBeforeReading() throws IOException {
    Path p = rezip(root.resolve("liar.keras"));
    byte[] bytes = Files.readAllBytes(p);
    // Set config.json's uncompressed size in the central directory to 4 GB - 16.
    int at = centralHeader(bytes, "config.json");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 24, 0xFFFFFFF0);
    Files.write(p, bytes);
    JKerasException e = assertThrows(JKerasException.class, () -> Keras.loadModel(p));
    assertEquals(p + ": entry 'config.json' declares 4294967280 bytes, over the limit of"
        + " 67108864 bytes for config.json; the file is damaged or a zip bomb (raise the limit"
        + " only for a trusted file, see LoadLimits).", e.getMessage());
  }

  private static int centralHeader(byte[] zip, String name) {
    byte[] n = name.getBytes();
    for (int i = 0; i + 46 + n.length <= zip.length; i++) {
      if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 1 && zip[i + 3] == 2
          && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + n.length), n)) {
        return i;
      }
    }
    throw new AssertionError("no central header for " + name);
  }

  /** Every truncation point and many bit flips: loads, or a JKerasException; nothing else. */
  private void survivesDamage(String seed, String suffix, int step) throws IOException {
    byte[] good = seed(seed);
    Path p = root.resolve("damaged" + suffix);
    Model residual = suffix.equals(".weights.h5")
        ? Keras.modelFromJson(new String(seed("modelJson/04_residual.json"))) : null;
    int refused = 0;
    for (int cut = 0; cut < good.length; cut += step) {
      refused += load(p, Arrays.copyOf(good, cut), residual);
    }
    for (int at = 0; at < good.length; at += step) {
      byte[] flipped = good.clone();
      flipped[at] ^= (byte) (1 << (at % 8));
      load(p, flipped, residual);
    }
    // Cutting only unused space off the end may leave a loadable file; little else does.
    int cuts = (good.length + step - 1) / step;
    assertTrue(refused >= cuts * 9 / 10, refused + " of " + cuts + " truncations refused");
  }

  private static int load(Path p, byte[] bytes, Model model) throws IOException {
    Files.write(p, bytes);
    try {
      if (model != null) {
        model.loadWeights(p);
      } else {
        Keras.loadModel(p);
      }
      return 0;
    } catch (JKerasException expected) {
      return 1;
    }
  }

  @Test
  void damagedKerasFiles() throws IOException {
    survivesDamage("kerasFile/04_residual.keras", ".keras", 211);
  }

  @Test
  void damagedWeightsFiles() throws IOException {
    survivesDamage("weightsH5/residual.weights.h5", ".weights.h5", 73);
  }

  @Test
  void damagedLegacyFiles() throws IOException {
    survivesDamage("weightsH5/legacy_04_residual.h5", ".h5", 131);
  }

  @Test
  void anOversizedWeightsFileIsRefusedUnread() throws IOException {
    Model m = Keras.modelFromJson(new String(seed("modelJson/04_residual.json")));
    Path p = root.resolve("huge.weights.h5");
    try (var ch = java.nio.channels.FileChannel.open(p,
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[] {1}), 100L << 20); // sparse: 100 MB on paper
    }
    JKerasException e = assertThrows(JKerasException.class, () -> m.loadWeights(p));
    assertTrue(e.getMessage().startsWith(p + " is 104857601 bytes, over the limit of"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("bytes for this model's weights (its weights as float64"
        + " with optimizer slots, plus 64 MiB of HDF5 structure); it is not this model's weights"
        + " file, or it is damaged."), e.getMessage());
  }
}
