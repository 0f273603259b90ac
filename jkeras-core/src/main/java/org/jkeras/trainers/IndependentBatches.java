package org.jkeras.trainers;

import org.jkeras.layers.Layer;
import org.jkeras.layers.core.Lambda;
import org.jkeras.layers.rnn.BaseRnn;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.TimeDistributed;
import org.jkeras.models.Model;

/**
 * Whether a model's outputs for one batch do not depend on the batches before it, so that
 * {@code predict} may run batches at once: every layer, nested ones included, is one of
 * jkeras's own, its class shipped with {@link Layer} (a user's layer, or a user's subclass of a
 * jkeras layer, may keep something from one call to the next), no layer is a {@link Lambda} (its
 * function is the user's code, which Keras calls batch by batch on one thread), and no recurrent
 * layer is stateful (its states carry over from batch to batch).
 */
final class IndependentBatches {
  private IndependentBatches() {}

  private static final java.security.CodeSource JKERAS =
      Layer.class.getProtectionDomain().getCodeSource();

  static boolean of(Layer layer) {
    Class<?> type = layer.getClass();
    if (!type.getName().startsWith("org.jkeras.") || JKERAS == null
        || !JKERAS.equals(type.getProtectionDomain().getCodeSource())) {
      return false;
    }
    if (layer instanceof Lambda) {
      return false;
    }
    if (layer instanceof Model model) {
      for (Layer inner : model.layers()) {
        if (inner != model && !of(inner)) {
          return false;
        }
      }
      return true;
    }
    if (layer instanceof BaseRnn rnn) {
      return !rnn.stateful();
    }
    if (layer instanceof Bidirectional both) {
      return of(both.forwardLayer()) && of(both.backwardLayer());
    }
    if (layer instanceof TimeDistributed wrapper) {
      return of(wrapper.layer());
    }
    return true;
  }
}
