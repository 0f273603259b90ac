package org.jkeras.utils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;

/**
 * The preamble and header of a {@code .npy} file (numpy's {@code numpy/lib/format.py}): the magic
 * string {@code \x93NUMPY}, a version byte pair, the header length (2 bytes little-endian in 1.0,
 * 4 bytes in 2.0 and 3.0) and a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}, padded with spaces and a newline so the data starts on a 64-byte boundary.
 *
 * @param descr numpy's dtype string as written, for messages
 * @param type the element type
 * @param order the byte order of the data
 * @param shape the dimensions as declared (longs: checked against the data before use)
 * @param length the bytes the preamble and header take, where the data starts
 */
record NpyHeader(String descr, NpyType type, ByteOrder order, long[] shape, long length) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  /** numpy leaves room for the first dimension to grow to 21 digits without moving the data. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;
  private static final Set<Object> KEYS = Set.of("descr", "fortran_order", "shape");
  private static final Pattern DESCR = Pattern.compile("([<>|=])([a-zA-Z])(\\d+)");
  private static final Pattern OBJECT_DESCR = Pattern.compile("[<>|=]?O\\d*");
  /** Real headers are under 2 KiB (numpy itself refuses over 10000 characters by default). */
  private static final long MAX_HEADER = 1 << 20;

  /**
   * Reads the preamble and header from {@code in}, which has at most {@code available} bytes, and
   * leaves the stream at the first data byte.
   */
  static NpyHeader read(InputStream in, long available, String source) throws IOException {
    byte[] pre = in.readNBytes((int) Math.min(10, available));
    if (pre.length >= 4 && pre[0] == 'P' && pre[1] == 'K' && pre[2] == 3 && pre[3] == 4) {
      throw new JKerasException(source
          + ": not a .npy file: it is a zip archive (a .npz file?); read it with NpzIO.load.");
    }
    int magicBytes = Math.min(pre.length, MAGIC.length);
    if (!Arrays.equals(pre, 0, magicBytes, MAGIC, 0, magicBytes) || pre.length == 0) {
      throw new JKerasException(
          source + ": not a .npy file: it does not start with the magic string \\x93NUMPY.");
    }
    if (pre.length < 10) {
      throw truncatedPreamble(source, pre.length);
    }
    int major = pre[6] & 0xff;
    int minor = pre[7] & 0xff;
    if (major < 1 || major > 3 || minor != 0) {
      throw new JKerasException(source + ": unsupported .npy format version " + major + "."
          + minor + "; jkeras reads versions 1.0, 2.0 and 3.0.");
    }
    long headerLength;
    int preambleLength;
    if (major == 1) {
      preambleLength = 10;
      headerLength = (pre[8] & 0xff) | (pre[9] & 0xff) << 8;
    } else {
      byte[] rest = in.readNBytes((int) Math.min(2, available - 10));
      if (rest.length < 2) {
        throw truncatedPreamble(source, 10 + rest.length);
      }
      preambleLength = 12;
      headerLength = ByteBuffer.wrap(new byte[] {pre[8], pre[9], rest[0], rest[1]})
          .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    }
    if (headerLength > MAX_HEADER) {
      throw new JKerasException(source + ": corrupt .npy file: the header declares " + headerLength
          + " bytes, more than the " + MAX_HEADER + " jkeras accepts.");
    }
    long afterPreamble = available - preambleLength;
    if (headerLength > afterPreamble) {
      throw new JKerasException(source + ": truncated .npy file: the header declares "
          + headerLength + " bytes but only " + afterPreamble + " follow the preamble.");
    }
    byte[] raw = in.readNBytes((int) headerLength);
    if (raw.length < headerLength) {
      throw new JKerasException(source + ": truncated .npy file: the header declares "
          + headerLength + " bytes but only " + raw.length + " follow the preamble.");
    }
    String text = decode(raw, major, source);
    return parse(text, source, preambleLength + headerLength);
  }

  private static JKerasException truncatedPreamble(String source, int length) {
    return new JKerasException(source + ": truncated .npy file: it ends after " + length
        + " bytes, inside the preamble.");
  }

  /** Versions 1.0 and 2.0 store the header in latin-1, version 3.0 in UTF-8. */
  private static String decode(byte[] raw, int major, String source) {
    if (major < 3) {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new JKerasException(
          source + ": malformed .npy header: a version 3.0 header must be UTF-8 text.", e);
    }
  }

  static NpyHeader parse(String text, String source, long length) {
    Object literal;
    try {
      literal = PythonLiteral.parse(text);
    } catch (PythonLiteral.SyntaxError e) {
      throw malformed(source, text, e.getMessage());
    }
    if (!(literal instanceof Map<?, ?> dict)) {
      throw malformed(source, text, "it is not a dict");
    }
    if (!dict.keySet().equals(KEYS)) {
      throw malformed(source, text,
          "it must have exactly the keys 'descr', 'fortran_order' and 'shape'");
    }
    long[] shape = shape(dict.get("shape"), source, text);
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw malformed(source, text, "'fortran_order' must be True or False");
    }
    Object descr = dict.get("descr");
    if (descr instanceof List<?>) {
      throw new JKerasException(source + ": unsupported dtype " + PythonLiteral.repr(descr)
          + ": structured (record) arrays are not supported; save each field as its own array.");
    }
    if (!(descr instanceof String d)) {
      throw malformed(source, text, "'descr' must be a dtype string such as '<f4'");
    }
    if (OBJECT_DESCR.matcher(d).matches()) {
      throw new JKerasException(source + ": the array holds Python objects (dtype '" + d
          + "'); jkeras never unpickles data. Convert it to a numeric dtype in numpy first.");
    }
    Matcher m = DESCR.matcher(d);
    NpyType type = null;
    if (m.matches() && m.group(3).length() < 3) {
      type = NpyType.of(m.group(2).charAt(0), Integer.parseInt(m.group(3)));
    }
    if (type == null || (m.group(1).equals("|") && type.itemSize() > 1)) {
      throw new JKerasException(source + ": unsupported dtype '" + d + "'; jkeras reads float16,"
          + " float32, float64, int8, int16, int32, int64, uint8, uint16, uint32 and bool.");
    }
    if (fortran) {
      throw new JKerasException(source + ": the array is stored in Fortran order"
          + " (fortran_order: True); jkeras reads C-order arrays only. Save it with"
          + " numpy.save(path, numpy.ascontiguousarray(a)).");
    }
    return new NpyHeader(d, type, NpyType.byteOrder(m.group(1).charAt(0)), shape, length);
  }

  private static long[] shape(Object value, String source, String text) {
    String rule = "'shape' must be a tuple of non-negative integers";
    if (!(value instanceof PythonLiteral.Tuple(List<Object> items))) {
      throw malformed(source, text, rule);
    }
    long[] dims = new long[items.size()];
    for (int i = 0; i < dims.length; i++) {
      if (!(items.get(i) instanceof Long dim) || dim < 0) {
        throw malformed(source, text, rule);
      }
      dims[i] = dim;
    }
    return dims;
  }

  private static JKerasException malformed(String source, String text, String reason) {
    String shown = text.strip();
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return new JKerasException(
        source + ": malformed .npy header \"" + shown + "\": " + reason + ".");
  }

  /**
   * The preamble and header numpy would write for an array of this type and shape, byte for
   * byte: version 1.0 unless the header outgrows its 2-byte length, then 2.0.
   */
  static byte[] encode(NpyType type, Shape shape) {
    int[] dims = shape.dims();
    StringBuilder sb = new StringBuilder("{'descr': '").append(type.descr())
        .append("', 'fortran_order': False, 'shape': (");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i > 0 ? ", " : "").append(dims[i]);
    }
    sb.append(dims.length == 1 ? ",), }" : "), }");
    if (dims.length > 0) {
      sb.repeat(' ', GROWTH_AXIS_MAX_DIGITS - Integer.toString(dims[0]).length());
    }
    byte[] header = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    int hlen = header.length + 1;
    int prefix = 10;
    int pad = ALIGN - (prefix + hlen) % ALIGN;
    if (hlen + pad > 0xffff) {
      prefix = 12;
      pad = ALIGN - (prefix + hlen) % ALIGN;
    }
    ByteBuffer out = ByteBuffer.allocate(prefix + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
    if (prefix == 10) {
      out.putShort((short) (hlen + pad));
    } else {
      out.putInt(hlen + pad);
    }
    out.put(header);
    for (int i = 0; i < pad; i++) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n');
    return out.array();
  }
}
