package org.jkeras.cli;

/** A user's mistake (an option, a data file): printed as one message, exit code 2. */
public final class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }
}
