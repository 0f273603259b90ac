package org.jkeras.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.graph.KerasTensor;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;

/**
 * The guide's multi-input multi-output example: a headline (100 word ids out of 10,000) through
 * Embedding(10000, 512) and LSTM(32) gives an auxiliary output; with 5 extra features it goes
 * through three Dense(64, relu) layers to the main output. Losses weighted 1 and 0.2.
 *
 * <p>The generated task: some word ids (below {@value #VIRAL_WORDS}) are "viral"; the auxiliary
 * target says whether a headline has at least two of them, the main target whether that count
 * plus twice the first extra feature is at least 2.5, so the main output needs both inputs.
 */
public final class MultiIoJob {
  public static final String CHART = "multi_io_training.png";
  static final int HEADLINE = 100;
  static final int VOCABULARY = 10_000;
  static final int VIRAL_WORDS = 50;

  private MultiIoJob() {}

  /** The model, compiled as the guide compiles it. */
  public static Model build() {
    KerasTensor mainInput = Keras.input(Shape.of(HEADLINE), "main_input", DType.INT32, null);
    KerasTensor x = new Embedding(VOCABULARY, 512).apply(mainInput);
    KerasTensor lstmOut = new LSTM(32).apply(x);
    KerasTensor auxOutput = new Dense(1).activation("sigmoid").name("aux_output").apply(lstmOut);
    KerasTensor auxInput = Keras.input(Shape.of(5), "aux_input");
    KerasTensor h = Keras.concatenate(List.of(lstmOut, auxInput));
    h = new Dense(64).activation("relu").apply(h);
    h = new Dense(64).activation("relu").apply(h);
    h = new Dense(64).activation("relu").apply(h);
    KerasTensor mainOutput = new Dense(1).activation("sigmoid").name("main_output").apply(h);
    Model model = new Model(List.of(mainInput, auxInput), List.of(mainOutput, auxOutput))
        .name("multi_io");
    model.compile(CompileOptions.of("rmsprop", "binary_crossentropy")
        .metrics(List.of("accuracy")).lossWeights(List.of(1.0, 0.2)));
    return model;
  }

  /** The generated data: inputs (headlines, features) and targets (main, auxiliary). */
  record Data(Tensor headlines, Tensor features, Tensor main, Tensor aux) {}

  static Data generate(int samples, long seed) {
    Random random = new Random(seed);
    int[] words = new int[samples * HEADLINE];
    float[] features = new float[samples * 5];
    float[] main = new float[samples];
    float[] aux = new float[samples];
    for (int i = 0; i < samples; i++) {
      int length = 10 + random.nextInt(HEADLINE - 9);
      int viral = 0;
      for (int t = HEADLINE - length; t < HEADLINE; t++) {
        // Zero is padding (in front, as pad_sequences does); about 1 word in 25 is viral.
        int w = random.nextInt(25) == 0 ? 1 + random.nextInt(VIRAL_WORDS - 1)
            : VIRAL_WORDS + random.nextInt(VOCABULARY - VIRAL_WORDS);
        words[i * HEADLINE + t] = w;
        viral += w < VIRAL_WORDS ? 1 : 0;
      }
      for (int f = 0; f < 5; f++) {
        features[i * 5 + f] = random.nextFloat();
      }
      aux[i] = viral >= 2 ? 1f : 0f;
      main[i] = viral + 2 * features[i * 5] >= 2.5 ? 1f : 0f;
    }
    return new Data(Tensor.wrapInts(words, Shape.of(samples, HEADLINE)),
        Tensor.wrap(features, Shape.of(samples, 5)), Tensor.wrap(main, Shape.of(samples, 1)),
        Tensor.wrap(aux, Shape.of(samples, 1)));
  }

  /** Trains the example and writes its curves; returns the history. */
  public static History run(CliOptions o, PrintStream out, int verbose) {
    out.println("jkeras multi-io: the Keras guide's multi-input multi-output model on generated"
        + " headlines");
    RandomSeeds.set(o.seed());
    Keras.clearSession();
    Data d = generate(o.samples(), o.seed());
    out.printf("Data: %d headlines of %d word ids (0 pads) and 5 extra features, seed %d%n",
        o.samples(), HEADLINE, o.seed());
    Model model = build();
    out.print(model.summaryString(0));
    long start = System.nanoTime();
    History history = model.fit(
        Map.of("main_input", d.headlines(), "aux_input", d.features()),
        Map.of("main_output", d.main(), "aux_output", d.aux()),
        FitOptions.epochs(o.epochs()).batchSize(o.batchSize())
            .validationSplit(o.validationSplit()).verbose(verbose));
    out.printf(Locale.ROOT, "Training took %.1f s; last epoch: %s%n",
        (System.nanoTime() - start) / 1e9, lastEpoch(history));
    Path chart = history.plot(o.output().resolve(CHART));
    out.println("Training curves: " + chart);
    return history;
  }

  private static String lastEpoch(History history) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, List<Double>> e : history.history().entrySet()) {
      List<Double> v = e.getValue();
      s.append(s.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
          .append(String.format(Locale.ROOT, "%.4f", v.get(v.size() - 1)));
    }
    return s.toString();
  }
}
