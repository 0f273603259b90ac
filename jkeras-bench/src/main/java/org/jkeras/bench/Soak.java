package org.jkeras.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.jkeras.backend.Tensor;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;

/**
 * {@code bin/jkeras-bench soak [--minutes N] [--model seed|mlp|cnn] [--samples N]
 * [--interval S]}: trains one epoch and predicts, over and over, for N minutes, printing the heap
 * used after a full GC and the process's RSS every {@code interval} seconds, then compares the
 * first minute with the last to tell whether memory grows (a leak shows as steady growth; a
 * plateau is the JIT, the allocator and the thread pools settling). {@code bin/jkeras-bench}
 * runs it with a fixed, pre-touched heap so RSS does not follow the heap's resizing. Not part of
 * the test suite.
 */
public final class Soak {
  /** Growth of the heap after GC beyond this (and beyond 10%) is reported as a leak. */
  private static final double HEAP_SLACK_MB = 16;
  /** RSS moves with the allocator's arenas; growth beyond this (and 10%) is reported. */
  private static final double RSS_SLACK_MB = 128;

  private record Sample(double seconds, long iterations, double heapMb, double committedMb,
      double rssMb) {}

  private Soak() {}

  public static void main(String[] args) {
    double minutes = 10;
    BenchModel which = BenchModel.SEED;
    int samples = 256;
    double interval = 30;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--minutes" -> minutes = Double.parseDouble(required(a, v));
        case "--model" -> which = BenchModel.of(required(a, v));
        case "--samples" -> samples = Integer.parseInt(required(a, v));
        case "--interval" -> interval = Double.parseDouble(required(a, v));
        default -> throw new IllegalArgumentException("Unknown soak option " + a
            + "; expected --minutes N, --model seed|mlp|cnn, --samples N, --interval S.");
      }
      i++;
    }
    List<Sample> run = run(which, samples, minutes, interval);
    System.out.println(verdict(run));
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value.");
    }
    return value;
  }

  static List<Sample> run(BenchModel which, int samples, double minutes, double interval) {
    List<Tensor> x = which.inputs(samples);
    Tensor y = which.labels(samples);
    Model model = which.build();
    System.out.printf("soak: model %s, %d samples, batch %d, %.1f minutes, a line every %.0f s%n",
        which.key(), samples, which.batch, minutes, interval);
    List<Sample> out = new ArrayList<>();
    long start = System.nanoTime();
    double end = minutes * 60;
    double next = interval;
    long iterations = 0;
    while (true) {
      model.fit(x, y, FitOptions.epochs(1).batchSize(which.batch).verbose(0).shuffle(true));
      model.predict(x, which.batch);
      iterations++;
      double t = (System.nanoTime() - start) / 1e9;
      if (t >= next || t >= end) {
        Sample s = sample(t, iterations);
        out.add(s);
        System.out.printf("t=%5.0f s  iterations=%5d  heap after GC=%8.1f MB (committed %6.0f MB)"
            + "  RSS=%8.1f MB%n", s.seconds, s.iterations, s.heapMb, s.committedMb, s.rssMb);
        next += interval;
      }
      if (t >= end) {
        return out;
      }
    }
  }

  private static Sample sample(double t, long iterations) {
    System.gc();
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new Sample(t, iterations, heap.getUsed() / 1048576.0,
        heap.getCommitted() / 1048576.0,
        ProcStatus.kb(ProcStatus.SELF, "VmRSS") / 1024.0);
  }

  /** The first minute's samples against the last minute's (means), with a verdict per figure. */
  static String verdict(List<Sample> run) {
    if (run.size() < 2) {
      return "verdict: too short to judge (" + run.size() + " sample); run for 2 minutes or more.";
    }
    double last = run.get(run.size() - 1).seconds;
    List<Sample> first = run.stream().filter(s -> s.seconds <= 60).toList();
    List<Sample> tail = run.stream().filter(s -> s.seconds > 60 && s.seconds >= last - 60)
        .toList();
    if (first.isEmpty() || tail.isEmpty()) {
      first = List.of(run.get(0));
      tail = List.of(run.get(run.size() - 1));
    }
    double heap0 = mean(first, true);
    double heap1 = mean(tail, true);
    double rss0 = mean(first, false);
    double rss1 = mean(tail, false);
    boolean heapGrows = grows(heap0, heap1, HEAP_SLACK_MB);
    boolean rssGrows = rss0 > 0 && grows(rss0, rss1, RSS_SLACK_MB);
    return String.format("verdict: heap after GC %.1f -> %.1f MB (%+.1f MB), RSS %.1f -> %.1f MB"
        + " (%+.1f MB), first minute vs last minute: %s", heap0, heap1, heap1 - heap0, rss0,
        rss1, rss1 - rss0, heapGrows || rssGrows
            ? "GROWING (" + (heapGrows ? "heap" : "") + (heapGrows && rssGrows ? " and " : "")
                + (rssGrows ? "RSS" : "") + ")" : "stable");
  }

  private static boolean grows(double before, double after, double slackMb) {
    return after - before > Math.max(slackMb, 0.10 * before);
  }

  private static double mean(List<Sample> samples, boolean heap) {
    return samples.stream().mapToDouble(s -> heap ? s.heapMb : s.rssMb).average().orElse(0);
  }
}
