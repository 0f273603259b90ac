package org.jkeras.utils;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * Reads and writes numpy {@code .npy} files as tensors, so arrays saved with {@code numpy.save}
 * feed {@code fit} and {@code predict} directly and jkeras results open in numpy.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, C order, either byte order, and the
 * dtypes float32, int32, int64 and bool as themselves; float16 becomes float32, int8, int16,
 * uint8 and uint16 become int32 and uint32 becomes int64, all exactly. <b>float64 becomes
 * float32</b> (rounded to nearest), as jkeras computes in float32; values beyond float32's range
 * become infinities. Fortran-order arrays, object arrays and other dtypes are refused with a
 * message saying what to do in numpy. A file's declared shape is checked against its length
 * before anything is allocated, so a corrupt header cannot ask for gigabytes.
 *
 * <p>Writing produces exactly what {@code numpy.save} writes for the same array (version 1.0,
 * little-endian, header padded to 64 bytes), through a temporary file renamed into place.
 */
public final class NpyIO {
  /** Data moves through a buffer of this many bytes (a multiple of every item size). */
  private static final int CHUNK = 1 << 16;

  private NpyIO() {}

  /** Reads the {@code .npy} file at {@code file}. */
  public static Tensor load(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      return read(in, Files.size(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("Cannot read " + file + ": no such file.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a {@code .npy} file held in memory. */
  public static Tensor fromBytes(byte[] npy) {
    try {
      return read(new ByteArrayInputStream(npy), npy.length, "npy bytes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code tensor} to {@code file} as numpy would: float32 as {@code <f4}, int32 as
   * {@code <i4}, int64 as {@code <i8} and bool as {@code |b1}.
   */
  public static void save(Path file, Tensor tensor) {
    checkWritable(tensor);
    AtomicFiles.write(file, out -> write(out, tensor));
  }

  /** The bytes of a {@code .npy} file holding {@code tensor}. */
  public static byte[] toBytes(Tensor tensor) {
    checkWritable(tensor);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, tensor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a whole {@code .npy} file for {@code tensor} to {@code out}, leaving it open. */
  public static void write(OutputStream out, Tensor tensor) throws IOException {
    checkWritable(tensor);
    NpyType type = NpyType.forWriting(tensor.dtype());
    out.write(NpyHeader.encode(type, tensor.shape()));
    int n = tensor.size();
    byte[] buf = new byte[(int) Math.min(CHUNK, (long) n * type.itemSize())];
    MemorySegment seg = MemorySegment.ofArray(buf);
    int perChunk = buf.length == 0 ? 1 : buf.length / type.itemSize();
    for (int at = 0; at < n; at += perChunk) {
      int count = Math.min(perChunk, n - at);
      switch (tensor.dtype()) {
        case FLOAT32 -> MemorySegment.copy(tensor.floatData(), at, seg, F32_LE, 0, count);
        case INT32 -> MemorySegment.copy(tensor.intData(), at, seg, I32_LE, 0, count);
        case INT64 -> MemorySegment.copy(tensor.longData(), at, seg, I64_LE, 0, count);
        case BOOL -> {
          int[] bools = tensor.intData();
          for (int k = 0; k < count; k++) {
            buf[k] = (byte) (bools[at + k] != 0 ? 1 : 0);
          }
        }
      }
      out.write(buf, 0, count * type.itemSize());
    }
  }

  private static void checkWritable(Tensor tensor) {
    if (tensor == null) {
      throw new JKerasException("Cannot write a null tensor as .npy.");
    }
  }

  private static final ValueLayout.OfFloat F32_LE =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt I32_LE =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong I64_LE =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /**
   * Reads one array from {@code in}, which holds at most {@code available} bytes, and leaves the
   * stream just after the array's data. {@code source} names the file in messages.
   */
  static Tensor read(InputStream in, long available, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, available, source);
    Shape shape = checkShape(header, available - header.length(), source);
    NpyType type = header.type();
    int n = shape.sizeAsInt();
    Object data = switch (type.tensorType()) {
      case FLOAT32 -> new float[n];
      case INT32, BOOL -> new int[n];
      case INT64 -> new long[n];
    };
    long needed = (long) n * type.itemSize();
    byte[] buf = new byte[(int) Math.min(CHUNK, needed)];
    MemorySegment seg = MemorySegment.ofArray(buf);
    long done = 0;
    while (done < needed) {
      int want = (int) Math.min(buf.length, needed - done);
      int got = in.readNBytes(buf, 0, want);
      if (got < want) {
        throw truncated(source, header, needed, done + got);
      }
      NpyDecoder.decode(type, header.order(), seg, want / type.itemSize(), data,
          (int) (done / type.itemSize()));
      done += want;
    }
    return switch (type.tensorType()) {
      case FLOAT32 -> Tensor.wrap((float[]) data, shape);
      case INT32 -> Tensor.wrapInts((int[]) data, shape);
      case BOOL -> Tensor.wrapBools((int[]) data, shape);
      case INT64 -> Tensor.wrapLongs((long[]) data, shape);
    };
  }

  /** The header's shape, once the data it declares is known to fit in the bytes that follow. */
  private static Shape checkShape(NpyHeader header, long dataBytes, String source) {
    long[] dims = header.shape();
    long count = 1;
    long needed;
    try {
      for (long d : dims) {
        count = Math.multiplyExact(count, d);
      }
      needed = Math.multiplyExact(count, (long) header.type().itemSize());
    } catch (ArithmeticException e) {
      throw new JKerasException(source + ": corrupt .npy header: shape " + tuple(dims)
          + " declares more elements than any file can hold.");
    }
    if (needed > dataBytes) {
      throw truncated(source, header, needed, Math.max(0, dataBytes));
    }
    int[] intDims = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] > Integer.MAX_VALUE) {
        throw new JKerasException(source + ": shape " + tuple(dims)
            + " has a dimension over 2^31 - 1, more than a jkeras tensor can hold.");
      }
      intDims[i] = (int) dims[i];
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new JKerasException(source + ": shape " + tuple(dims) + " has " + count
          + " elements, more than one tensor can hold (2^31 - 9).");
    }
    return Shape.of(intDims);
  }

  private static JKerasException truncated(
      String source, NpyHeader header, long needed, long present) {
    return new JKerasException(source + ": truncated .npy data: shape " + tuple(header.shape())
        + " of dtype '" + header.descr() + "' needs " + needed + " bytes but only " + present
        + " follow the header.");
  }

  /** A shape as Python prints a tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
  private static String tuple(long[] dims) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i > 0 ? ", " : "").append(dims[i]);
    }
    return sb.append(dims.length == 1 ? ",)" : ")").toString();
  }
}
