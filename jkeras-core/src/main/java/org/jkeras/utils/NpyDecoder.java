package org.jkeras.utils;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Turns raw {@code .npy} element bytes into the Java array of the tensor they become. The types
 * jkeras holds as they are go through one bulk {@link MemorySegment#copy} (which swaps bytes
 * when the file is big-endian); the widened and narrowed ones go element by element.
 */
final class NpyDecoder {
  private NpyDecoder() {}

  /** Decodes {@code count} elements at the start of {@code seg} into {@code dst[at...]}. */
  static void decode(NpyType type, ByteOrder order, MemorySegment seg, int count, Object dst,
      int at) {
    switch (type) {
      case FLOAT32 -> MemorySegment.copy(seg,
          ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order), 0, (float[]) dst, at, count);
      case INT32 -> MemorySegment.copy(seg,
          ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), 0, (int[]) dst, at, count);
      case INT64 -> MemorySegment.copy(seg,
          ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order), 0, (long[]) dst, at, count);
      case FLOAT64 -> {
        float[] f = (float[]) dst;
        ValueLayout.OfDouble layout = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order);
        for (int k = 0; k < count; k++) {
          f[at + k] = (float) seg.getAtIndex(layout, k);
        }
      }
      case FLOAT16 -> {
        float[] f = (float[]) dst;
        ValueLayout.OfShort layout = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
        for (int k = 0; k < count; k++) {
          f[at + k] = Float.float16ToFloat(seg.getAtIndex(layout, k));
        }
      }
      case INT8, UINT8, BOOL -> {
        int[] ints = (int[]) dst;
        for (int k = 0; k < count; k++) {
          byte b = seg.get(ValueLayout.JAVA_BYTE, k);
          ints[at + k] = type == NpyType.INT8 ? b : type == NpyType.UINT8 ? b & 0xff
              : b != 0 ? 1 : 0;
        }
      }
      case INT16, UINT16 -> {
        int[] ints = (int[]) dst;
        ValueLayout.OfShort layout = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
        for (int k = 0; k < count; k++) {
          short s = seg.getAtIndex(layout, k);
          ints[at + k] = type == NpyType.INT16 ? s : s & 0xffff;
        }
      }
      case UINT32 -> {
        long[] longs = (long[]) dst;
        ValueLayout.OfInt layout = ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
        for (int k = 0; k < count; k++) {
          longs[at + k] = seg.getAtIndex(layout, k) & 0xffffffffL;
        }
      }
    }
  }
}
