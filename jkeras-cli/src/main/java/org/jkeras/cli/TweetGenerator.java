package org.jkeras.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Built-in data for the main job, so it needs no download: short "tweets" from a few made-up
 * authors, each with a style of its own (vocabulary, casing, punctuation, ASCII emoticons,
 * hashtags, mentions, numbers), generated from a seed. The same seed gives the same texts on every
 * JVM ({@link Random}'s algorithm is fixed by its specification).
 */
public final class TweetGenerator {
  /** The longest tweet, as on the platform the guide had in mind. */
  public static final int MAX_CHARS = 280;

  private final Random random;

  public TweetGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The authors' handles, in the order {@link #tweet(int)} numbers them. */
  public static List<String> authors() {
    return List.of("@HYPE_TRAIN", "@quiet_poet", "@dev_daily", "@lolcat_fan", "@MarketDesk");
  }

  /** Word lists shared by everybody: the authors are told apart by style, not by topic alone. */
  private static final String[] COMMON = {"today", "this", "weekend", "people", "again", "now",
      "time", "really", "new", "all", "just", "think", "about", "the", "week", "morning", "it"};

  private static final String[] HYPE = {"HUGE", "WIN", "BEST", "EVER", "TREMENDOUS", "BIGGEST",
      "NOBODY", "BELIEVES", "INCREDIBLE", "CROWD", "RECORD", "WINNING", "FANTASTIC", "TOTAL"};
  private static final String[] HYPE_TAGS = {"#WINNING", "#HUGE", "#NUMBER1", "#BIGLEAGUE"};

  private static final String[] POET = {"rain", "quiet", "moon", "river", "softly", "leaves",
      "whisper", "light", "shadow", "drifting", "autumn", "silver", "stillness", "petals", "mist"};

  private static final String[] DEV = {"refactor", "compiler", "build", "JVM", "merge", "commit",
      "latency", "GC", "pipeline", "tests", "deploy", "kernel", "cache", "thread", "stack"};
  private static final String[] DEV_CODE = {"fooBar()", "NullPointerException", "git rebase -i",
      "O(n log n)", "mvn -q test", "--verbose", "0x7f", "List<T>", "v2.1.0", "@Override"};
  private static final String[] DEV_TAGS = {"#java", "#jvm", "#devlife", "#100DaysOfCode"};

  private static final String[] LOL = {"omg", "lol", "sooo", "cute", "kitty", "yaaay", "omgg",
      "bestie", "literally", "cant", "even", "haha", "cuddles", "purr", "nap", "snacc"};
  private static final String[] LOL_FACES = {":-D", "<3", "xD", ":P", "^_^", ":3", "<3<3", ";)"};

  private static final String[] MARKET = {"Shares", "Revenue", "Earnings", "Index", "Quarter",
      "Investors", "Outlook", "Futures", "Yields", "Guidance", "Trading", "Bonds", "Sector",
      "Analysts"};
  private static final String[] MARKET_VERBS = {"rose", "fell", "climbed", "slipped", "held",
      "beat estimates by", "missed forecasts by", "gained", "dropped"};
  private static final String[] MARKET_MENTIONS = {"@Reuters", "@WSJ", "@FT", "@Bloomberg"};

  /** One tweet by author {@code author} (0 to {@code authors().size() - 1}). */
  public String tweet(int author) {
    int words = 5 + random.nextInt(12);
    String text = switch (author) {
      case 0 -> hype(words);
      case 1 -> poet(words);
      case 2 -> dev(words);
      case 3 -> lol(words);
      case 4 -> market(words);
      default -> throw new IllegalArgumentException("author must be 0 to " + (authors().size() - 1)
          + ", got " + author);
    };
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
  }

  private String hype(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = random.nextInt(4) == 0 ? pick(COMMON).toUpperCase() : pick(HYPE);
      s.append(i == 0 ? "" : " ").append(w);
      if (random.nextInt(4) == 0) {
        s.append("!".repeat(1 + random.nextInt(3)));
      }
    }
    s.append("!!!");
    if (random.nextBoolean()) {
      s.append(' ').append(pick(HYPE_TAGS));
    }
    return s.toString();
  }

  private String poet(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = random.nextInt(4) == 0 ? pick(COMMON) : pick(POET);
      s.append(i == 0 ? "" : random.nextInt(4) == 0 ? ", " : " ").append(w);
    }
    s.append(random.nextBoolean() ? "..." : " ~");
    return s.toString();
  }

  private String dev(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int r = random.nextInt(6);
      String w = r == 0 ? pick(COMMON) : r == 1 ? "`" + pick(DEV_CODE) + "`" : pick(DEV);
      s.append(i == 0 ? capitalize(w) : " " + w);
      if (random.nextInt(6) == 0) {
        s.append(random.nextBoolean() ? ";" : ":");
      }
    }
    s.append(". ").append(pick(DEV_TAGS));
    if (random.nextBoolean()) {
      s.append(" https://t.co/").append(randomId(8));
    }
    return s.toString();
  }

  private String lol(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = random.nextInt(4) == 0 ? pick(COMMON) : pick(LOL);
      if (random.nextInt(5) == 0) {
        w = w + w.substring(w.length() - 1).repeat(2 + random.nextInt(3));
      }
      s.append(i == 0 ? "" : " ").append(w);
      if (random.nextInt(4) == 0) {
        s.append(' ').append(pick(LOL_FACES));
      }
    }
    s.append(' ').append(pick(LOL_FACES));
    return s.toString();
  }

  private String market(int words) {
    StringBuilder s = new StringBuilder();
    int sentences = 1 + words / 6;
    for (int i = 0; i < sentences; i++) {
      s.append(i == 0 ? "" : " ").append(pick(MARKET)).append(' ').append(pick(COMMON))
          .append(' ').append(pick(MARKET_VERBS)).append(' ')
          .append(random.nextInt(20)).append('.').append(random.nextInt(10)).append("% in Q")
          .append(1 + random.nextInt(4)).append('.');
    }
    if (random.nextBoolean()) {
      s.append(" via ").append(pick(MARKET_MENTIONS));
    }
    if (random.nextBoolean()) {
      s.append(" $").append(randomId(3).toUpperCase());
    }
    return s.toString();
  }

  /**
   * {@code count} pairs, exactly half by the same author (the odd one out, when count is odd, is a
   * different-author pair), in a seeded random order, each tweet drawn afresh.
   */
  public List<TweetPair> pairs(int count) {
    int authors = authors().size();
    List<Boolean> labels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      labels.add(i < count / 2);
    }
    java.util.Collections.shuffle(labels, random);
    List<TweetPair> pairs = new ArrayList<>(count);
    for (boolean same : labels) {
      int a = random.nextInt(authors);
      int b = same ? a : (a + 1 + random.nextInt(authors - 1)) % authors;
      pairs.add(new TweetPair(tweet(a), tweet(b), same));
    }
    return pairs;
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  private String randomId(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String capitalize(String w) {
    return w.isEmpty() || w.startsWith("`") ? w
        : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
