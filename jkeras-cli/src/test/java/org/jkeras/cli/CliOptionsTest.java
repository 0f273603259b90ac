package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
  private static final Path HOME = Path.of("/home/me");

  private static CliOptions parse(String... args) {
    return CliOptions.parse(List.of(args), HOME);
  }

  private static String error(String... args) {
    return assertThrows(CliException.class, () -> parse(args)).getMessage();
  }

  @Test
  void defaultsTrainTheSameAuthorModelOnGeneratedData() {
    CliOptions o = parse();
    assertEquals(CliOptions.SAME_AUTHOR, o.command());
    assertEquals(8, o.epochs());
    assertEquals(32, o.batchSize());
    assertEquals(3000, o.samples());
    assertEquals(280, o.maxLength());
    assertEquals(42, o.seed());
    assertEquals(0.2, o.validationSplit());
    assertNull(o.data());
    assertFalse(o.exactGuideModel());
    assertFalse(o.help());
    assertEquals(Path.of("target/jkeras-output").toAbsolutePath(), o.output());
  }

  @Test
  void optionsTakeSpaceOrEqualsValuesAndPathsResolveFromTheUsersDirectory() {
    CliOptions o = parse("--epochs", "3", "--batch-size=16", "--samples", "100", "--seed=-5",
        "--output", "out", "--max-length", "64", "--validation-split", "0.25",
        "--exact-guide-model");
    assertEquals(3, o.epochs());
    assertEquals(16, o.batchSize());
    assertEquals(100, o.samples());
    assertEquals(-5, o.seed());
    assertEquals(HOME.resolve("out"), o.output());
    assertEquals(64, o.maxLength());
    assertEquals(0.25, o.validationSplit());
    assertTrue(o.exactGuideModel());
    assertEquals(Path.of("/data/p.csv"), parse("--data", "/data/p.csv").data());
    assertEquals(HOME.resolve("p.csv"), parse("same-author", "--data=p.csv").data());
    assertTrue(parse("-h").help());
    assertTrue(parse("multi-io", "--help").help());
  }

  @Test
  void multiIoHasItsOwnDefaults() {
    CliOptions o = parse("multi-io");
    assertEquals(CliOptions.MULTI_IO, o.command());
    assertEquals(5, o.epochs());
    assertEquals(1000, o.samples());
  }

  @Test
  void mistakesSayWhatToWrite() {
    assertEquals("unknown option '--epoch'; run with --help to see the options.",
        error("--epoch", "3"));
    assertEquals("--epochs must be a positive whole number, got '0'.", error("--epochs", "0"));
    assertEquals("--batch-size must be a positive whole number, got 'big'.",
        error("--batch-size=big"));
    assertEquals("--epochs needs a value, as in --epochs 10.", error("--epochs"));
    assertEquals("--output needs a value, as in --output out/.", error("--output", "--epochs"));
    assertEquals("--seed must be a whole number, got '1.5'.", error("--seed", "1.5"));
    assertEquals("--validation-split must be a number between 0 and 1 (exclusive), got '1'.",
        error("--validation-split", "1"));
    assertEquals("unknown command 'train'; the commands are same-author (the default) and"
        + " multi-io.", error("train"));
    assertEquals("unexpected argument '5'; options start with --.", error("--exact-guide-model",
        "5"));
    assertEquals("--samples generates built-in pairs and --data reads yours; give one of them.",
        error("--samples", "10", "--data", "x.csv"));
    assertEquals("--data applies to the same-author job, not to multi-io.",
        error("multi-io", "--data", "x.csv"));
  }

  @Test
  void theUsageListsEveryOption() {
    String usage = CliOptions.usage();
    for (String option : List.of("--epochs", "--batch-size", "--samples", "--data", "--output",
        "--seed", "--max-length", "--validation-split", "--exact-guide-model", "--help",
        "multi-io", "tweet_a,tweet_b,same_author")) {
      assertTrue(usage.contains(option), option);
    }
  }
}
