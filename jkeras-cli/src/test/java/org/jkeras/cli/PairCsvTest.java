package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairCsvTest {
  private static String error(String csv) {
    return assertThrows(CliException.class, () -> PairCsv.parse(csv, "pairs.csv")).getMessage();
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    String csv = "\uFEFFtweet_a,tweet_b,same_author\r\n"
        + "\"Hello, world\",plain,1\r\n"
        + "\n"
        + "\"she said \"\"hi\"\"\",\"two\nlines\",false\n"
        + "x,,yes";
    assertEquals(List.of(
        new TweetPair("Hello, world", "plain", true),
        new TweetPair("she said \"hi\"", "two\nlines", false),
        new TweetPair("x", "", true)), PairCsv.parse(csv, "pairs.csv"));
  }

  @Test
  void theHeaderIsCheckedIgnoringCaseAndSpaces() {
    assertEquals(1, PairCsv.parse(" Tweet_A , tweet_b,SAME_AUTHOR\na,b,0\n", "p").size());
    assertEquals("pairs.csv line 1: expected the header tweet_a,tweet_b,same_author, got"
        + " a,b,label.", error("a,b,label\nx,y,1\n"));
  }

  @Test
  void errorsNameTheLineAndSayWhatToDo() {
    assertEquals("pairs.csv line 3: expected 3 fields (tweet_a,tweet_b,same_author), got 4;"
        + " quote texts that contain commas with double quotes.",
        error("tweet_a,tweet_b,same_author\na,b,1\nhello, world,b,0\n"));
    assertEquals("pairs.csv line 2: same_author must be 1 or 0 (or true/false, yes/no), got"
        + " 'maybe'.", error("tweet_a,tweet_b,same_author\na,b,maybe\n"));
    assertEquals("pairs.csv line 4: a quoted field is never closed; end it with a double quote"
        + " (write a quote inside a quoted field as two: \"\").",
        error("tweet_a,tweet_b,same_author\n\"a\nb\",c,1\n\"open,b,1\n"));
    assertEquals("pairs.csv line 2: unexpected text after a closing quote; write a quote inside"
        + " a quoted field as two: \"\".", error("tweet_a,tweet_b,same_author\n\"a\"b,c,1\n"));
    assertEquals("pairs.csv: the file is empty; expected the header"
        + " tweet_a,tweet_b,same_author and one pair per line.", error("\n\n"));
    assertEquals("pairs.csv: no pairs after the header.", error("tweet_a,tweet_b,same_author\n"));
  }

  @Test
  void readsAFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.csv");
    Files.writeString(file, "tweet_a,tweet_b,same_author\n\"a, b\",c,1\n");
    assertEquals(List.of(new TweetPair("a, b", "c", true)), PairCsv.read(file));
    Path missing = dir.resolve("none.csv");
    assertEquals("--data: no such file: " + missing,
        assertThrows(CliException.class, () -> PairCsv.read(missing)).getMessage());
  }
}
