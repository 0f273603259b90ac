package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepArenaTest {
  @Test
  void theTestsRunWithEveryArrayReusedAndFreshOutputsPoisoned() {
    // The surefire configuration: without it the other tests would not catch a kernel that
    // reads an output before writing it, nor a tensor kept past its step.
    assertEquals(1, StepArena.MIN_FLOATS);
    for (float v : StepArena.floats(5)) {
      assertTrue(Float.isNaN(v));
    }
  }

  @Test
  void theNextStepGetsTheArraysOfThePreviousOne() {
    StepArena arena = new StepArena();
    arena.begin();
    float[] a = StepArena.floats(100);
    float[] b = StepArena.floats(100);
    float[] c = StepArena.floats(7);
    arena.recycle();
    assertEquals(3, arena.freeArrays());
    arena.begin();
    assertSame(a, StepArena.floats(100));
    assertSame(b, StepArena.floats(100));
    assertNotSame(a, StepArena.floats(100)); // a third one of that length is new
    assertSame(c, StepArena.floats(7));
    arena.recycle();
    assertEquals(4, arena.freeArrays());
  }

  @Test
  void zeroedArraysAreZeroEvenWhenReused() {
    StepArena arena = new StepArena();
    arena.begin();
    float[] a = StepArena.floats(64);
    java.util.Arrays.fill(a, 3f);
    arena.recycle();
    arena.begin();
    float[] b = StepArena.zeroedFloats(64);
    assertSame(a, b);
    assertArrayEquals(new float[64], b);
    arena.recycle();
  }

  @Test
  void keptArraysAndTheirViewsAreNotReused() {
    StepArena arena = new StepArena();
    arena.begin();
    float[] a = StepArena.floats(12);
    Tensor view = Tensor.wrap(a, Shape.of(3, 4));
    arena.keep(org.jkeras.ops.ArrayOps.reshape(view, 4, 3));
    arena.recycle();
    assertEquals(0, arena.freeArrays());
    arena.begin();
    assertNotSame(a, StepArena.floats(12));
    arena.recycle();
  }

  @Test
  void aFailedStepReusesNothing() {
    StepArena arena = new StepArena();
    arena.begin();
    StepArena.floats(10);
    arena.abandon();
    assertEquals(0, arena.freeArrays());
  }

  @Test
  void arraysTakenAfterStopTakingOrOutsideAStepAreNeverReused() {
    StepArena arena = new StepArena();
    StepArena.floats(10);
    arena.begin();
    arena.stopTaking();
    StepArena.floats(10);
    arena.recycle();
    assertEquals(0, arena.freeArrays());
  }

  @Test
  void aNestedStepGivesTheOuterOneBackItsArrays() {
    StepArena outer = new StepArena();
    StepArena inner = new StepArena();
    outer.begin();
    inner.begin();
    StepArena.floats(10);
    inner.recycle();
    StepArena.floats(10);
    outer.recycle();
    assertEquals(1, inner.freeArrays());
    assertEquals(1, outer.freeArrays());
    assertThrows(IllegalStateException.class, () -> {
      outer.begin();
      try {
        outer.begin();
      } finally {
        outer.recycle();
      }
    });
  }
}
