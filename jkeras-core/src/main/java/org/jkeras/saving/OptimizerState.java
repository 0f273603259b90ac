package org.jkeras.saving;

import io.jhdf.api.Group;
import java.util.List;
import org.jkeras.models.Model;
import org.jkeras.optimizers.Optimizer;

/**
 * Restores an optimizer's variables (iteration count, learning rate, slots) saved under
 * {@code optimizer/vars}, so training resumes where it stopped.
 */
final class OptimizerState {
  private OptimizerState() {}

  /** Builds the compiled optimizer on the model's trainable weights and loads its state. */
  static void restore(Model model, Group h5, String source) {
    Group vars = H5Weights.varsGroup(h5, "optimizer");
    if (vars == null || vars.getChildren().isEmpty()) {
      return;
    }
    Optimizer optimizer = model.optimizer();
    optimizer.build(model.trainableWeights());
    H5Weights.read(h5, List.of(WeightsLayout.optimizer(optimizer)), source);
  }
}
