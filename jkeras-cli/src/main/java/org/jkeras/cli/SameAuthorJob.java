package org.jkeras.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jkeras.Keras;
import org.jkeras.backend.Tensor;
import org.jkeras.callbacks.History;
import org.jkeras.initializers.RandomSeeds;
import org.jkeras.models.Model;
import org.jkeras.trainers.FitOptions;

/**
 * The main job: the guide's same-author model trained on generated tweets (or a user's CSV),
 * with the summary, the progress bar, a few predicted pairs and the training curves as a PNG.
 */
public final class SameAuthorJob {
  /** The chart's file name inside the output folder. */
  public static final String CHART = "same_author_training.png";

  /** The trained model's file name inside the output folder (the Keras 3 format). */
  public static final String MODEL_FILE = "same_author.keras";

  private static final int EXAMPLES = 6;

  /** What a run produced. */
  public record Result(History history, double validationAccuracy, double fitSeconds,
      Path chart) {}

  private SameAuthorJob() {}

  /** Runs the job, printing to {@code out}; {@code verbose} is fit's (1 for the progress bar). */
  public static Result run(CliOptions o, PrintStream out, int verbose) {
    out.println("jkeras same-author: do two tweets have the same author? (the Keras functional"
        + " API guide's shared-layer example)");
    RandomSeeds.set(o.seed());
    Keras.clearSession();
    List<TweetPair> pairs;
    if (o.data() != null) {
      pairs = PairCsv.read(o.data());
      out.printf("Data: %d pairs from %s%n", pairs.size(), o.data());
    } else {
      pairs = new TweetGenerator(o.seed()).pairs(o.samples());
      out.printf("Data: %d generated pairs (half by the same author) from %d made-up authors %s,"
          + " seed %d%n", pairs.size(), TweetGenerator.authors().size(),
          TweetGenerator.authors(), o.seed());
    }
    // fit's split: the first floor(n * (1 - split)) pairs train, the rest validate.
    int splitAt = (int) Math.floor(pairs.size() * (1 - o.validationSplit()));
    if (splitAt == 0 || splitAt == pairs.size()) {
      throw new CliException("--validation-split " + o.validationSplit() + " of " + pairs.size()
          + " pairs leaves no training or no validation pairs; use more pairs.");
    }
    out.printf("Encoding: each tweet a (%d, 256) matrix, one one-hot byte per character, zero"
        + " rows in front of shorter ones; the last %.0f%% of the pairs validate%n",
        o.maxLength(), 100 * o.validationSplit());
    Tensor a = TweetEncoding.encodeA(pairs, o.maxLength());
    Tensor b = TweetEncoding.encodeB(pairs, o.maxLength());
    Tensor y = TweetEncoding.labels(pairs);
    out.println("Model: " + SameAuthorModel.describe(o.exactGuideModel()));
    Model model = SameAuthorModel.build(o.maxLength(), o.exactGuideModel());
    out.print(model.summaryString(0));
    long start = System.nanoTime();
    History history = model.fit(List.of(a, b), y, FitOptions.epochs(o.epochs())
        .batchSize(o.batchSize()).validationSplit(o.validationSplit()).verbose(verbose));
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Double> valAcc = history.get("val_accuracy");
    double accuracy = valAcc.get(valAcc.size() - 1);
    out.printf(Locale.ROOT, "Validation accuracy %.4f after %d epochs; training took %.1f s%n",
        accuracy, history.epochs().size(), seconds);
    printExamples(model, pairs.subList(Math.max(splitAt, pairs.size() - EXAMPLES), pairs.size()),
        o.maxLength(), out);
    Path chart = history.plot(o.output().resolve(CHART));
    out.println("Training curves (loss and accuracy, training and validation): " + chart);
    Path saved = o.output().resolve(MODEL_FILE);
    model.save(saved);
    out.println("Saved the trained model (Keras 3 .keras format): " + saved);
    return new Result(history, accuracy, seconds, chart);
  }

  /** A few validation pairs with the model's probability that one author wrote both. */
  static void printExamples(Model model, List<TweetPair> pairs, int maxLength, PrintStream out) {
    Tensor p = model.predict(List.of(TweetEncoding.encodeA(pairs, maxLength),
        TweetEncoding.encodeB(pairs, maxLength))).get(0);
    out.println("Examples from the validation pairs (p = predicted probability of the same"
        + " author):");
    for (int i = 0; i < pairs.size(); i++) {
      TweetPair pair = pairs.get(i);
      float prob = p.getFloat(i, 0);
      boolean right = (prob >= 0.5f) == pair.sameAuthor();
      out.printf(Locale.ROOT, "  p=%.3f  truth: %-9s %s  \"%s\"  vs  \"%s\"%n", prob,
          pair.sameAuthor() ? "same" : "different", right ? "ok   " : "WRONG",
          shorten(pair.tweetA(), 40), shorten(pair.tweetB(), 40));
    }
  }

  /** One line of at most {@code max} characters, "..." marking a cut. */
  static String shorten(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
