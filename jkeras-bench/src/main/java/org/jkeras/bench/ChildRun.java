package org.jkeras.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One benchmark child process: runs it with stderr passed through, keeps the last JSON line of
 * its stdout, and samples its peak RSS (VmHWM) from /proc every 50 ms while it runs, so that a
 * peer that does not report its own memory is still measured.
 */
record ChildRun(int exitCode, Map<String, Object> result, long sampledPeakRssKb, double seconds,
    String lastOutput) {

  static ChildRun run(List<String> command, Path workDir) throws IOException,
      InterruptedException {
    return run(command, workDir, Map.of());
  }

  /** Runs {@code command} with {@code env} added to this process's environment. */
  static ChildRun run(List<String> command, Path workDir, Map<String, String> env)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(env);
    Process p = builder.start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long[] peak = {-1};
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (p.isAlive()) {
        peak[0] = Math.max(peak[0], ProcStatus.kb(status, "VmHWM"));
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    String json = null;
    String last = "";
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        last = line;
        if (line.startsWith("{")) {
          json = line;
        }
      }
    }
    int code = p.waitFor();
    sampler.join();
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new ChildRun(code, json == null ? null : Json.parseFlat(json), peak[0], seconds, last);
  }

  /** A number from the child's JSON, or NaN when absent. */
  double number(String key) {
    return result != null && result.get(key) instanceof Double d ? d : Double.NaN;
  }

  /** The child's own peak RSS when it reports one, else what was sampled from outside. */
  long peakRssKb() {
    double own = number("peak_rss_kb");
    return own > 0 ? (long) own : sampledPeakRssKb;
  }

  boolean ok() {
    return exitCode == 0 && result != null;
  }
}
