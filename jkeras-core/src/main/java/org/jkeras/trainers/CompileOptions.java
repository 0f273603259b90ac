package org.jkeras.trainers;

import java.util.List;
import java.util.Map;

/**
 * {@code compile}'s arguments as Keras takes them: an optimizer (name or object), a loss (name,
 * object, one per output as a list, or a map by output name), metrics (a list for every output,
 * or a map by output name) and loss weights (list or map).
 */
public final class CompileOptions {
  Object optimizer = "rmsprop";
  Object loss;
  Object metrics = List.of();
  Object lossWeights;

  public static CompileOptions of(Object optimizer, Object loss) {
    CompileOptions o = new CompileOptions();
    o.optimizer = optimizer;
    o.loss = loss;
    return o;
  }

  public CompileOptions optimizer(Object value) {
    optimizer = value;
    return this;
  }

  public CompileOptions loss(Object value) {
    loss = value;
    return this;
  }

  /** A list of metrics for every output, or a map from output name to its metrics. */
  public CompileOptions metrics(Object value) {
    metrics = value;
    return this;
  }

  /** Weights of the outputs' losses in the total: a list in output order or a map by name. */
  public CompileOptions lossWeights(List<Double> value) {
    lossWeights = value;
    return this;
  }

  public CompileOptions lossWeights(Map<String, Double> value) {
    lossWeights = value;
    return this;
  }
}
