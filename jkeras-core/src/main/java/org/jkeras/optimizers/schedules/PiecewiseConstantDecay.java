package org.jkeras.optimizers.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.config.Config;

/**
 * A step function: {@code values[0]} up to and including {@code boundaries[0]},
 * {@code values[i]} on {@code (boundaries[i-1], boundaries[i]]}, the last value after.
 */
public final class PiecewiseConstantDecay extends LearningRateSchedule {
  private final List<Number> boundaries;
  private final List<Number> values;
  private final String name;

  /** Boundaries and values keep the numbers given, so the config writes them back unchanged. */
  public PiecewiseConstantDecay(
      List<? extends Number> boundaries, List<? extends Number> values, String name) {
    if (boundaries.size() != values.size() - 1) {
      throw new JKerasException("PiecewiseConstantDecay: the length of boundaries should be 1 "
          + "less than the length of values. Received: boundaries=" + boundaries + " of length "
          + boundaries.size() + ", and values=" + values + " of length " + values.size() + ".");
    }
    this.boundaries = List.copyOf(boundaries);
    this.values = List.copyOf(values);
    this.name = name;
  }

  public PiecewiseConstantDecay(long[] boundaries, double[] values) {
    this(boxed(boundaries), boxed(values), "PiecewiseConstant");
  }

  @Override
  public double value(long step) {
    int last = boundaries.size() - 1;
    if (last < 0) {
      return values.get(0).doubleValue();
    }
    if (step <= boundaries.get(0).doubleValue()) {
      return values.get(0).doubleValue();
    }
    if (step > boundaries.get(last).doubleValue()) {
      return values.get(last + 1).doubleValue();
    }
    for (int i = 1; i <= last; i++) {
      if (step > boundaries.get(i - 1).doubleValue() && step <= boundaries.get(i).doubleValue()) {
        return values.get(i).doubleValue();
      }
    }
    return 0.0; // unordered boundaries: no range holds the step, and Keras's sum is 0 too
  }

  @Override
  public String className() {
    return "PiecewiseConstantDecay";
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("boundaries", new ArrayList<Object>(boundaries));
    c.put("values", new ArrayList<Object>(values));
    c.put("name", name);
    return c;
  }

  static PiecewiseConstantDecay fromConfig(Config c) {
    return new PiecewiseConstantDecay(numbers(c, "boundaries"), numbers(c, "values"),
        c.getString("name", "PiecewiseConstant"));
  }

  private static List<Number> numbers(Config c, String key) {
    Object raw = c.raw(key);
    if (!(raw instanceof List<?> list)) {
      throw new JKerasException(
          "PiecewiseConstantDecay config key '" + key + "' should be a list of numbers, got "
              + raw + ".");
    }
    List<Number> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Number n)) {
        throw new JKerasException("PiecewiseConstantDecay config key '" + key
            + "' should be a list of numbers, got " + raw + ".");
      }
      out.add(n);
    }
    return out;
  }

  private static List<Number> boxed(long[] xs) {
    List<Number> out = new ArrayList<>();
    for (long x : xs) {
      out.add(x);
    }
    return out;
  }

  private static List<Number> boxed(double[] xs) {
    List<Number> out = new ArrayList<>();
    for (double x : xs) {
      out.add(x);
    }
    return out;
  }
}
