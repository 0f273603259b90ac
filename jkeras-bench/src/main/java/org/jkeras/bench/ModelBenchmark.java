package org.jkeras.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.cpu.CpuGemm;
import org.jkeras.backend.cpu.CpuThreads;
import org.jkeras.callbacks.Callback;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;

/**
 * jkeras's half of the side-by-side benchmark, run in its own JVM so its peak RSS is its own:
 * {@code ModelBenchmark {seed|mlp|cnn} [samples] [batch]} trains with {@code fit} (shuffled,
 * silent) for 1 warm-up and 3 timed epochs, then times 1 + 3 {@code predict} passes, and prints
 * one JSON line with the same fields as the peer's ({@code bench_torch.py}), plus its peak RSS.
 */
public final class ModelBenchmark {
  static final int TIMED = 3;

  private ModelBenchmark() {}

  public static void main(String[] args) {
    BenchModel which = BenchModel.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : which.samples;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : which.batch;
    System.out.println(Json.object(run(which, n, batch)));
  }

  static Map<String, Object> run(BenchModel which, int n, int batch) {
    List<Tensor> x = which.inputs(n);
    Tensor y = which.labels(n);
    Model model = which.build();
    EpochTimer timer = new EpochTimer();
    long fitStart = System.nanoTime();
    model.fit(x, y, FitOptions.epochs(1 + TIMED).batchSize(batch).verbose(0).shuffle(true)
        .callbacks(timer));
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
    double[] train = Arrays.copyOfRange(timer.seconds(), 1, 1 + TIMED);
    double[] infer = new double[TIMED];
    for (int i = 0; i <= TIMED; i++) {
      long t0 = System.nanoTime();
      model.predict(x, batch);
      if (i > 0) {
        infer[i - 1] = (System.nanoTime() - t0) / 1e9;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("impl", "jkeras");
    out.put("model", which.key());
    out.put("samples", n);
    out.put("batch_size", batch);
    out.put("train_epoch_seconds", round(train));
    out.put("infer_pass_seconds", round(infer));
    out.put("train_samples_per_s_median", Math.round(n / median(train) * 10) / 10.0);
    out.put("infer_samples_per_s_median", Math.round(n / median(infer) * 10) / 10.0);
    out.put("warmup_epoch_seconds", Math.round(timer.seconds()[0] * 1e4) / 1e4);
    out.put("fit_seconds", Math.round(fitSeconds * 1e4) / 1e4);
    out.put("params", model.trainableWeights().stream().mapToLong(v -> v.size()).sum());
    out.put("peak_rss_kb", ProcStatus.kb(ProcStatus.SELF, "VmHWM"));
    out.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    out.put("gc", collector());
    out.put("jvm_flags", String.join(" ", jvmFlags()));
    out.put("gemm", CpuGemm.get().description());
    out.put("threads", CpuThreads.maxThreads());
    out.put("java", System.getProperty("java.version"));
    return out;
  }

  /** The garbage collector in use: G1, Serial, Parallel, ZGC or Shenandoah. */
  static String collector() {
    String name = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    return name.startsWith("Copy") ? "Serial" : name.startsWith("PS ") ? "Parallel"
        : name.split(" ")[0];
  }

  /** The -X and -XX flags this JVM was started with: heap and collector settings. */
  static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X")).toList();
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static List<Double> round(double[] seconds) {
    List<Double> out = new ArrayList<>();
    for (double s : seconds) {
      out.add(Math.round(s * 1e4) / 1e4);
    }
    return out;
  }

  /** Wall time of each epoch, from its begin to its end callback. */
  private static final class EpochTimer extends Callback {
    private final List<Double> seconds = new ArrayList<>();
    private long start;

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
      start = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      seconds.add((System.nanoTime() - start) / 1e9);
    }

    double[] seconds() {
      return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
