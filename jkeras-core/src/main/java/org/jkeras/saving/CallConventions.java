package org.jkeras.saving;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jkeras.config.Config;
import org.jkeras.layers.Layer;
import org.jkeras.models.Model;

/**
 * How Keras records one layer call in a saved config: whether several inputs are positional
 * arguments ({@code mha(query, value)}) or one list ({@code concat([a, b])}), and the keyword
 * arguments Keras's {@code Layer.__call__} fills in from the call signature ({@code training}
 * when its default is not None, {@code mask} when the call takes one).
 */
final class CallConventions {
  /** Layers whose several inputs are separate positional arguments. */
  private static final Set<String> POSITIONAL = Set.of("MultiHeadAttention");
  /** call(..., mask=None, training=False): recurrent layers. */
  private static final Set<String> TRAINING_FALSE_AND_MASK = Set.of("LSTM", "GRU", "SimpleRNN");
  /** call(inputs, training=False): noise and dropout layers. */
  private static final Set<String> TRAINING_FALSE = Set.of("Dropout", "GaussianNoise",
      "GaussianDropout", "SpatialDropout1D", "SpatialDropout2D");
  /** Calls that take a mask and leave training at None. */
  private static final Set<String> MASK_ONLY = Set.of("BatchNormalization", "Bidirectional",
      "TimeDistributed", "GlobalAveragePooling1D", "Softmax", "Functional", "Sequential");

  private CallConventions() {}

  /** True when the layer's inputs are passed as separate positional arguments. */
  static boolean positional(String className) {
    return POSITIONAL.contains(className);
  }

  /** The {@code args} of a call on {@code inputs} (already serialized). */
  static List<Object> args(String className, List<Object> inputs) {
    if (inputs.size() == 1 || positional(className)) {
      return new java.util.ArrayList<>(inputs);
    }
    List<Object> args = new java.util.ArrayList<>();
    args.add(new java.util.ArrayList<>(inputs));
    return args;
  }

  /** The {@code kwargs} Keras records for a call of this class on {@code inputCount} inputs. */
  static Map<String, Object> kwargs(String className, int inputCount) {
    Map<String, Object> kw = Config.map();
    Object mask = inputCount == 1 ? null : java.util.Collections.nCopies(inputCount, null);
    if (TRAINING_FALSE_AND_MASK.contains(className)) {
      kw.put("training", false);
      kw.put("mask", mask);
    } else if (TRAINING_FALSE.contains(className)) {
      kw.put("training", false);
    } else if (MASK_ONLY.contains(className)) {
      kw.put("mask", mask);
    }
    return kw;
  }

  /** Keras's class name for a layer: Functional and Sequential for models. */
  static String className(Layer layer) {
    if (layer instanceof org.jkeras.models.Sequential) {
      return "Sequential";
    }
    if (layer instanceof Model) {
      return "Functional";
    }
    return layer.getClass().getSimpleName();
  }
}
