package org.jkeras.saving;

import org.jkeras.backend.JKerasException;

/**
 * Turns what jHDF throws on a damaged HDF5 file (its own HdfException, but also buffer, index
 * and allocation errors from deep inside it) into a clear {@link JKerasException}, while errors
 * raised by jkeras's own code still surface as they are.
 */
final class HdfErrors {
  private HdfErrors() {}

  /** Whether {@code e} came from inside jHDF (or the JDK beneath it) rather than from jkeras. */
  static boolean fromJhdf(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      return c.startsWith("io.jhdf.");
    }
    return false;
  }

  /**
   * The error for {@code e}, thrown while reading {@code what}: a JKerasException saying the
   * file is damaged when jHDF failed (an allocation included: it asked for a size the damaged
   * file declares); anything else is rethrown unchanged.
   */
  static JKerasException damaged(String what, Throwable e) {
    if (e instanceof JKerasException j) {
      return j;
    }
    if (!fromJhdf(e)) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e;
    }
    return new JKerasException(what + " is damaged: it is not a readable HDF5 file ("
        + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
  }
}
