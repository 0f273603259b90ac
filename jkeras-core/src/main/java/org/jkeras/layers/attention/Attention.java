package org.jkeras.layers.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.backend.Variable;
import org.jkeras.config.Config;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;
import org.jkeras.ops.ReductionOps;

/**
 * Keras's Attention (Luong-style dot-product attention) over {@code query (batch, Tq, dim)},
 * {@code value (batch, Tv, dim)} and an optional {@code key (batch, Tv, dim)} (the value by
 * default): {@code softmax(scores(query, key)) @ value}, shape {@code (batch, Tq, dim)}.
 *
 * <pre>{@code
 * KerasTensor out = new Attention().useCausalMask(true).apply(List.of(query, value));
 * List<KerasTensor> both = new Attention().returnAttentionScores(true)
 *     .applyOutputs(List.of(query, value, key));   // [output, scores (batch, Tq, Tv)]
 * }</pre>
 *
 * <p>Keras's call arguments are layer options here, since every call of a jkeras layer has the
 * same structure: {@link #useCausalMask} and {@link #returnAttentionScores}. The inputs' masks
 * ({@code query_mask}, {@code value_mask}) come from the model's mask propagation or {@code
 * applyEager(inputs, masks, context)}: masked values get no attention and masked query steps
 * give zeros; the output carries the query's mask. Dropout of the attention weights applies in
 * training only.
 */
public class Attention extends Layer {
  private boolean useScale;
  private String scoreMode = "dot";
  private double dropout;
  private Long seed;
  private SeedGenerator seeds;
  private boolean useCausalMask;
  private boolean returnAttentionScores;
  private Variable scale;
  private Variable concatScoreWeight;

  public Attention() {}

  /** A trainable scalar that multiplies the scores (Keras's {@code use_scale}). */
  public Attention useScale(boolean value) {
    requireUnbuilt("use_scale");
    useScale = value;
    return this;
  }

  /** "dot" (query . key) or "concat" ({@code sum(tanh(query + key))}). */
  public Attention scoreMode(String value) {
    requireUnbuilt("score_mode");
    if (!value.equals("dot") && !value.equals("concat")) {
      throw new JKerasException("Invalid value for argument score_mode. Expected one of"
          + " {'dot', 'concat'}. Received: score_mode=" + value);
    }
    scoreMode = value;
    return this;
  }

  /** The fraction of attention weights dropped in training. */
  public Attention dropout(double rate) {
    requireUnbuilt("dropout");
    if (!(rate >= 0 && rate < 1)) {
      throw new JKerasException("Invalid value received for argument `dropout`. Expected a float"
          + " value between 0 and 1. Received: dropout=" + rate);
    }
    dropout = rate;
    return this;
  }

  /** The dropout seed: the same seed gives the same dropout masks. */
  public Attention seed(long value) {
    requireUnbuilt("seed");
    seed = value;
    seeds = null;
    return this;
  }

  /** Query position i attends only to key positions j <= i (decoder self-attention). */
  public Attention useCausalMask(boolean value) {
    useCausalMask = value;
    return this;
  }

  /** Adds a second output: the attention weights {@code (batch, Tq, Tv)} after softmax. */
  public Attention returnAttentionScores(boolean value) {
    requireUnbuilt("return_attention_scores");
    returnAttentionScores = value;
    return this;
  }

  @Override
  public Attention name(String newName) {
    super.name(newName);
    return this;
  }

  public Variable scale() {
    return scale;
  }

  public Variable concatScoreWeight() {
    return concatScoreWeight;
  }

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  private void validate(int count) {
    if (count < 2 || count > 3) {
      throw new JKerasException(getClass().getSimpleName() + " layer accepts inputs list of"
          + " length 2 or 3, namely [query, value] or [query, value, key]. Received length: "
          + count + ".");
    }
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    validate(inputShapes.size());
    if (useScale) {
      scale = addWeight("scale", Shape.scalar(), Tensor.ones(Shape.scalar()), true);
    }
    if (scoreMode.equals("concat")) {
      concatScoreWeight = addWeight("concat_score_weight", Shape.scalar(),
          Tensor.ones(Shape.scalar()), true);
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    validate(inputShapes.size());
    Shape q = inputShapes.get(0);
    Shape v = inputShapes.get(1);
    if (q.rank() != 3 || v.rank() != 3 || (inputShapes.size() == 3
        && inputShapes.get(2).rank() != 3)) {
      throw new JKerasException(getClass().getSimpleName() + " expects query, value and key of"
          + " rank 3 (batch, steps, dim). Received shapes: " + inputShapes + ".");
    }
    Shape out = q.withDim(-1, v.dim(-1));
    if (!returnAttentionScores) {
      return List.of(out);
    }
    return List.of(out, Shape.of(q.dim(0), q.dim(1), v.dim(1)));
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor q = masks == null || masks.isEmpty() ? null : masks.get(0);
    List<Tensor> out = new ArrayList<>(Arrays.asList(q, null));
    return returnAttentionScores ? out : out.subList(0, 1);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext context) {
    return call(inputs, null, context);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, CallContext context) {
    validate(inputs.size());
    computeOutputShapes(inputs.stream().map(Tensor::shape).toList());
    Tensor q = inputs.get(0);
    Tensor v = inputs.get(1);
    Tensor k = inputs.size() > 2 ? inputs.get(2) : v;
    Tensor qMask = masks == null ? null : AttentionSupport.asFloat(masks.get(0));
    Tensor vMask = masks == null ? null : AttentionSupport.asFloat(masks.get(1));
    Tensor scores = scores(q, k);
    Tensor scoresMask = vMask == null ? null : ArrayOps.expandDims(vMask, -2);
    if (useCausalMask) {
      scoresMask = AttentionSupport.and(scoresMask,
          AttentionSupport.causal(q.shape().dim(1), k.shape().dim(1)));
    }
    Tensor weights = NnOps.softmax(AttentionSupport.applyMask(scores, scoresMask), -1);
    if (context.training() && dropout > 0) {
      weights = AttentionSupport.dropout(weights, dropout, seedGenerator());
    }
    Tensor result = LinalgOps.matmul(weights, v);
    if (qMask != null) {
      result = MathOps.multiply(result, ArrayOps.expandDims(qMask, -1));
    }
    return returnAttentionScores ? List.of(result, weights) : List.of(result);
  }

  private Tensor scores(Tensor q, Tensor k) {
    if (scoreMode.equals("dot")) {
      Tensor s = LinalgOps.matmul(q, k, false, true);
      return scale == null ? s : MathOps.multiply(s, scale);
    }
    Tensor sum = MathOps.add(ArrayOps.expandDims(q, -2), ArrayOps.expandDims(k, -3));
    if (scale != null) {
      sum = MathOps.multiply(scale, sum);
    }
    return MathOps.multiply(concatScoreWeight, ReductionOps.sum(MathOps.tanh(sum), -1));
  }

  private synchronized SeedGenerator seedGenerator() {
    if (seeds == null) {
      seeds = new SeedGenerator(RandomSeeds.orNext(seed));
    }
    return seeds;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("use_scale", useScale);
    c.put("score_mode", scoreMode);
    c.put("dropout", dropout);
    return c;
  }

  /** An Attention layer from its Keras config. */
  public static Attention fromConfig(Config c) {
    Attention a = new Attention();
    a.applyBaseConfig(c);
    a.useScale(c.getBoolean("use_scale", false)).scoreMode(c.getString("score_mode", "dot"))
        .dropout(c.getDouble("dropout", 0));
    if (c.has("seed")) {
      a.seed(c.getInt("seed", 0));
    }
    return a;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seedGenerator());
  }
}
