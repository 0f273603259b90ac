package org.jkeras.trainers;

import java.util.List;
import org.jkeras.backend.DType;
import org.jkeras.backend.IncompatibleShapesException;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.graph.KerasTensor;
import org.jkeras.losses.Loss;
import org.jkeras.losses.SparseCategoricalCrossentropy;
import org.jkeras.models.Model;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.CompareOps;
import org.jkeras.ops.IndexingOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.ReductionOps;

/**
 * The checks {@code fit}, {@code evaluate} and {@code predict} run on in-memory data before the
 * first batch: data present, one array per input and output, equal sample counts, sample shapes
 * that fit the model's inputs, targets the loss can compare with the outputs, sparse labels in
 * range and (on request) finite values. Failing here leaves the model and its optimizer exactly
 * as they were, and names the array, its shape and the fix.
 */
final class DataChecks {
  private DataChecks() {}

  /** x (and y when {@code targets}) for {@code method}, checked against the model. */
  static void check(String method, Model model, CompiledModel compiled, List<Tensor> x,
      List<Tensor> y, Tensor sampleWeight, boolean targets) {
    if (x == null) {
      throw new JKerasException(method + ": no input data (x) was given. Pass a Tensor, a"
          + " List<Tensor> in input order or a Map<String, Tensor> by input name "
          + model.inputNames() + ".");
    }
    if (x.size() != model.inputs().size()) {
      throw new JKerasException(method + ": model '" + model.name() + "' has "
          + model.inputs().size() + " input(s) " + model.inputNames() + " but " + x.size()
          + " input array(s) were given.");
    }
    if (targets && (y == null || y.size() != model.outputs().size())) {
      throw new JKerasException(method + ": model '" + model.name() + "' has "
          + model.outputs().size() + " output(s) " + model.outputNames() + " but "
          + (y == null ? "no" : String.valueOf(y.size())) + " target array(s) were given."
          + " Pass one target array per output.");
    }
    try {
      ArrayData.checkSampleCounts(x, targets ? y : null, sampleWeight);
    } catch (JKerasException e) {
      if (!method.contains("validation")) {
        throw e;
      }
      throw new JKerasException(method + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < x.size(); i++) {
      KerasTensor in = model.inputs().get(i);
      Shape got = x.get(i).shape();
      if (!in.shape().isCompatibleWith(got)) {
        Shape sample = Shape.of(java.util.Arrays.copyOfRange(in.shape().dims(), 1,
            in.shape().rank()));
        throw new IncompatibleShapesException(method + ": input " + i + " ('"
            + model.inputNames().get(i) + "') of model '" + model.name() + "' expects shape "
            + in.shape() + " but the data x[" + i + "] has shape " + got + ". Give data whose"
            + " samples have shape " + sample + ", or build the model for "
            + sampleShape(got) + ".");
      }
    }
    if (targets && compiled != null) {
      for (int i = 0; i < y.size(); i++) {
        Loss loss = compiled.losses.get(i);
        if (loss != null) {
          checkLabels(method, model, i, loss, y.get(i));
          dryRunLoss(method, model, i, loss, y.get(i));
        }
      }
    }
  }

  private static Shape sampleShape(Shape data) {
    return Shape.of(java.util.Arrays.copyOfRange(data.dims(), 1, data.rank()));
  }

  /** Sparse labels must lie in [0, classes) or be the ignored class; finds the first not. */
  private static void checkLabels(String method, Model model, int output, Loss loss, Tensor y) {
    if (!(loss instanceof SparseCategoricalCrossentropy sparse)) {
      return;
    }
    Shape out = model.outputs().get(output).shape();
    int classes = out.rank() == 0 ? Shape.UNKNOWN : out.dim(-1);
    if (classes == Shape.UNKNOWN || y.size() == 0) {
      return;
    }
    Tensor labels = MathOps.cast(MathOps.cast(y, DType.INT32), DType.FLOAT32);
    Tensor bad = CompareOps.logicalOr(CompareOps.less(labels, Tensor.scalar(0f)),
        CompareOps.greaterEqual(labels, Tensor.scalar((float) classes)));
    if (sparse.ignoreClass() != null) {
      bad = CompareOps.logicalAnd(bad,
          CompareOps.notEqual(labels, Tensor.scalar((float) sparse.ignoreClass())));
    }
    int sample = firstTrueSample(bad);
    if (sample >= 0) {
      Tensor row = row(labels, sample);
      Tensor rowBad = row(bad, sample);
      double label = 0;
      for (int k = 0; k < rowBad.size(); k++) {
        if (rowBad.getFlat(k) != 0) {
          label = row.getFlat(k);
          break;
        }
      }
      throw new JKerasException(method + ": target y[" + output + "] for output '"
          + model.outputNames().get(output) + "' has label " + (long) label + " at sample "
          + sample + ", out of range for " + classes + " classes: " + loss.name() + " needs"
          + " integer labels in [0, " + classes + "). Fix the labels" + (label < 0 ? "."
          : " or give the output " + ((long) label + 1) + " or more units."));
    }
  }

  /**
   * Runs a built-in loss on the first sample's target and a zero prediction shaped like the
   * output, so targets the loss cannot compare fail before training, naming the output.
   */
  private static void dryRunLoss(String method, Model model, int output, Loss loss, Tensor y) {
    // Only jkeras's own losses: a user's loss may not expect a one-sample batch.
    if (!loss.getClass().getPackageName().equals("org.jkeras.losses") || y.rank() == 0) {
      return;
    }
    Shape out = model.outputs().get(output).shape();
    int[] dims = out.dims();
    for (int i = 1; i < dims.length; i++) {
      if (dims[i] == Shape.UNKNOWN) {
        return;
      }
    }
    if (dims.length == 0) {
      return;
    }
    dims[0] = 1;
    try {
      loss.compute(row(y, 0), Tensor.zeros(Shape.of(dims)), null);
    } catch (JKerasException e) {
      throw new IncompatibleShapesException(method + ": target y[" + output + "] of shape "
          + y.shape() + " does not fit output '" + model.outputNames().get(output)
          + "' of shape " + out + " for loss '" + loss.name() + "' (tried on the first sample: "
          + e.getMessage().replaceAll("\\.$", "") + "). Give targets shaped like the output"
          + (loss instanceof SparseCategoricalCrossentropy
          ? " without its class axis (class indices)" : "") + ".");
    }
  }

  /** NaN or infinite values refused, naming the array and the first bad sample. */
  static void checkFinite(String what, List<Tensor> arrays) {
    if (arrays == null) {
      return;
    }
    for (int i = 0; i < arrays.size(); i++) {
      checkFinite(what + "[" + i + "]", arrays.get(i));
    }
  }

  /**
   * One pass over the values, allocating nothing: the data may be most of the heap, so no
   * temporary the size of the data (as {@code x - x} would be) is made to check it.
   */
  static void checkFinite(String what, Tensor t) {
    if (t == null || t.dtype() != DType.FLOAT32 || t.size() == 0 || t.rank() == 0) {
      return;
    }
    float[] data = t.floatData();
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        int sample = i / (data.length / t.shape().dim(0));
        throw new JKerasException("fit: " + what + " contains " + data[i] + " at sample "
            + sample + " (shape " + t.shape() + "); checkFinite refuses NaN and infinite values."
            + " Clean or drop that sample, or fit without FitOptions.checkFinite(true).");
      }
    }
  }

  /** The first index along axis 0 whose row has a true element, or -1. */
  private static int firstTrueSample(Tensor mask) {
    int n = mask.shape().dim(0);
    Tensor perSample = mask.rank() == 1 ? MathOps.cast(mask, DType.FLOAT32)
        : ReductionOps.max(ArrayOps.reshape(MathOps.cast(mask, DType.FLOAT32), n, -1), 1);
    for (int s = 0; s < n; s++) {
      if (perSample.getFlat(s) != 0) {
        return s;
      }
    }
    return -1;
  }

  /** Sample {@code index} of {@code t}, keeping the sample axis (shape (1, ...)). */
  private static Tensor row(Tensor t, int index) {
    int[] start = new int[t.rank()];
    int[] size = t.shape().dims();
    start[0] = index;
    size[0] = 1;
    return IndexingOps.slice(t, start, size);
  }
}
