package org.jkeras.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

/** The {@link Ops} facade offers every public op of every family (regenerate it if this fails). */
class OpsFacadeTest {
  private static final List<Class<?>> FAMILIES = families();

  /** Every {@code *Ops} class compiled into this package (the op families). */
  private static List<Class<?>> families() {
    List<Class<?>> out = new ArrayList<>();
    try {
      java.nio.file.Path dir = java.nio.file.Path.of(
          Ops.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve("org/jkeras/ops");
      try (var files = java.nio.file.Files.list(dir)) {
        for (String f : files.map(p -> p.getFileName().toString()).sorted().toList()) {
          if (f.endsWith("Ops.class") && !f.equals("Ops.class")) {
            out.add(Class.forName("org.jkeras.ops." + f.substring(0, f.length() - 6)));
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the op families", e);
    }
    return out;
  }

  @Test
  void everyPublicOpIsOnTheFacade() throws Exception {
    assertTrue(FAMILIES.size() >= 10, "found families " + FAMILIES);
    List<String> missing = new ArrayList<>();
    for (Class<?> family : FAMILIES) {
      for (Method m : family.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
          try {
            Method facade = Ops.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(m.getGenericReturnType(), facade.getGenericReturnType(), m.toString());
          } catch (NoSuchMethodException e) {
            missing.add(family.getSimpleName() + "." + m.getName()
                + Arrays.toString(m.getParameterTypes()));
          }
        }
      }
    }
    assertTrue(missing.isEmpty(),
        "Ops lacks " + missing + "; run python3 tools/generate-ops-facade.py");
  }

  @Test
  void theFacadeDelegates() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    assertEquals(10f, Ops.sum(x).item());
    assertEquals(Shape.of(4), Ops.reshape(x, 4).shape());
  }
}
