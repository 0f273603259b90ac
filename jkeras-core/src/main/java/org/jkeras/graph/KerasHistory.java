package org.jkeras.graph;

/**
 * Where a symbolic tensor came from: output {@code tensorIndex} of call {@code nodeIndex} of
 * {@code operation} (Keras's {@code _keras_history}).
 */
public record KerasHistory(Operation operation, int nodeIndex, int tensorIndex) {
  /** The node that produced the tensor. */
  public Node node() {
    return operation.inboundNodes().get(nodeIndex);
  }
}
