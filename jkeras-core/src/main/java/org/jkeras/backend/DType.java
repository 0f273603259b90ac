package org.jkeras.backend;

/**
 * Element types of a {@link Tensor}. float32 is the compute type; the integer types hold indices
 * and labels; bool holds the results of comparisons.
 */
public enum DType {
  FLOAT32("float32", 4),
  INT32("int32", 4),
  INT64("int64", 8),
  /** Booleans, stored as 0/1 ints; the result of comparisons. */
  BOOL("bool", 1);

  private final String kerasName;
  private final int byteSize;

  DType(String kerasName, int byteSize) {
    this.kerasName = kerasName;
    this.byteSize = byteSize;
  }

  /** The name Keras uses in configs, for example {@code "float32"}. */
  public String kerasName() {
    return kerasName;
  }

  public int byteSize() {
    return byteSize;
  }

  public boolean isFloating() {
    return this == FLOAT32;
  }

  /** Looks a dtype up by its Keras name. */
  public static DType fromKerasName(String name) {
    for (DType t : values()) {
      if (t.kerasName.equals(name)) {
        return t;
      }
    }
    throw new JKerasException(
        "Unknown dtype '" + name + "': jkeras supports float32, int32, int64 and bool.");
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
