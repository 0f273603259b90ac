package org.jkeras.reliability;

import static org.jkeras.reliability.BadInputs.failsWith;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.JKerasException;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.losses.Losses;
import org.jkeras.metrics.Metrics;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/**
 * A misspelt optimizer, loss, metric, activation, initializer, regularizer or constraint name
 * fails with a message that lists the valid names.
 */
class UnknownNamesTest {
  private static final Class<JKerasException> E = JKerasException.class;

  private static Model model() {
    KerasTensor in = Keras.input(4);
    return new Model(in, new Dense(3).apply(in));
  }

  @Test
  void compileNames() {
    failsWith(E, "Unknown optimizer: 'sgdd'. Valid names are [sgd, rmsprop, adam, adamw,"
        + " adagrad, adadelta, adamax, nadam, lion].",
        () -> model().compile("sgdd", "mse", List.of()));
    failsWith(E, "Unknown loss: 'msee'. Valid names are " + Losses.names()
        + " (or a class name such as 'BinaryCrossentropy').",
        () -> model().compile("sgd", "msee", List.of()));
    failsWith(E, "Unknown metric: 'acc2'. Valid names are " + Metrics.names()
        + " (or a class name such as 'BinaryAccuracy').",
        () -> model().compile("sgd", "mse", List.of("acc2")));
    failsWith(E, "Could not interpret optimizer: 3. Pass a name or an object.",
        () -> model().compile(Integer.valueOf(3), "mse", List.of()));
  }

  @Test
  void layerArgumentNames() {
    failsWith(E, "Unknown activation function: 'relux'. Valid names are [linear, relu, relu6,",
        () -> new Dense(3).activation("relux"));
    failsWith(E, "Unknown initializer: 'glorot'. Valid names are [zeros, zero, ones, one,"
        + " constant, identity, identity_initializer, random_normal, normal, random_uniform,"
        + " uniform, truncated_normal, variance_scaling, glorot_uniform, glorot_normal,"
        + " he_uniform, he_normal, lecun_uniform, lecun_normal, orthogonal,"
        + " orthogonal_initializer].", () -> new Dense(3).kernelInitializer("glorot"));
    failsWith(E, "Could not interpret regularizer identifier: l3. Known names: [l1_l2, l1, l2,"
        + " l1l2, orthogonal_regularizer].", () -> new Dense(3).kernelRegularizer("l3"));
    failsWith(E, "Could not interpret constraint identifier: pos. Known names: [max_norm,"
        + " min_max_norm, non_neg, unit_norm].", () -> new Dense(3).kernelConstraint("pos"));
  }
}
