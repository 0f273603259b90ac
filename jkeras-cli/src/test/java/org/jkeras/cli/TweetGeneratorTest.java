package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TweetGeneratorTest {
  /** Tells the five authors apart by a marker each style always carries. */
  static int authorOf(String tweet) {
    if (tweet.matches(".*% in Q\\d\\..*")) {
      return 4;
    }
    if (tweet.matches(".*\\. #(java|jvm|devlife|100DaysOfCode)( https://t\\.co/\\w{8})?")) {
      return 2;
    }
    if (tweet.endsWith("...") || tweet.endsWith(" ~")) {
      return 1;
    }
    if (tweet.equals(tweet.toUpperCase()) && tweet.contains("!!!")) {
      return 0;
    }
    if (tweet.matches(".* (:-D|<3|xD|:P|\\^_\\^|:3|<3<3|;\\))")) {
      return 3;
    }
    throw new AssertionError("no author's style: " + tweet);
  }

  @Test
  void theSameSeedGivesTheSamePairs() {
    List<TweetPair> a = new TweetGenerator(7).pairs(50);
    assertEquals(a, new TweetGenerator(7).pairs(50));
    assertNotEquals(a, new TweetGenerator(8).pairs(50));
  }

  @Test
  void pairsAreBalancedAndLabelledByAuthor() {
    for (int count : new int[] {1, 2, 101, 400}) {
      List<TweetPair> pairs = new TweetGenerator(count).pairs(count);
      assertEquals(count, pairs.size());
      long same = pairs.stream().filter(TweetPair::sameAuthor).count();
      assertEquals(count / 2, same, "exactly half the pairs (rounded down) are same-author");
      for (TweetPair p : pairs) {
        assertEquals(p.sameAuthor(), authorOf(p.tweetA()) == authorOf(p.tweetB()), p::toString);
        assertNotEquals(p.tweetA(), p.tweetB() + "x");
      }
    }
  }

  @Test
  void tweetsAreShortAndInTheirAuthorsStyle() {
    TweetGenerator g = new TweetGenerator(1);
    int[] seenPerAuthor = new int[TweetGenerator.authors().size()];
    for (int i = 0; i < 500; i++) {
      int author = i % seenPerAuthor.length;
      String t = g.tweet(author);
      assertTrue(t.length() >= 10 && t.length() <= TweetGenerator.MAX_CHARS, t);
      assertEquals(author, authorOf(t), t);
      seenPerAuthor[author]++;
    }
    assertThrows(IllegalArgumentException.class, () -> g.tweet(5));
  }

  @Test
  void theStylesDifferInCasing() {
    TweetGenerator g = new TweetGenerator(3);
    String hype = g.tweet(0);
    String poet = g.tweet(1);
    assertEquals(hype.toUpperCase(), hype);
    assertEquals(poet.toLowerCase(), poet);
  }
}
