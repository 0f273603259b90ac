package org.jkeras.utils;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Tensor;

/**
 * Reads and writes numpy {@code .npz} archives: a zip file with one {@code name.npy} entry per
 * array, as {@code numpy.savez} (entries stored) and {@code numpy.savez_compressed} (entries
 * deflated) write them. Each entry is read and written by {@link NpyIO}, with its dtype rules.
 *
 * <p>Reading never trusts the sizes an archive declares: an entry's array must fit in what the
 * entry can hold given its compressed size (deflate expands at most about 1032 times), entries
 * are checked against their CRC, and anything that is not a {@code .npy} entry is refused.
 */
public final class NpzIO {
  /** Deflate's largest possible expansion is 1032:1; more than that is a lie or a zip bomb. */
  private static final long MAX_DEFLATE_RATIO = 1032;
  /** Entry times are fixed, so saving the same arrays twice gives the same bytes. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private NpzIO() {}

  /**
   * The arrays in {@code file} by name (the entry name without {@code .npy}), in archive order.
   */
  public static SequencedMap<String, Tensor> load(Path file) {
    long fileLength;
    try {
      fileLength = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("Cannot read " + file + ": no such file.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    SequencedMap<String, Tensor> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(".npy")) {
          throw new JKerasException(file + ": entry '" + name + "' is not a .npy array; a .npz"
              + " archive holds only .npy entries, one per array.");
        }
        String key = name.substring(0, name.length() - ".npy".length());
        if (arrays.containsKey(key)) {
          throw new JKerasException(
              file + ": entry '" + name + "' appears twice; the archive is corrupt.");
        }
        arrays.put(key, readEntry(zip, entry, fileLength, file + " entry '" + name + "'"));
      }
    } catch (ZipException e) {
      throw new JKerasException(file + ": not a valid .npz file (a zip archive of .npy files): "
          + e.getMessage() + ".", e);
    } catch (IOException e) {
      // The file exists and has a size: failing to read it means it is cut short or damaged.
      throw new JKerasException(file + ": not a valid .npz file (a zip archive of .npy files):"
          + " reading it failed (" + e + ").", e);
    }
    return Collections.unmodifiableSequencedMap(arrays);
  }

  private static Tensor readEntry(ZipFile zip, ZipEntry entry, long fileLength, String source)
      throws IOException {
    long compressed = entry.getCompressedSize();
    if (compressed < 0 || compressed > fileLength) {
      compressed = fileLength;
    }
    long most = entry.getMethod() == ZipEntry.STORED ? compressed
        : compressed * MAX_DEFLATE_RATIO + 1024;
    long budget = entry.getSize() >= 0 ? Math.min(entry.getSize(), most) : most;
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
      Tensor tensor = NpyIO.read(in, budget, source);
      // numpy ignores bytes after the data; read them anyway (boundedly) to check the CRC.
      byte[] sink = new byte[8192];
      long extra = 0;
      for (int r; (r = in.read(sink)) != -1; ) {
        extra += r;
        if (extra > most) {
          throw new JKerasException(source + ": the entry holds more data than its compressed"
              + " size allows; the archive is corrupt.");
        }
      }
      if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
        throw new JKerasException(
            source + ": CRC check failed; the archive is corrupt.");
      }
      return tensor;
    } catch (ZipException | EOFException e) {
      throw new JKerasException(source + ": corrupt compressed data: " + e.getMessage() + ".", e);
    }
  }

  /** Writes {@code arrays} to {@code file} uncompressed, as {@code numpy.savez} does. */
  public static void save(Path file, Map<String, Tensor> arrays) {
    write(file, arrays, false);
  }

  /** Writes {@code arrays} to {@code file} deflated, as {@code numpy.savez_compressed} does. */
  public static void saveCompressed(Path file, Map<String, Tensor> arrays) {
    write(file, arrays, true);
  }

  private static void write(Path file, Map<String, Tensor> arrays, boolean compressed) {
    for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
      if (e.getKey() == null || e.getKey().isEmpty()) {
        throw new JKerasException("Cannot write " + file + ": every array needs a non-empty name,"
            + " got " + (e.getKey() == null ? "null" : "''") + ".");
      }
      if (e.getValue() == null) {
        throw new JKerasException(
            "Cannot write " + file + ": the array '" + e.getKey() + "' is null.");
      }
    }
    AtomicFiles.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setTimeLocal(ENTRY_TIME);
        if (compressed) {
          entry.setMethod(ZipEntry.DEFLATED);
        } else {
          // A stored entry's size and CRC go before its data: compute them in a first pass.
          CrcCounter counter = new CrcCounter();
          NpyIO.write(counter, e.getValue());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(counter.count);
          entry.setCompressedSize(counter.count);
          entry.setCrc(counter.crc.getValue());
        }
        zip.putNextEntry(entry);
        NpyIO.write(zip, e.getValue());
        zip.closeEntry();
      }
      zip.finish();
    });
  }

  /** Counts and checksums bytes without keeping them. */
  private static final class CrcCounter extends OutputStream {
    final CRC32 crc = new CRC32();
    long count;

    @Override
    public void write(int b) {
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      crc.update(b, off, len);
      count += len;
    }
  }
}
