package org.jkeras.optimizers;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.backend.cpu.CpuGradientKernels;
import org.jkeras.config.Config;
import org.jkeras.optimizers.schedules.LearningRateSchedule;
import org.jkeras.optimizers.schedules.Schedules;

/**
 * Keras 3's optimizer: one {@link #applyGradients} is one training step, with Keras's order of
 * work (unscale, clip, decoupled weight decay, update or accumulate, moving average, iterations,
 * constraints). Its state is a list of variables in Keras's order, so it saves like Keras's.
 *
 * <p>The options shared by all optimizers ({@code clipnorm}, {@code weight_decay}, ...) are set
 * with the {@code set...} methods, which return this optimizer so they chain.
 */
public abstract class Optimizer {
  private String name;
  private final LearningRateSchedule schedule;
  private final Variable learningRate;
  private final Variable iteration;
  private long iterations;
  private final OptimizerOptions options = new OptimizerOptions();
  private final List<Variable> variables = new ArrayList<>();
  private final IdentityHashMap<Variable, Integer> indices = new IdentityHashMap<>();
  private List<Variable> trainableVariables = List.of();
  private final List<Variable> averages = new ArrayList<>();
  private final List<Variable> accumulators = new ArrayList<>();
  private List<Variable> excludedFromDecay = List.of();
  private List<Pattern> excludedNamesFromDecay = List.of();
  private boolean built;

  /** {@code learningRate} is a {@link Number} (a constant) or a {@link LearningRateSchedule}. */
  protected Optimizer(String name, Object learningRate) {
    this.name = name;
    this.iteration = new Variable(Tensor.scalar(0), "iteration", false);
    variables.add(iteration);
    if (learningRate instanceof LearningRateSchedule s) {
      this.schedule = s;
      this.learningRate = null;
    } else if (learningRate instanceof Number n) {
      this.schedule = null;
      this.learningRate = new Variable(Tensor.scalar(n.floatValue()), "learning_rate", false);
      variables.add(this.learningRate);
    } else {
      throw new JKerasException("Argument `learning_rate` should be a number or a "
          + "LearningRateSchedule. Received instead: learning_rate=" + learningRate);
    }
  }

  /** Keras's class name ({@code "Adam"}), for serialization. */
  public abstract String className();

  /** Creates the optimizer's slots for {@code vars}, in Keras's order, with {@link #addSlot}. */
  protected abstract void buildSlots(List<Variable> vars);

  /** Updates one variable from its (preprocessed) gradient; {@code index} is its build index. */
  protected abstract void updateVariable(Tensor grad, Variable var, int index, float lr);

  /** Adds this optimizer's own config keys after the common ones. */
  protected abstract void addConfig(Map<String, Object> config);

  /** One update over all variables; optimizers with per-step state (Nadam) extend it. */
  protected void updateStep(List<Tensor> grads, List<Variable> vars, float lr) {
    for (int i = 0; i < grads.size(); i++) {
      updateVariable(grads.get(i), vars.get(i), indices.get(vars.get(i)), lr);
    }
  }

  // ---- the step ------------------------------------------------------------------------------

  /**
   * One training step: {@code grads.get(i)} updates {@code vars.get(i)}; a null gradient skips
   * its variable. The first call builds the optimizer on {@code vars}; later calls must pass
   * variables it was built with.
   */
  public void applyGradients(List<Tensor> grads, List<Variable> vars) {
    if (grads.size() != vars.size()) {
      throw new JKerasException(className() + ".applyGradients: got " + grads.size()
          + " gradients for " + vars.size() + " variables; pass one gradient per variable.");
    }
    if (grads.isEmpty()) {
      return;
    }
    if (!built) {
      build(vars);
    }
    List<Tensor> g = new ArrayList<>();
    List<Variable> v = new ArrayList<>();
    for (int i = 0; i < grads.size(); i++) {
      Variable var = vars.get(i);
      if (!indices.containsKey(var)) {
        throw new JKerasException("Unknown variable: " + var.name() + ". This optimizer can only "
            + "be called for the variables it was originally built with. When working with a new "
            + "set of variables, you should recreate a new optimizer instance.");
      }
      Tensor grad = grads.get(i);
      if (grad == null) {
        continue;
      }
      if (!grad.shape().equals(var.shape())) {
        throw new JKerasException(className() + ".applyGradients: the gradient for variable '"
            + var.name() + "' has shape " + grad.shape() + " but the variable has shape "
            + var.shape() + ".");
      }
      grad.requireDType(org.jkeras.backend.DType.FLOAT32);
      g.add(grad);
      v.add(var);
    }
    if (g.isEmpty()) {
      throw new JKerasException("No gradients provided for any variable.");
    }
    if (options.lossScaleFactor != null) {
      g = GradientTransforms.unscale(g, options.lossScaleFactor);
    }
    g = GradientTransforms.clip(g, options.clipnorm, options.globalClipnorm, options.clipvalue);
    long step = iterations();
    float lr = (float) learningRate();
    applyWeightDecay(v, lr);
    Integer accumulate = options.gradientAccumulationSteps;
    if (accumulate != null) {
      if ((step + 1) % accumulate == 0) {
        List<Tensor> mean = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) {
          mean.add(CpuGradientKernels.averaged(
              g.get(i), accumulators.get(indices.get(v.get(i))), accumulate));
        }
        updateStep(mean, v, lr);
        for (Variable acc : accumulators) {
          CpuGradientKernels.fill(acc, 0f);
        }
      } else {
        for (int i = 0; i < g.size(); i++) {
          CpuGradientKernels.addInPlace(accumulators.get(indices.get(v.get(i))), g.get(i));
        }
      }
    } else {
      updateStep(g, v, lr);
    }
    if (options.useEma) {
      updateMovingAverages(step);
    }
    iterations = step + 1;
    iteration.assign(Tensor.scalar(iterations));
    for (Variable var : v) {
      UnaryOperator<Tensor> constraint = var.constraint();
      if (constraint != null) {
        var.assign(constraint.apply(var));
      }
    }
  }

  private void applyWeightDecay(List<Variable> vars, float lr) {
    if (options.weightDecay == null) {
      return;
    }
    float wd = options.weightDecay.floatValue();
    for (Variable var : vars) {
      if (usesWeightDecay(var)) {
        CpuGradientKernels.decayInPlace(var, wd, lr);
      }
    }
  }

  private boolean usesWeightDecay(Variable var) {
    for (Variable excluded : excludedFromDecay) {
      if (excluded == var) {
        return false;
      }
    }
    for (Pattern p : excludedNamesFromDecay) {
      if (p.matcher(var.name()).find()) {
        return false;
      }
    }
    return true;
  }

  private void updateMovingAverages(long step) {
    float momentum = step != 0 ? (float) options.emaMomentum : 0f;
    for (int i = 0; i < trainableVariables.size(); i++) {
      CpuGradientKernels.movingAverageInPlace(averages.get(i), trainableVariables.get(i), momentum);
    }
    Integer every = options.emaOverwriteFrequency;
    if (every != null && (step + 1) % every == 0) {
      finalizeVariableValues(trainableVariables);
    }
  }

  /**
   * With {@code use_ema}, overwrites {@code vars} (the variables this optimizer was built with)
   * by their moving averages, as Keras's {@code fit} does after the last epoch.
   */
  public void finalizeVariableValues(List<Variable> vars) {
    if (!options.useEma) {
      return;
    }
    if (vars.size() != averages.size()) {
      throw new JKerasException("The length of model variables (" + vars.size()
          + ") to override does not match the length of model variables stored in the optimizer ("
          + averages.size() + "). Please check if the optimizer was called on your model.");
    }
    for (int i = 0; i < vars.size(); i++) {
      vars.get(i).assign(averages.get(i));
    }
  }

  // ---- building and variables ----------------------------------------------------------------

  /** Creates the optimizer's variables for {@code vars}; a second call does nothing. */
  public void build(List<Variable> vars) {
    if (built) {
      return;
    }
    for (int i = 0; i < vars.size(); i++) {
      Variable var = vars.get(i);
      indices.put(var, i);
      if (options.useEma) {
        averages.add(addSlot(var, "average"));
      }
      if (options.gradientAccumulationSteps != null) {
        accumulators.add(addSlot(var, "gradient_accumulator"));
      }
    }
    trainableVariables = List.copyOf(vars);
    buildSlots(trainableVariables);
    built = true;
  }

  public boolean built() {
    return built;
  }

  /** A zero slot shaped like {@code reference}, named as Keras names it ({@code layer_w_slot}). */
  protected Variable addSlot(Variable reference, String slotName) {
    return addVariable(reference.shape(), 0f,
        reference.name().replace("/", "_").replace(":", "_") + "_" + slotName);
  }

  /** A non-trainable optimizer variable filled with {@code initialValue}, tracked in order. */
  protected Variable addVariable(Shape shape, float initialValue, String variableName) {
    Variable v = new Variable(Tensor.full(shape, initialValue), variableName, false);
    variables.add(v);
    return v;
  }

  /**
   * Keras's {@code optimizer.variables}: the iteration count, the learning rate when it is a
   * constant, then the slots in Keras's order. Assigning to them (loading) restores the state.
   */
  public List<Variable> variables() {
    return List.copyOf(variables);
  }

  /** The variables this optimizer was built with (empty before the first step). */
  public List<Variable> trainableVariables() {
    return trainableVariables;
  }

  /** The number of steps taken (also after a load that assigned the iteration variable). */
  public long iterations() {
    float stored = iteration.item();
    if (stored != (float) iterations) {
      iterations = (long) stored;
    }
    return iterations;
  }

  // ---- learning rate -------------------------------------------------------------------------

  /** The current learning rate: the schedule's value at {@link #iterations()}, or the constant. */
  public double learningRate() {
    return schedule != null ? schedule.value(iterations()) : learningRate.item();
  }

  /** The schedule, or null when the learning rate is a constant. */
  public LearningRateSchedule learningRateSchedule() {
    return schedule;
  }

  /** Replaces a constant learning rate (callbacks such as ReduceLROnPlateau use it). */
  public void setLearningRate(double lr) {
    if (schedule != null) {
      throw new JKerasException("This optimizer was created with a `LearningRateSchedule` object "
          + "as its `learning_rate` constructor argument, hence its learning rate is not "
          + "settable. If you need the learning rate to be settable, you should instantiate the "
          + "optimizer with a float `learning_rate` argument.");
    }
    learningRate.assign(Tensor.scalar((float) lr));
  }

  // ---- names, options and config -------------------------------------------------------------

  public String name() {
    return name;
  }

  public Optimizer setName(String name) {
    this.name = name;
    return this;
  }

  /** The shared options (clipping, weight decay, EMA, loss scale, accumulation). */
  public OptimizerOptions options() {
    return options;
  }

  public Optimizer setWeightDecay(Double weightDecay) {
    options.setWeightDecay(weightDecay);
    return this;
  }

  public Optimizer setClipnorm(Double clipnorm) {
    options.setClipnorm(clipnorm);
    return this;
  }

  public Optimizer setGlobalClipnorm(Double globalClipnorm) {
    options.setGlobalClipnorm(globalClipnorm);
    return this;
  }

  public Optimizer setClipvalue(Double clipvalue) {
    options.setClipvalue(clipvalue);
    return this;
  }

  /** Keeps an exponential moving average of the weights; set before the first step. */
  public Optimizer setUseEma(boolean useEma, double emaMomentum, Integer overwriteFrequency) {
    requireNotBuilt("use_ema");
    options.setEma(useEma, emaMomentum, overwriteFrequency);
    return this;
  }

  /** Divides gradients by this factor before use (the trainer multiplies the loss by it). */
  public Optimizer setLossScaleFactor(Double lossScaleFactor) {
    options.lossScaleFactor = lossScaleFactor;
    return this;
  }

  /** Updates every {@code steps} calls with the mean gradient; set before the first step. */
  public Optimizer setGradientAccumulationSteps(Integer steps) {
    requireNotBuilt("gradient_accumulation_steps");
    options.setGradientAccumulationSteps(steps);
    return this;
  }

  /**
   * Keras's {@code exclude_from_weight_decay}: these variables, and those whose name contains a
   * match of one of the regular expressions, are not decayed.
   */
  public Optimizer excludeFromWeightDecay(List<Variable> vars, List<String> names) {
    requireNotBuilt("exclude_from_weight_decay");
    excludedFromDecay = vars == null ? List.of() : List.copyOf(vars);
    excludedNamesFromDecay = names == null
        ? List.of() : names.stream().map(Pattern::compile).toList();
    return this;
  }

  private void requireNotBuilt(String what) {
    if (built) {
      throw new JKerasException("`" + what + "` can only be configured before the optimizer is "
          + "built (before its first step).");
    }
  }

  /** Keras's config: the common keys in Keras's order, then the optimizer's own. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = Config.map();
    c.put("name", name);
    c.put("learning_rate",
        schedule != null ? Schedules.serialize(schedule) : (double) learningRate.item());
    options.putConfig(c);
    addConfig(c);
    return c;
  }

  @Override
  public String toString() {
    return className() + getConfig();
  }
}
