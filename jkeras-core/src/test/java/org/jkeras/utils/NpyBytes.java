package org.jkeras.utils;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} files byte by byte from the format description (numpy's
 * {@code numpy/lib/format.py} docstring), independently of the code under test.
 */
final class NpyBytes {
  private NpyBytes() {}

  /** A dict header for the given descr and shape text, such as {@code "(2, 3)"}. */
  static String dict(String descr, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  }

  /**
   * A whole file: magic, version (major.0), header length (2 bytes little-endian for 1.0, 4 for
   * 2.0 and 3.0), the header padded with spaces and a newline to a 64-byte boundary, then data.
   */
  static byte[] file(int major, String header, byte[] data) {
    byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8
        : StandardCharsets.ISO_8859_1);
    int prefix = major == 1 ? 10 : 12;
    int unpadded = prefix + text.length + 1;
    int padded = (unpadded + 63) / 64 * 64;
    int headerLength = padded - prefix;
    ByteBuffer b = ByteBuffer.allocate(padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) major).put((byte) 0);
    if (major == 1) {
      b.putShort((short) headerLength);
    } else {
      b.putInt(headerLength);
    }
    b.put(text);
    while (b.position() < padded - 1) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n');
    b.put(data);
    return b.array();
  }

  /** A version 1.0 file whose header is exactly {@code header}, with no padding. */
  static byte[] unpadded(String header, byte[] data) {
    byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(10 + text.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1)
        .put((byte) 0).putShort((short) text.length).put(text).put(data);
    return b.array();
  }

  static byte[] floats(ByteOrder order, float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  static byte[] doubles(ByteOrder order, double... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  static byte[] ints(ByteOrder order, int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  static byte[] longs(ByteOrder order, long... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  static byte[] shorts(ByteOrder order, int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(order);
    for (int v : values) {
      b.putShort((short) v);
    }
    return b.array();
  }

  static byte[] bytes(int... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int v : values) {
      out.write(v);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
