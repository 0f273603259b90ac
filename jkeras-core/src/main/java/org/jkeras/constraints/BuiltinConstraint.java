package org.jkeras.constraints;

import java.util.Objects;

/** A base for the built-in constraints: equal when their class names and configs are. */
abstract class BuiltinConstraint implements Constraint {
  @Override
  public boolean equals(Object o) {
    return o instanceof Constraint other && className().equals(other.className())
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
