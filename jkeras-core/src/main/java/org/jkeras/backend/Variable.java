package org.jkeras.backend;

/**
 * Mutable trainable state: a tensor whose values an optimizer updates in place. A trainable
 * variable used inside a {@code GradientTape} is watched automatically, as in Keras.
 */
public final class Variable extends Tensor {
  private final String name;
  private final boolean trainable;
  private java.util.function.UnaryOperator<Tensor> constraint;

  public Variable(Tensor initialValue, String name, boolean trainable) {
    super(initialValue.shape(), initialValue.toFloatArray());
    initialValue.requireDType(DType.FLOAT32);
    this.name = name;
    this.trainable = trainable;
  }

  public Variable(Tensor initialValue, String name) {
    this(initialValue, name, true);
  }

  public String name() {
    return name;
  }

  public boolean trainable() {
    return trainable;
  }

  /** The projection optimizers apply after each update (Keras's constraints), or null. */
  public java.util.function.UnaryOperator<Tensor> constraint() {
    return constraint;
  }

  public void setConstraint(java.util.function.UnaryOperator<Tensor> constraint) {
    this.constraint = constraint;
  }

  /** Copies {@code value} into this variable; the shapes must match. */
  public void assign(Tensor value) {
    if (!value.shape().equals(shape())) {
      throw new JKerasException(
          "Cannot assign a value of shape " + value.shape() + " to variable '" + name
              + "' of shape " + shape() + ".");
    }
    System.arraycopy(value.floatData(), 0, floatData(), 0, size());
  }

  @Override
  public String toString() {
    return "Variable '" + name + "' " + super.toString();
  }
}
