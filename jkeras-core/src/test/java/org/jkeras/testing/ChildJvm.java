package org.jkeras.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM running a test class's {@code main} on the test classpath with the flags the
 * build gives jkeras (the Vector API module, native access), whose output lines the test reads
 * as they come, so it can kill the child at a chosen moment.
 */
public final class ChildJvm implements AutoCloseable {
  /** Linux reports a process ended by SIGKILL (signal 9) with exit code 128 + 9. */
  public static final int SIGKILL_EXIT = 137;

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // The child was killed: its output simply ends.
      }
    }, "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with {@code args}; its stderr is merged into its output. */
  public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    return new ChildJvm(builder.start());
  }

  /** Waits (up to {@code seconds}) for an output line matching {@code wanted}, and returns it. */
  public String await(Predicate<String> wanted, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        fail("The child JVM printed no expected line within " + seconds + " s; its output: "
            + seen + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
      }
      seen.add(line);
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** Every line printed so far, after the child has ended. */
  public List<String> drain() throws InterruptedException {
    process.waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(50);
    lines.drainTo(seen);
    return seen;
  }

  /** SIGKILL (no shutdown hooks, no finally blocks), and checks it was that signal. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      fail("The child JVM did not die within 10 s of SIGKILL.");
    }
    assertEquals(SIGKILL_EXIT, process.exitValue(), "exit code of a SIGKILLed child");
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
