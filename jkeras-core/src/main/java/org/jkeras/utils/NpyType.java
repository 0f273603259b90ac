package org.jkeras.utils;

import java.nio.ByteOrder;
import org.jkeras.backend.DType;

/**
 * The numpy element types jkeras reads, each with the tensor dtype it becomes. Types that jkeras
 * holds exactly map to themselves; the others widen without loss (uint8 to int32, float16 to
 * float32), except float64, which narrows to float32 because float32 is jkeras's only float type.
 */
enum NpyType {
  FLOAT16('f', 2, DType.FLOAT32),
  FLOAT32('f', 4, DType.FLOAT32),
  FLOAT64('f', 8, DType.FLOAT32),
  INT8('i', 1, DType.INT32),
  INT16('i', 2, DType.INT32),
  INT32('i', 4, DType.INT32),
  INT64('i', 8, DType.INT64),
  UINT8('u', 1, DType.INT32),
  UINT16('u', 2, DType.INT32),
  UINT32('u', 4, DType.INT64),
  BOOL('b', 1, DType.BOOL);

  private final char kind;
  private final int itemSize;
  private final DType tensorType;

  NpyType(char kind, int itemSize, DType tensorType) {
    this.kind = kind;
    this.itemSize = itemSize;
    this.tensorType = tensorType;
  }

  int itemSize() {
    return itemSize;
  }

  /** The dtype of the tensor an array of this type is read into. */
  DType tensorType() {
    return tensorType;
  }

  /** The type with numpy's kind letter and item size, or null when jkeras has none. */
  static NpyType of(char kind, int itemSize) {
    for (NpyType t : values()) {
      if (t.kind == kind && t.itemSize == itemSize) {
        return t;
      }
    }
    return null;
  }

  /** The type jkeras writes for a tensor dtype: each dtype has an exact numpy twin. */
  static NpyType forWriting(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> FLOAT32;
      case INT32 -> INT32;
      case INT64 -> INT64;
      case BOOL -> BOOL;
    };
  }

  /** numpy's descr string for this type in little-endian order, as {@code numpy.save} writes it. */
  String descr() {
    return (itemSize == 1 ? "|" : "<") + kind + itemSize;
  }

  /** The byte order of a descr's first character ('<', '>', '|' or '='). */
  static ByteOrder byteOrder(char mark) {
    return switch (mark) {
      case '>' -> ByteOrder.BIG_ENDIAN;
      case '=' -> ByteOrder.nativeOrder();
      default -> ByteOrder.LITTLE_ENDIAN;
    };
  }
}
