package org.jkeras.saving;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jkeras.backend.JKerasException;

/**
 * Reads entries of a zip that came from outside without trusting it: names that point out of
 * the archive are refused (jkeras never extracts to disk, but such a name only comes from a
 * hand-made or tampered file), and entries are read into memory only up to a limit and only as
 * far as deflate can really expand their compressed bytes, whatever sizes the zip declares.
 */
final class ZipEntries {
  /** Deflate's largest expansion is about 1032:1; more means a lying header or a zip bomb. */
  private static final long MAX_DEFLATE_RATIO = 1032;

  private ZipEntries() {}

  /** Refuses the archive when any entry's name is absolute or climbs out with {@code ..}. */
  static void checkNames(ZipFile zip, Path path) {
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (unsafe(name)) {
        throw new JKerasException(path + " holds a zip entry with an unsafe path '" + name
            + "' (absolute or with '..'); Keras never writes one, so the file was made by hand"
            + " or tampered with. jkeras never extracts files, and refuses to load it.");
      }
    }
  }

  static boolean unsafe(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':') || n.indexOf('\0') >= 0) {
      return true;
    }
    return Arrays.asList(n.split("/")).contains("..");
  }

  /**
   * The bytes of {@code entry}, at most {@code limit} of them ({@code what} names the limit in
   * the error); {@code fileLength} bounds what the entry's compressed data can be.
   */
  static byte[] read(ZipFile zip, ZipEntry entry, long limit, String what, Path path,
      long fileLength) throws IOException {
    long compressed = entry.getCompressedSize();
    if (compressed < 0 || compressed > fileLength) {
      compressed = fileLength;
    }
    long expandable = entry.getMethod() == ZipEntry.STORED ? compressed
        : compressed > Long.MAX_VALUE / MAX_DEFLATE_RATIO ? Long.MAX_VALUE
        : compressed * MAX_DEFLATE_RATIO + 1024;
    limit = Math.min(limit, LoadLimits.MAX_ARRAY_BYTES);
    long declared = entry.getSize();
    if (declared > limit) {
      throw tooBig(entry, path, "declares " + declared + " bytes", limit, what);
    }
    long cap = Math.min(limit, expandable);
    byte[] buf = new byte[(int) Math.min(cap + 1, declared >= 0 ? declared + 1 : 1 << 16)];
    int n = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      while (true) {
        if (n == buf.length) {
          if (n > cap) {
            break;
          }
          buf = Arrays.copyOf(buf, (int) Math.min(cap + 1, Math.max(1 << 16, 2L * n)));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    }
    if (n > limit) {
      throw tooBig(entry, path, "expands to more than " + limit + " bytes", limit, what);
    }
    if (n > expandable) {
      throw new JKerasException(path + ": entry '" + entry.getName() + "' expands to more than"
          + " its " + compressed + " compressed bytes can hold; the archive is damaged or a zip"
          + " bomb.");
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  private static JKerasException tooBig(ZipEntry entry, Path path, String how, long limit,
      String what) {
    return new JKerasException(path + ": entry '" + entry.getName() + "' " + how + ", over the"
        + " limit of " + limit + " bytes for " + what + "; the file is damaged or a zip bomb"
        + " (raise the limit only for a trusted file, see LoadLimits).");
  }
}
