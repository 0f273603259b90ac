package org.jkeras.backend;

/** The base of every error jkeras raises on purpose: bad arguments, bad shapes, bad files. */
public class JKerasException extends IllegalArgumentException {
  public JKerasException(String message) {
    super(message);
  }

  public JKerasException(String message, Throwable cause) {
    super(message, cause);
  }
}
