package org.jkeras.backend;

/**
 * A tensor bigger than the cap in force while loading a file (see {@link TensorSizeLimit}); the
 * message names the layer that asked for it once one is known.
 */
public final class TensorTooLargeException extends JKerasException {
  private final Shape shape;
  private final long elements;
  private final long limit;
  private final String layer;

  TensorTooLargeException(Shape shape, long elements, long limit, String layer) {
    super(message(shape, elements, limit, layer));
    this.shape = shape;
    this.elements = elements;
    this.limit = limit;
    this.layer = layer;
  }

  private static String message(Shape shape, long elements, long limit, String layer) {
    return (layer == null ? "A tensor" : "Layer " + layer + " needs a tensor") + " of shape "
        + shape + " (" + elements + " elements), over the limit of " + limit
        + " elements per tensor for models loaded from files. If the file is trusted, raise the"
        + " limit with -Djkeras.load.maxTensorElements=N.";
  }

  /** The same error, naming {@code layer} (for example {@code 'dense' (Dense)}) if none is. */
  public TensorTooLargeException forLayer(String layer) {
    return this.layer != null ? this : new TensorTooLargeException(shape, elements, limit, layer);
  }
}
