package org.jkeras.layers.merging;

import org.jkeras.layers.LayerRegistry;

/** Registers the merging layers by Keras class name. */
public final class MergingLayers {
  private MergingLayers() {}

  /** Called once by the registry. */
  public static void registerAll() {
    LayerRegistry.register("Concatenate", Concatenate::fromConfig);
    LayerRegistry.register("Add", c -> Merge.configure(new Add(), c));
    LayerRegistry.register("Subtract", c -> Merge.configure(new Subtract(), c));
    LayerRegistry.register("Multiply", c -> Merge.configure(new Multiply(), c));
    LayerRegistry.register("Average", c -> Merge.configure(new Average(), c));
    LayerRegistry.register("Maximum", c -> Merge.configure(new Maximum(), c));
    LayerRegistry.register("Minimum", c -> Merge.configure(new Minimum(), c));
    LayerRegistry.register("Dot", Dot::fromConfig);
  }
}
