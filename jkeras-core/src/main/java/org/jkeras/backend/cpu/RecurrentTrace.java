package org.jkeras.backend.cpu;

import org.jkeras.backend.RecurrentOptions;
import org.jkeras.backend.ScratchBuffers;

/**
 * What a fused recurrent forward pass keeps for backpropagation through time. Every per-step
 * array is laid out {@code (batch, time, ...)} by input time (not processed order), so the
 * weight gradients are single large products over all steps.
 */
final class RecurrentTrace {
  enum Cell { LSTM, GRU, SIMPLE_RNN }

  final Cell cell;
  final RecurrentOptions options;
  final int batch;
  final int time;
  final int features;
  final int units;
  /** The inputs, in one or more blocks of batch rows. */
  final InputBlocks inputs;
  final float[] kernel;
  final float[] recurrentKernel;
  final boolean hasBias;
  /** {@code keep[b * time + t]}: false where the mask skips the step; null without a mask. */
  final boolean[] keep;
  /** Activated gates per step: i f c o (LSTM), z r h (GRU), h (SimpleRNN). */
  final float[] gates;
  /** The hidden state before each step. */
  final float[] hPrev;
  /** LSTM: the carry before each step; GRU: {@code h @ U_h + b} (reset-after) or {@code r * h}. */
  final float[] extra;
  /** LSTM: the activated carry {@code act(c_t)} after each step; null for other cells. */
  final float[] activatedCarry;

  RecurrentTrace(Cell cell, RecurrentOptions options, int batch, int time, int features,
      int units, InputBlocks inputs, float[] kernel, float[] recurrentKernel, boolean hasBias,
      boolean[] keep, float[] gates, float[] hPrev, float[] extra, float[] activatedCarry) {
    this.cell = cell;
    this.options = options;
    this.batch = batch;
    this.time = time;
    this.features = features;
    this.units = units;
    this.inputs = inputs;
    this.kernel = kernel;
    this.recurrentKernel = recurrentKernel;
    this.hasBias = hasBias;
    this.keep = keep;
    this.gates = gates;
    this.hPrev = hPrev;
    this.extra = extra;
    this.activatedCarry = activatedCarry;
  }

  private boolean released;

  /**
   * Gives the per-step buffers (never the inputs or weights, which belong to the caller) to the
   * scratch pool: the tape that could backpropagate through this record has closed.
   */
  synchronized void release() {
    if (!released) {
      released = true;
      ScratchBuffers.give(gates);
      ScratchBuffers.give(hPrev);
      ScratchBuffers.give(extra);
      ScratchBuffers.give(activatedCarry);
    }
  }

  synchronized boolean released() {
    return released;
  }

  /** Whether step {@code t} (input time) of batch row {@code b} runs the cell. */
  boolean on(int b, int t) {
    return keep == null || keep[b * time + t];
  }
}
