package org.jkeras.layers;

import org.jkeras.layers.convolutional.Conv1D;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.core.InputLayer;
import org.jkeras.layers.merging.Add;
import org.jkeras.layers.merging.Average;
import org.jkeras.layers.merging.Concatenate;
import org.jkeras.layers.merging.Maximum;
import org.jkeras.layers.merging.Minimum;
import org.jkeras.layers.merging.Multiply;
import org.jkeras.layers.merging.Subtract;
import org.jkeras.layers.pooling.AveragePooling1D;
import org.jkeras.layers.pooling.AveragePooling2D;
import org.jkeras.layers.pooling.MaxPooling1D;
import org.jkeras.layers.pooling.MaxPooling2D;
import org.jkeras.layers.reshaping.Flatten;
import org.jkeras.layers.rnn.GRU;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.layers.rnn.SimpleRNN;
import org.jkeras.layers.rnn.TimeDistributed;

/** The layers jkeras ships, by Keras class name. */
final class BuiltinLayers {
  private BuiltinLayers() {}

  static void registerAll() {
    LayerRegistry.register("InputLayer", InputLayer::fromConfig);
    LayerRegistry.register("Dense", Dense::fromConfig);
    LayerRegistry.register("Embedding", Embedding::fromConfig);
    LayerRegistry.register("Conv1D", Conv1D::fromConfig);
    LayerRegistry.register("Conv2D", Conv2D::fromConfig);
    LayerRegistry.register("MaxPooling1D", MaxPooling1D::fromConfig);
    LayerRegistry.register("MaxPooling2D", MaxPooling2D::fromConfig);
    LayerRegistry.register("AveragePooling1D", AveragePooling1D::fromConfig);
    LayerRegistry.register("AveragePooling2D", AveragePooling2D::fromConfig);
    LayerRegistry.register("Flatten", Flatten::fromConfig);
    LayerRegistry.register("Add", c -> org.jkeras.layers.merging.Merge.configure(new Add(), c));
    LayerRegistry.register("Subtract", c -> org.jkeras.layers.merging.Merge.configure(new Subtract(), c));
    LayerRegistry.register("Multiply", c -> org.jkeras.layers.merging.Merge.configure(new Multiply(), c));
    LayerRegistry.register("Average", c -> org.jkeras.layers.merging.Merge.configure(new Average(), c));
    LayerRegistry.register("Maximum", c -> org.jkeras.layers.merging.Merge.configure(new Maximum(), c));
    LayerRegistry.register("Minimum", c -> org.jkeras.layers.merging.Merge.configure(new Minimum(), c));
    LayerRegistry.register("Concatenate", Concatenate::fromConfig);
    LayerRegistry.register("LSTM", LSTM::fromConfig);
    LayerRegistry.register("GRU", GRU::fromConfig);
    LayerRegistry.register("SimpleRNN", SimpleRNN::fromConfig);
    LayerRegistry.register("TimeDistributed", TimeDistributed::fromConfig);
  }
}
