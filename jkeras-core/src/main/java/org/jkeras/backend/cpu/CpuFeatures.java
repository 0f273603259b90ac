package org.jkeras.backend.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** What the CPU can do, read from {@code /proc/cpuinfo}, and the OpenBLAS kernel set that fits it. */
public final class CpuFeatures {
  private CpuFeatures() {}

  /** The flags of the first CPU in {@code /proc/cpuinfo}, or an empty set when it cannot be read. */
  public static Set<String> flags() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags")) {
          return Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or no access: fall through to no flags.
    }
    return Set.of();
  }

  /**
   * The OpenBLAS core type for these flags. OpenBLAS detects cores by vendor and model, so new
   * CPUs (Zen 5 with OpenBLAS 0.3.31) fall back to slow kernels; choosing by instruction set
   * instead gives the AVX-512 kernels wherever AVX-512 exists.
   */
  public static String openBlasCoreType(Set<String> flags) {
    boolean avx512 = flags.contains("avx512f") && flags.contains("avx512bw")
        && flags.contains("avx512dq") && flags.contains("avx512vl");
    if (avx512 && flags.contains("avx512_bf16")) {
      return "Cooperlake";
    }
    if (avx512) {
      return "SkylakeX";
    }
    if (flags.contains("avx2") && flags.contains("fma")) {
      return "Haswell";
    }
    if (flags.contains("avx")) {
      return "Sandybridge";
    }
    return "Prescott";
  }
}
