package org.jkeras.initializers;

import java.util.Objects;

/**
 * A base for the built-in initializers: two are equal when their Keras class names and configs
 * are, which is what a config round trip preserves.
 */
public abstract class KerasInitializer implements Initializer {
  @Override
  public boolean equals(Object o) {
    return o instanceof Initializer other && className().equals(other.className())
        && getConfig().equals(other.getConfig());
  }

  @Override
  public int hashCode() {
    return Objects.hash(className(), getConfig());
  }

  @Override
  public String toString() {
    return className() + getConfig();
  }
}
