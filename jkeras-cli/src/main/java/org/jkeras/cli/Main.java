package org.jkeras.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.backend.JKerasException;

/**
 * {@code bin/jkeras-cli}: trains the Keras guide's same-author model on built-in data (or the
 * guide's multi-input multi-output example with {@code multi-io}). Exit codes: 0 done, 1 failed,
 * 2 a mistake in the options or the data file.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the command line and returns the exit code. Relative paths are taken from the
   * directory the user ran the launcher in ({@code -Djkeras.cli.cwd}, set by bin/jkeras-cli).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String cwd = System.getProperty("jkeras.cli.cwd", "");
    CliOptions options;
    try {
      options = CliOptions.parse(List.of(args), Path.of(cwd).toAbsolutePath());
    } catch (CliException e) {
      err.println("jkeras-cli: " + e.getMessage());
      err.println("Run bin/jkeras-cli --help for the options.");
      return 2;
    }
    if (options.help()) {
      out.print(CliOptions.usage());
      return 0;
    }
    try {
      if (options.command().equals(CliOptions.MULTI_IO)) {
        MultiIoJob.run(options, out, 1);
      } else {
        SameAuthorJob.run(options, out, 1);
      }
      return 0;
    } catch (CliException e) {
      err.println("jkeras-cli: " + e.getMessage());
      return 2;
    } catch (JKerasException e) {
      err.println("jkeras-cli: " + e.getMessage());
      return 1;
    }
  }
}
