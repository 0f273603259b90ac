package org.jkeras.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line: an optional command ({@code same-author}, the default, or {@code multi-io})
 * and {@code --name value} or {@code --name=value} options. Mistakes throw {@link CliException}
 * with a message that says what to write instead.
 */
public record CliOptions(String command, int epochs, int batchSize, int samples, Path output,
    Path data, long seed, int maxLength, double validationSplit, boolean exactGuideModel,
    boolean help) {

  public static final String SAME_AUTHOR = "same-author";
  public static final String MULTI_IO = "multi-io";

  /** Defaults of the main job: about two minutes on 2 cores for ~98% validation accuracy. */
  public static final int DEFAULT_EPOCHS = 8;
  public static final int DEFAULT_SAMPLES = 3000;
  public static final int DEFAULT_BATCH_SIZE = 32;
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_VALIDATION_SPLIT = 0.2;
  public static final Path DEFAULT_OUTPUT = Path.of("target", "jkeras-output");

  /**
   * Parses {@code args}; the paths given are resolved against {@code workingDir}, the default
   * output against the process's directory (the repository root under bin/jkeras-cli).
   */
  public static CliOptions parse(List<String> args, Path workingDir) {
    String command = SAME_AUTHOR;
    Integer epochs = null;
    int batchSize = DEFAULT_BATCH_SIZE;
    Integer samples = null;
    Path output = null;
    Path data = null;
    long seed = DEFAULT_SEED;
    int maxLength = TweetGenerator.MAX_CHARS;
    double validationSplit = DEFAULT_VALIDATION_SPLIT;
    boolean exact = false;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (i == 0 && !arg.startsWith("-")) {
        if (!arg.equals(SAME_AUTHOR) && !arg.equals(MULTI_IO)) {
          throw new CliException("unknown command '" + arg + "'; the commands are " + SAME_AUTHOR
              + " (the default) and " + MULTI_IO + ".");
        }
        command = arg;
        continue;
      }
      if (!arg.startsWith("--") && !arg.equals("-h")) {
        throw new CliException("unexpected argument '" + arg + "'; options start with --.");
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--exact-guide-model" -> exact = true;
        case "--epochs", "--batch-size", "--samples", "--output", "--data", "--seed",
            "--max-length", "--validation-split" -> {
          if (value == null) {
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
              throw new CliException(name + " needs a value, as in " + name + " "
                  + example(name) + ".");
            }
            value = args.get(++i);
          }
          switch (name) {
            case "--epochs" -> epochs = positive(name, value);
            case "--batch-size" -> batchSize = positive(name, value);
            case "--samples" -> samples = positive(name, value);
            case "--output" -> output = workingDir.resolve(value);
            case "--data" -> data = workingDir.resolve(value);
            case "--seed" -> seed = longValue(name, value);
            case "--max-length" -> maxLength = positive(name, value);
            default -> validationSplit = fraction(name, value);
          }
        }
        default -> throw new CliException("unknown option '" + name + "'; run with --help to"
            + " see the options.");
      }
    }
    if (data != null && samples != null) {
      throw new CliException("--samples generates built-in pairs and --data reads yours; give"
          + " one of them.");
    }
    if (command.equals(MULTI_IO) && (data != null || exact)) {
      throw new CliException((data != null ? "--data" : "--exact-guide-model")
          + " applies to the same-author job, not to " + MULTI_IO + ".");
    }
    boolean multi = command.equals(MULTI_IO);
    return new CliOptions(command, epochs != null ? epochs : multi ? 5 : DEFAULT_EPOCHS,
        batchSize, samples != null ? samples : multi ? 1000 : DEFAULT_SAMPLES,
        output != null ? output : DEFAULT_OUTPUT.toAbsolutePath(), data, seed, maxLength,
        validationSplit, exact, help);
  }

  private static String example(String name) {
    return switch (name) {
      case "--output" -> "out/";
      case "--data" -> "pairs.csv";
      case "--validation-split" -> "0.2";
      default -> "10";
    };
  }

  private static int positive(String name, String value) {
    try {
      int v = Integer.parseInt(value.strip());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(name + " must be a positive whole number, got '" + value + "'.");
  }

  private static long longValue(String name, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new CliException(name + " must be a whole number, got '" + value + "'.");
    }
  }

  private static double fraction(String name, String value) {
    try {
      double v = Double.parseDouble(value.strip());
      if (v > 0 && v < 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException(name + " must be a number between 0 and 1 (exclusive), got '"
        + value + "'.");
  }

  /** The --help text. */
  public static String usage() {
    return """
        Usage: bin/jkeras-cli [same-author] [options]
               bin/jkeras-cli multi-io [options]

        same-author (the default) trains the Keras guide's shared-LSTM model to tell whether two
        tweets have the same author. Without --data it generates tweets from five made-up authors
        with distinct styles (no download). Each tweet is a (280, 256) matrix, one one-hot byte
        per character. It prints the model summary, trains with a progress bar, shows a few pairs
        with their predicted probabilities, writes the loss and accuracy curves as a PNG, and
        saves the trained model as a .keras file.

        multi-io trains the guide's multi-input multi-output model (Embedding, LSTM, an auxiliary
        input, two outputs with loss weights 1 and 0.2) on generated data for a few epochs.

        Options:
          --epochs N             epochs to train (default 8; multi-io: 5)
          --batch-size N         samples per step (default 32)
          --samples N            generated pairs (default 3000; multi-io: 1000)
          --data FILE.csv        train on your pairs instead: a CSV with the header
                                 tweet_a,tweet_b,same_author (same_author 1/0); quote texts that
                                 hold commas with double quotes
          --output DIR           where the charts go (default target/jkeras-output in the
                                 repository)
          --seed N               seed of the generated data and the weights (default 42)
          --max-length N         characters (bytes) per tweet (default 280, as the guide)
          --validation-split F   fraction held out for validation, from the end (default 0.2)
          --exact-guide-model    use the guide's model exactly as written (concatenate ->
                                 Dense(1)); it cannot express "same author" and stays far
                                 below 90%
          -h, --help             this text
        """;
  }
}
