package org.jkeras.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.cpu.CpuThreads;

/**
 * {@code bin/jkeras-bench models [seed] [mlp] [cnn] [--samples N] [--no-torch] [--peak GFLOPS]
 * [--jvm "FLAGS"] [--peer-env "NAME=VALUE ..."] [--out FILE]}: the
 * side-by-side benchmark of issue 7. Each model runs in a fresh JVM ({@link ModelBenchmark}) and
 * then in the PyTorch peer ({@code shared/bench/bench_torch.py}), one after the other, with the
 * same sizes and protocol; the table compares their samples/s, sets jkeras's FLOP rate against
 * the machine's peak (measured at start, or given with {@code --peak}, e.g. DESIGN.md's 400 when
 * the machine is too busy to measure it), and shows each process's peak RSS. The same goes to a
 * JSON file (default {@code bench-results/models.json}). jkeras's process runs with {@link
 * #DEFAULT_JVM_FLAGS} unless {@code --jvm} gives others ({@code --jvm ""}: the JVM's own
 * defaults); the table and the JSON name its collector and flags, since they decide much of its
 * peak RSS. The peer runs in its default setting, with {@code --peer-env} added to its
 * environment; the BLAS library PyTorch loaded is named, with a warning when it is Debian's
 * reference BLAS, which makes PyTorch's matrix products many times slower than the OpenBLAS
 * its reference figures were measured with.
 */
public final class SideBySide {
  static final String PYTHON = "/usr/bin/python3";
  static final String INSTALL =
      "apt-get install -y python3-torch python3-numpy libopenblas0-pthread";
  /** Debian's reference (netlib) BLAS, which python3-torch gets unless OpenBLAS is installed. */
  static final String REFERENCE_BLAS = "/blas/libblas";
  /**
   * The serial collector: the one the JVM picks by itself below 2 CPUs or 1792 MB. On these
   * 2-core machines the JVM's default, G1, runs its concurrent and parallel GC threads on the
   * same two cores as the compute threads, and keeps 40-70% of the heap free after each
   * marking cycle. Measured with the serial collector instead: peak RSS 836 against 1,195 MB
   * (seed), 386-393 against 689-720 (mlp), 731 against 1,174 (cnn), at equal speed within the
   * noise (mlp training 145-154 against 138-141 thousand samples/s, cnn 4,157 against 4,517).
   */
  static final List<String> DEFAULT_JVM_FLAGS = List.of("-XX:+UseSerialGC");

  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    List<BenchModel> models = new ArrayList<>();
    Integer samples = null;
    Double givenPeak = null;
    boolean torch = true;
    Path out = Path.of("bench-results", "models.json");
    List<String> jvmFlags = DEFAULT_JVM_FLAGS;
    Map<String, String> peerEnv = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--no-torch" -> torch = false;
        case "--peak" -> givenPeak = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--jvm" -> jvmFlags = java.util.Arrays.stream(args[++i].trim().split("\\s+"))
            .filter(f -> !f.isEmpty()).toList();
        case "--peer-env" -> {
          for (String pair : args[++i].trim().split("\\s+")) {
            if (pair.isEmpty()) {
              continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
              throw new IllegalArgumentException("--peer-env takes NAME=VALUE pairs, got '"
                  + pair + "'");
            }
            peerEnv.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        default -> models.add(BenchModel.of(args[i]));
      }
    }
    if (models.isEmpty()) {
      models.addAll(List.of(BenchModel.values()));
    }
    Path script = findPeer();
    String peerProblem = torch ? peerProblem(script) : "skipped (--no-torch)";
    if (peerProblem != null) {
      System.out.println("PyTorch peer not run: " + peerProblem);
    }
    String peerBlas = peerProblem == null ? peerBlas(peerEnv) : null;
    if (peerBlas != null) {
      System.out.println("PyTorch's BLAS: " + peerBlas
          + (peerEnv.isEmpty() ? "" : "; peer environment adds " + peerEnv));
      if (peerBlas.contains(REFERENCE_BLAS)) {
        System.out.println("WARNING: that is Debian's reference BLAS: PyTorch's matrix products"
            + " run many times slower than with OpenBLAS, which issue 7's PyTorch figures used,"
            + " so the ratios below flatter jkeras. Install OpenBLAS for it:"
            + " apt-get install -y libopenblas0-pthread");
      }
    }
    double load0 = loadAverage();
    int threads = CpuThreads.maxThreads();
    double measured = PeakFlops.measure(threads);
    double peak = givenPeak != null ? givenPeak : measured;
    String peakSource = givenPeak != null ? "given with --peak" : "register-only FMA loop, "
        + threads + " threads (Vector API)";
    System.out.printf("Peak fp32 on %d threads (register-only FMA loop): %.0f GFLOP/s measured"
        + " (DESIGN.md: ~400 on 2 cores); %%peak below uses %.0f (%s); load average %.2f%n",
        threads, measured, peak, peakSource, load0);

    List<Map<String, Object>> rows = new ArrayList<>();
    for (BenchModel m : models) {
      int n = samples != null ? samples : m.samples;
      System.out.printf("-- %s: %d samples, batch %d%n", m.key(), n, m.batch);
      ChildRun jk = ChildRun.run(javaCommand(m, n, jvmFlags), Path.of("."));
      if (!jk.ok()) {
        System.out.println("   jkeras failed (exit " + jk.exitCode() + "): " + jk.lastOutput());
      }
      ChildRun pt = null;
      if (peerProblem == null) {
        pt = ChildRun.run(List.of(PYTHON, script.toString(), m.key(), "--samples",
            Integer.toString(n), "--batch", Integer.toString(m.batch)), script.getParent(),
            peerEnv);
        if (!pt.ok()) {
          System.out.println("   PyTorch failed (exit " + pt.exitCode() + "): "
              + pt.lastOutput());
        }
      }
      progress("jkeras", jk);
      if (pt != null) {
        progress("PyTorch", pt);
      }
      rows.add(row(m, n, jk, pt, peak));
    }
    double load1 = loadAverage();
    String table = Table.render(rows);
    System.out.print(table);
    System.out.printf("Load average %.2f before, %.2f after (2 cores; above ~0.5 the figures are"
        + " disturbed).%n", load0, load1);

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("when", Instant.now().toString());
    doc.put("peak_gflops", Math.round(peak * 10) / 10.0);
    doc.put("peak_source", peakSource);
    doc.put("measured_peak_gflops", Math.round(measured * 10) / 10.0);
    doc.put("threads", threads);
    doc.put("load_average_before", load0);
    doc.put("load_average_after", load1);
    doc.put("jkeras_jvm_flags", String.join(" ", jvmFlags));
    doc.put("peer", peerProblem == null ? script.toString() : "not run: " + peerProblem);
    doc.put("peer_blas", peerBlas);
    doc.put("peer_env", peerEnv);
    doc.put("models", rows);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(out, Json.pretty(doc));
    System.out.println("Written to " + out);
  }

  private static void progress(String who, ChildRun run) {
    System.out.printf("   %-8s train %,10.1f/s  infer %,10.1f/s  (%.0f s)%n", who,
        run.number("train_samples_per_s_median"), run.number("infer_samples_per_s_median"),
        run.seconds());
  }

  private static Map<String, Object> row(BenchModel m, int n, ChildRun jk, ChildRun pt,
      double peak) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", m.key());
    r.put("samples", n);
    r.put("batch_size", m.batch);
    r.put("train_gflop_per_sample", m.trainFlops() / 1e9);
    r.put("infer_gflop_per_sample", m.inferFlops() / 1e9);
    double jt = jk.number("train_samples_per_s_median");
    double ji = jk.number("infer_samples_per_s_median");
    double tt = pt == null ? Double.NaN : pt.number("train_samples_per_s_median");
    double ti = pt == null ? Double.NaN : pt.number("infer_samples_per_s_median");
    r.put("jkeras_train_per_s", num(jt));
    r.put("torch_train_per_s", num(tt));
    r.put("train_ratio", num(jt / tt));
    r.put("jkeras_infer_per_s", num(ji));
    r.put("torch_infer_per_s", num(ti));
    r.put("infer_ratio", num(ji / ti));
    r.put("jkeras_train_peak_fraction", num(jt * m.trainFlops() / 1e9 / peak));
    r.put("jkeras_infer_peak_fraction", num(ji * m.inferFlops() / 1e9 / peak));
    r.put("torch_train_peak_fraction", num(tt * m.trainFlops() / 1e9 / peak));
    r.put("jkeras_peak_rss_mb", jk.peakRssKb() > 0 ? jk.peakRssKb() / 1024 : null);
    r.put("torch_peak_rss_mb", pt != null && pt.peakRssKb() > 0 ? pt.peakRssKb() / 1024 : null);
    r.put("torch_rss_source", pt == null ? null
        : pt.number("peak_rss_kb") > 0 ? "reported" : "VmHWM sampled every 50 ms");
    r.put("jkeras", jk.result());
    r.put("torch", pt == null ? null : pt.result());
    return r;
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1e4) / 1e4;
  }

  /**
   * The same JVM, flags and class path as this one, running {@link ModelBenchmark}, with the
   * {@code --jvm} flags last (so they win over inherited ones).
   */
  private static List<String> javaCommand(BenchModel m, int n, List<String> jvmFlags) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ModelBenchmark.class.getName());
    cmd.add(m.key());
    cmd.add(Integer.toString(n));
    cmd.add(Integer.toString(m.batch));
    return cmd;
  }

  /** shared/bench/bench_torch.py, found by walking up from the working directory. */
  static Path findPeer() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/bench/bench_torch.py");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Why the peer cannot run, or null when it can. */
  private static String peerProblem(Path script) throws InterruptedException {
    if (script == null) {
      return "shared/bench/bench_torch.py was not found above " + Path.of("").toAbsolutePath()
          + ".";
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy")
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        return "PyTorch is not installed for " + PYTHON + " (" + lastLine(text)
            + "). Install it with: " + INSTALL;
      }
    } catch (IOException e) {
      return PYTHON + " cannot be started (" + e.getMessage() + "). Install it with: " + INSTALL;
    }
    return null;
  }

  /**
   * The BLAS libraries PyTorch has mapped after a matrix product, as paths, or why they could
   * not be read.
   */
  private static String peerBlas(Map<String, String> env) throws InterruptedException {
    String probe = "import torch\n"
        + "torch.ones(8, 8) @ torch.ones(8, 8)\n"
        + "print(' '.join(sorted({l.split()[-1] for l in open('/proc/self/maps')"
        + " if 'blas' in l.lower() and '/' in l})))";
    try {
      ProcessBuilder builder = new ProcessBuilder(PYTHON, "-c", probe).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process p = builder.start();
      String text = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? (text.isEmpty() ? "none mapped" : lastLine(text))
          : "unknown (" + lastLine(text) + ")";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.split("\n");
    return lines[lines.length - 1];
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
