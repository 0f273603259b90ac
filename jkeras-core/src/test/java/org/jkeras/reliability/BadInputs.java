package org.jkeras.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.jkeras.backend.JKerasException;
import org.junit.jupiter.api.function.Executable;

/** Assertions for the bad-input tests: the exception's exact type and its message. */
final class BadInputs {
  private BadInputs() {}

  /**
   * {@code call} throws exactly {@code type}, whose message is {@code message} or, when
   * {@code message} is not the whole message, contains it.
   */
  static <T extends JKerasException> T failsWith(Class<T> type, String message, Executable call) {
    Throwable thrown = null;
    try {
      call.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    if (thrown == null) {
      fail("expected " + type.getSimpleName() + " containing <" + message + "> but nothing was"
          + " thrown");
    }
    Throwable t = thrown;
    assertEquals(type, t.getClass(), () -> "wrong type, message: " + t.getMessage());
    assertTrue(t.getMessage().contains(message),
        () -> "message <" + t.getMessage() + "> lacks <" + message + ">");
    return type.cast(t);
  }

  /** Runs {@code call}, which must throw a RuntimeException (of any type); returns it. */
  static RuntimeException fails(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    return fail("expected an exception, nothing was thrown");
  }
}
