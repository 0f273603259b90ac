package org.jkeras.graph;

import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;

/**
 * A symbolic tensor: a shape (the batch dimension usually unknown), a dtype, and the history that
 * says which layer call produced it. Calling layers on KerasTensors builds a graph; nothing is
 * computed.
 */
public final class KerasTensor {
  private final Shape shape;
  private final DType dtype;
  private final String name;
  private KerasHistory history;

  public KerasTensor(Shape shape, DType dtype, String name) {
    this.shape = shape;
    this.dtype = dtype;
    this.name = name;
  }

  public Shape shape() {
    return shape;
  }

  public DType dtype() {
    return dtype;
  }

  /** The tensor's name, for example {@code "keras_tensor_3"}. */
  public String name() {
    return name;
  }

  /** The layer call that produced this tensor; null only while a node is being made. */
  public KerasHistory history() {
    return history;
  }

  void setHistory(KerasHistory history) {
    if (this.history != null) {
      throw new IllegalStateException("KerasTensor " + name + " already has a history.");
    }
    this.history = history;
  }

  @Override
  public String toString() {
    return "<KerasTensor shape=" + shape + ", dtype=" + dtype + ", name=" + name + ">";
  }
}
