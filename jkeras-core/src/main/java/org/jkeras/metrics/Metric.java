package org.jkeras.metrics;

import java.util.Map;
import org.jkeras.backend.Tensor;
import org.jkeras.config.Config;

/**
 * A stateful metric, as Keras 3's: {@link #updateState} folds in one batch, {@link #result}
 * reads the value over every batch since the last {@link #resetState}. Batch statistics are
 * computed with ops; the state holds their running totals.
 */
public abstract class Metric {
  private String name;

  protected Metric(String name) {
    this.name = name;
  }

  /** The name the metric logs under, for example {@code "binary_accuracy"}. */
  public String name() {
    return name;
  }

  /** Renames the metric, as Keras's compile does for a metric given by its string name. */
  public void setName(String name) {
    this.name = name;
  }

  /** The Keras class name, used in the serialized form. */
  public String className() {
    return getClass().getSimpleName();
  }

  /** Folds in one batch; {@code sampleWeight} may be null. */
  public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

  /** The metric's value over everything seen since the last reset. */
  public abstract double result();

  /** Forgets every batch seen. */
  public abstract void resetState();

  /** Keras's config: {@code name} and {@code dtype}, plus each metric's own arguments. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("name", name);
    c.put("dtype", "float32");
    return c;
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ">";
  }
}
