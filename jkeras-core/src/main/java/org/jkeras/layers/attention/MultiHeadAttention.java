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
import org.jkeras.initializers.Constant;
import org.jkeras.initializers.GlorotUniform;
import org.jkeras.initializers.Initializer;
import org.jkeras.initializers.Initializers;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.CallContext;
import org.jkeras.layers.Layer;
import org.jkeras.ops.ArrayOps;
import org.jkeras.ops.LinalgOps;
import org.jkeras.ops.MathOps;
import org.jkeras.ops.NnOps;

/**
 * Keras's MultiHeadAttention over sequences: {@code query (batch, T, dim)}, {@code value (batch,
 * S, dim_v)} and an optional {@code key (batch, S, dim_k)} (the value by default) are projected
 * to {@code num_heads} heads, attended with scaled dot products, and projected back to the
 * query's last dimension (or {@code output_shape}). Weights as Keras names and orders them:
 * {@code query/kernel (dim, heads, key_dim)}, {@code query/bias (heads, key_dim)}, the same for
 * {@code key} and {@code value} (with {@code value_dim}), then {@code attention_output/kernel
 * (heads, value_dim, *output_shape)} and {@code attention_output/bias (*output_shape)}.
 *
 * <pre>{@code
 * MultiHeadAttention mha = new MultiHeadAttention(4, 16).useCausalMask(true);
 * KerasTensor y = mha.apply(List.of(query, value));          // or List.of(query, value, key)
 * List<KerasTensor> yAndScores = new MultiHeadAttention(2, 8).returnAttentionScores(true)
 *     .attentionMaskInput(true)
 *     .applyOutputs(List.of(query, value, attentionMask));   // scores (batch, heads, T, S)
 * }</pre>
 *
 * <p>Keras's call arguments are layer options, since every call of a jkeras layer has the same
 * structure: {@link #useCausalMask}, {@link #returnAttentionScores}, and {@link
 * #attentionMaskInput}, which makes the last input the {@code attention_mask} ({@code (batch, T,
 * S)}, nonzero where a query step may attend to a key step). The inputs' own masks ({@code
 * query_mask}, {@code value_mask}, {@code key_mask}) come from mask propagation or {@code
 * applyEager(inputs, masks, context)} and are combined with it as Keras does; the output carries
 * the query's mask. Attention runs over the one sequence axis ({@code attention_axes} null or
 * {@code [1]}).
 */
public class MultiHeadAttention extends Layer {
  private final int numHeads;
  private final int keyDim;
  private int valueDim;
  private double dropout;
  private boolean useBias = true;
  private int[] outputShape;
  private boolean axesGiven;
  private Initializer kernelInitializer = new GlorotUniform();
  private Initializer biasInitializer = Constant.zeros();
  private Long seed;
  private SeedGenerator seeds;
  private boolean useCausalMask;
  private boolean returnAttentionScores;
  private boolean attentionMaskInput;
  private final Variable[] kernels = new Variable[4];
  private final Variable[] biases = new Variable[4];
  private int[] outDims;

  private static final String[] PARTS = {"query", "key", "value", "attention_output"};
  /** Which input (query 0, value 1, key 2) each projection in {@link #PARTS} reads. */
  private static final int[] ROLE_OF_PART = {0, 2, 1};

  public MultiHeadAttention(int numHeads, int keyDim) {
    if (numHeads <= 0 || keyDim <= 0) {
      throw new JKerasException("MultiHeadAttention needs num_heads and key_dim >= 1. Received:"
          + " num_heads=" + numHeads + ", key_dim=" + keyDim);
    }
    this.numHeads = numHeads;
    this.keyDim = keyDim;
    this.valueDim = keyDim;
  }

  /** The size of each value head (default {@code key_dim}). */
  public MultiHeadAttention valueDim(int value) {
    requireUnbuilt("value_dim");
    valueDim = value > 0 ? value : keyDim;
    return this;
  }

  /** The fraction of attention weights dropped in training. */
  public MultiHeadAttention dropout(double rate) {
    requireUnbuilt("dropout");
    if (!(rate >= 0 && rate < 1)) {
      throw new JKerasException("Invalid value received for argument `rate`. Expected a float"
          + " value between 0 and 1. Received: rate=" + rate);
    }
    dropout = rate;
    return this;
  }

  public MultiHeadAttention useBias(boolean value) {
    requireUnbuilt("use_bias");
    useBias = value;
    return this;
  }

  /** The output's trailing shape (default: the query's last dimension). */
  public MultiHeadAttention outputShape(int... dims) {
    requireUnbuilt("output_shape");
    outputShape = dims == null || dims.length == 0 ? null : dims.clone();
    return this;
  }

  /** Only the sequence axis is supported: null, {@code [1]} or {@code [-2]}. */
  public MultiHeadAttention attentionAxes(int... axes) {
    requireUnbuilt("attention_axes");
    if (axes != null && !(axes.length == 1 && (axes[0] == 1 || axes[0] == -2))) {
      throw new JKerasException("MultiHeadAttention in jkeras attends over the sequence axis of"
          + " (batch, steps, dim) inputs only: attention_axes must be None or [1]. Received:"
          + " attention_axes=" + Arrays.toString(axes));
    }
    axesGiven = axes != null;
    return this;
  }

  public MultiHeadAttention kernelInitializer(Initializer init) {
    requireUnbuilt("kernel_initializer");
    kernelInitializer = init;
    return this;
  }

  public MultiHeadAttention biasInitializer(Initializer init) {
    requireUnbuilt("bias_initializer");
    biasInitializer = init;
    return this;
  }

  /** The dropout seed: the same seed gives the same dropout masks. */
  public MultiHeadAttention seed(long value) {
    requireUnbuilt("seed");
    seed = value;
    seeds = null;
    return this;
  }

  /** Query step i attends only to key steps j <= i (decoder self-attention). */
  public MultiHeadAttention useCausalMask(boolean value) {
    useCausalMask = value;
    return this;
  }

  /** Adds a second output: the attention weights {@code (batch, heads, T, S)}. */
  public MultiHeadAttention returnAttentionScores(boolean value) {
    requireUnbuilt("return_attention_scores");
    returnAttentionScores = value;
    return this;
  }

  /** Makes the last input Keras's {@code attention_mask}, {@code (batch, T, S)}. */
  public MultiHeadAttention attentionMaskInput(boolean value) {
    requireUnbuilt("attention_mask");
    attentionMaskInput = value;
    return this;
  }

  @Override
  public MultiHeadAttention name(String newName) {
    super.name(newName);
    return this;
  }

  public int numHeads() {
    return numHeads;
  }

  public int keyDim() {
    return keyDim;
  }

  public int valueDim() {
    return valueDim;
  }

  /** The kernel of "query", "key", "value" or "attention_output". */
  public Variable kernel(String part) {
    return kernels[part(part)];
  }

  /** The bias of "query", "key", "value" or "attention_output" (null without bias). */
  public Variable bias(String part) {
    return biases[part(part)];
  }

  private static int part(String name) {
    int i = Arrays.asList(PARTS).indexOf(name);
    if (i < 0) {
      throw new JKerasException("Unknown projection '" + name + "'; expected one of "
          + Arrays.toString(PARTS) + ".");
    }
    return i;
  }

  @Override
  protected int expectedInputCount() {
    return -1;
  }

  /** query, value, key (the value when absent), attention mask (or null). */
  private <T> List<T> roles(List<T> inputs) {
    int data = inputs.size() - (attentionMaskInput ? 1 : 0);
    if (data < 2 || data > 3) {
      throw new JKerasException("MultiHeadAttention expects inputs [query, value] or [query,"
          + " value, key]" + (attentionMaskInput ? " followed by attention_mask" : "")
          + ". Received " + inputs.size() + " inputs.");
    }
    List<T> r = new ArrayList<>(Arrays.asList(inputs.get(0), inputs.get(1),
        data == 3 ? inputs.get(2) : inputs.get(1), null));
    if (attentionMaskInput) {
      r.set(3, inputs.get(inputs.size() - 1));
    }
    return r;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    List<Shape> r = roles(inputShapes);
    checkValueAndKey(r.get(1), r.get(2));
    for (int i = 0; i < 3; i++) {
      Shape in = r.get(ROLE_OF_PART[i]);
      int dim = in.dim(-1);
      if (in.rank() != 3 || dim == Shape.UNKNOWN) {
        throw new JKerasException("MultiHeadAttention expects " + PARTS[i] + " of shape (batch,"
            + " steps, dim) with a known dim. Received: " + PARTS[i] + "_shape=" + in);
      }
      int head = i == 2 ? valueDim : keyDim;
      addProjection(i, Shape.of(dim, numHeads, head), Shape.of(numHeads, head));
    }
    outDims = outputShape != null ? outputShape : new int[] {r.get(0).dim(-1)};
    int[] k = new int[2 + outDims.length];
    k[0] = numHeads;
    k[1] = valueDim;
    System.arraycopy(outDims, 0, k, 2, outDims.length);
    addProjection(3, Shape.of(k), Shape.of(outDims));
    axesGiven = true;
  }

  private void addProjection(int i, Shape kernelShape, Shape biasShape) {
    kernels[i] = addWeight(PARTS[i] + "/kernel", kernelShape,
        kernelInitializer.initialize(kernelShape), true);
    if (useBias) {
      biases[i] = addWeight(PARTS[i] + "/bias", biasShape, biasInitializer.initialize(biasShape),
          true);
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes) {
    List<Shape> r = roles(inputShapes);
    Shape q = r.get(0);
    Shape v = r.get(1);
    checkValueAndKey(v, r.get(2));
    int[] dims = Arrays.copyOf(q.dims(), q.rank() - 1 + (outputShape == null ? 1
        : outputShape.length));
    if (outputShape == null) {
      dims[q.rank() - 1] = q.dim(-1);
    } else {
      System.arraycopy(outputShape, 0, dims, q.rank() - 1, outputShape.length);
    }
    Shape out = Shape.of(dims);
    return returnAttentionScores
        ? List.of(out, Shape.of(q.dim(0), numHeads, q.dim(1), v.dim(1))) : List.of(out);
  }

  private static void checkValueAndKey(Shape v, Shape k) {
    if (v.rank() != k.rank() || v.dim(1) != k.dim(1)) {
      throw new JKerasException("All dimensions of `value` and `key`, except the last one, must"
          + " be equal. Received: value_shape=" + v + " and key_shape=" + k);
    }
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
    computeOutputShapes(inputs.stream().map(Tensor::shape).toList());
    List<Tensor> r = roles(inputs);
    Tensor query = r.get(0);
    Tensor value = r.get(1);
    boolean separateKey = inputs.size() - (attentionMaskInput ? 1 : 0) == 3;
    Tensor mask = AttentionSupport.attentionMask(masks == null ? null : masks.get(0),
        masks == null ? null : masks.get(1), masks == null || !separateKey ? null : masks.get(2),
        useCausalMask ? new int[] {query.shape().dim(1), value.shape().dim(1)} : null,
        r.get(3));
    Tensor q = MathOps.multiply(heads(project(query, 0)), (float) (1.0 / Math.sqrt(keyDim)));
    Tensor k = heads(project(r.get(2), 1));
    Tensor v = heads(project(value, 2));
    Tensor scores = LinalgOps.matmul(q, k, false, true); // (B, N, T, S)
    if (mask != null) {
      scores = AttentionSupport.applyMask(scores, ArrayOps.expandDims(mask, -3));
    }
    Tensor weights = NnOps.softmax(scores, -1);
    Tensor used = context.training() && dropout > 0
        ? AttentionSupport.dropout(weights, dropout, seedGenerator()) : weights;
    Tensor context4 = ArrayOps.transpose(LinalgOps.matmul(used, v), new int[] {0, 2, 1, 3});
    int b = query.shape().dim(0);
    int t = query.shape().dim(1);
    Tensor flat = ArrayOps.reshape(context4, b, t, numHeads * valueDim);
    int outSize = Shape.of(outDims).sizeAsInt();
    Tensor y = LinalgOps.matmul(flat, ArrayOps.reshape(kernels[3], numHeads * valueDim,
        outSize));
    if (useBias) {
      y = MathOps.add(y, ArrayOps.reshape(biases[3], outSize));
    }
    int[] outShape = Arrays.copyOf(new int[] {b, t}, 2 + outDims.length);
    System.arraycopy(outDims, 0, outShape, 2, outDims.length);
    y = ArrayOps.reshape(y, outShape);
    return returnAttentionScores ? List.of(y, weights) : List.of(y);
  }

  /** {@code x (B, L, dim)} through projection {@code i}: {@code (B, L, heads, head_dim)}. */
  private Tensor project(Tensor x, int i) {
    Shape ks = kernels[i].shape();
    int width = ks.dim(1) * ks.dim(2);
    Tensor y = LinalgOps.matmul(x, ArrayOps.reshape(kernels[i], ks.dim(0), width));
    if (useBias) {
      y = MathOps.add(y, ArrayOps.reshape(biases[i], width));
    }
    return ArrayOps.reshape(y, x.shape().dim(0), x.shape().dim(1), ks.dim(1), ks.dim(2));
  }

  /** {@code (B, L, heads, d)} to {@code (B, heads, L, d)}. */
  private static Tensor heads(Tensor x) {
    return ArrayOps.transpose(x, new int[] {0, 2, 1, 3});
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
    c.put("num_heads", numHeads);
    c.put("key_dim", keyDim);
    c.put("value_dim", valueDim);
    c.put("dropout", dropout);
    c.put("use_bias", useBias);
    c.put("output_shape", outputShape == null ? null : Config.intList(outputShape));
    c.put("attention_axes", axesGiven ? List.of(1) : null);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint")) {
      c.put(k, null);
    }
    c.put("seed", seed == null ? null : seed.intValue());
    return c;
  }

  /** A MultiHeadAttention layer from its Keras config. */
  public static MultiHeadAttention fromConfig(Config c) {
    MultiHeadAttention m = new MultiHeadAttention(c.requireInt("num_heads"),
        c.requireInt("key_dim"));
    m.applyBaseConfig(c);
    for (String k : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint")) {
      if (c.has(k)) {
        throw new JKerasException("Config key '" + k + "' = " + c.raw(k) + " is not supported"
            + " by jkeras's MultiHeadAttention; only null is accepted.");
      }
    }
    m.valueDim(c.getInt("value_dim", 0)).dropout(c.getDouble("dropout", 0))
        .useBias(c.getBoolean("use_bias", true));
    if (c.has("output_shape")) {
      m.outputShape(c.getInts("output_shape", 1, null));
    }
    if (c.has("attention_axes")) {
      m.attentionAxes(c.getInts("attention_axes", 1, null));
    }
    if (c.has("kernel_initializer")) {
      m.kernelInitializer(Initializers.deserialize(c.raw("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      m.biasInitializer(Initializers.deserialize(c.raw("bias_initializer")));
    }
    if (c.has("seed")) {
      m.seed(c.getInt("seed", 0));
    }
    return m;
  }

  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seedGenerator());
  }
}
