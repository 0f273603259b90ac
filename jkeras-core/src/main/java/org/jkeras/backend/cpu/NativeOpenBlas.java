package org.jkeras.backend.cpu;

import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * OpenBLAS from the {@code org.bytedeco:openblas} natives jar, called through the FFM API.
 *
 * <p>JavaCPP only extracts the shared library; the calls go through FFM downcalls marked
 * {@code critical(true)}, so heap float arrays are passed in place (no JNI copies). Before the
 * library loads, {@code OPENBLAS_CORETYPE} is set from the CPU's flags ({@link CpuFeatures}), and
 * OpenBLAS's own threads are turned off: {@link CpuThreads} is the one pool in charge.
 */
public final class NativeOpenBlas {
  private static final int ROW_MAJOR = 101;
  private static final int NO_TRANS = 111;
  private static final int TRANS = 112;
  private static final String[] LIBRARIES = {
    "libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0"
  };

  private static final NativeOpenBlas INSTANCE = load();

  private final MethodHandle sgemm;
  private final String coreName;
  private final String config;
  private final String failure;

  private NativeOpenBlas(MethodHandle sgemm, String coreName, String config, String failure) {
    this.sgemm = sgemm;
    this.coreName = coreName;
    this.config = config;
    this.failure = failure;
  }

  /** An instance standing for a library that failed to load, for tests of the fallback. */
  static NativeOpenBlas unavailable(String reason) {
    return new NativeOpenBlas(null, "none", "", reason);
  }

  /** The loaded library, or an instance whose {@link #isAvailable()} is false. */
  public static NativeOpenBlas get() {
    return INSTANCE;
  }

  public boolean isAvailable() {
    return sgemm != null;
  }

  /** The kernel set OpenBLAS runs, for example {@code "SkylakeX"}. */
  public String coreName() {
    return coreName;
  }

  /** OpenBLAS's build description. */
  public String config() {
    return config;
  }

  /** Why loading failed, or null. */
  public String failure() {
    return failure;
  }

  /** Row-major {@code cblas_sgemm} on heap arrays, zero-copy. */
  public void sgemm(
      boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    try {
      sgemm.invokeExact(
          ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha,
          MemorySegment.ofArray(a).asSlice((long) aOffset * Float.BYTES), lda,
          MemorySegment.ofArray(b).asSlice((long) bOffset * Float.BYTES), ldb,
          beta,
          MemorySegment.ofArray(c).asSlice((long) cOffset * Float.BYTES), ldc);
    } catch (Throwable t) {
      throw new IllegalStateException("cblas_sgemm failed", t);
    }
  }

  private static NativeOpenBlas load() {
    if ("java".equals(System.getProperty("jkeras.gemm"))) {
      return unavailable("disabled by -Djkeras.gemm=java");
    }
    try {
      Linker linker = Linker.nativeLinker();
      String coreType = System.getProperty(
          "jkeras.openblas.coretype", CpuFeatures.openBlasCoreType(CpuFeatures.flags()));
      setEnv(linker, "OPENBLAS_CORETYPE", coreType);
      // One OpenBLAS thread: parallelism comes from CpuThreads.
      setEnv(linker, "OPENBLAS_NUM_THREADS", "1");
      File library = null;
      for (String name : LIBRARIES) {
        library = org.bytedeco.javacpp.Loader.cacheResource(
            org.bytedeco.openblas.global.openblas_nolapack.class, "linux-x86_64/" + name);
      }
      if (library == null) {
        throw new IllegalStateException("libopenblas.so.0 is not on the classpath");
      }
      SymbolLookup lookup = SymbolLookup.libraryLookup(library.toPath(), Arena.global());
      MethodHandle setThreads = linker.downcallHandle(
          lookup.find("openblas_set_num_threads").orElseThrow(),
          FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
      setThreads.invokeExact(1);
      String core = cString(linker, lookup, "openblas_get_corename");
      String config = cString(linker, lookup, "openblas_get_config");
      ValueLayout.OfInt i = ValueLayout.JAVA_INT;
      ValueLayout.OfFloat f = ValueLayout.JAVA_FLOAT;
      MethodHandle sgemm = linker.downcallHandle(
          lookup.find("cblas_sgemm").orElseThrow(),
          FunctionDescriptor.ofVoid(
              i, i, i, i, i, i, f, ValueLayout.ADDRESS, i, ValueLayout.ADDRESS, i, f,
              ValueLayout.ADDRESS, i),
          Linker.Option.critical(true));
      return new NativeOpenBlas(sgemm, core, config, null);
    } catch (Throwable t) {
      return unavailable(t.toString());
    }
  }

  private static void setEnv(Linker linker, String name, String value) throws Throwable {
    MethodHandle setenv = linker.downcallHandle(
        linker.defaultLookup().find("setenv").orElseThrow(),
        FunctionDescriptor.of(
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
      if (rc != 0) {
        throw new IllegalStateException("setenv(" + name + ") failed");
      }
    }
  }

  private static String cString(Linker linker, SymbolLookup lookup, String function)
      throws Throwable {
    MethodHandle h = linker.downcallHandle(
        lookup.find(function).orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS));
    MemorySegment s = (MemorySegment) h.invokeExact();
    return s.reinterpret(4096).getString(0).trim();
  }
}
