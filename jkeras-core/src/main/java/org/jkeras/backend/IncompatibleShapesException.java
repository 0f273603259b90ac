package org.jkeras.backend;

/** Two shapes that an op cannot combine; the message names the op and both shapes. */
public class IncompatibleShapesException extends JKerasException {
  public IncompatibleShapesException(String message) {
    super(message);
  }

  public IncompatibleShapesException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The standard message: {@code op: cannot combine shapes (2, 3) and (4,): reason}. */
  public static IncompatibleShapesException of(String op, Shape a, Shape b, String reason) {
    return new IncompatibleShapesException(
        op + ": incompatible shapes " + a + " and " + b + ": " + reason);
  }
}
