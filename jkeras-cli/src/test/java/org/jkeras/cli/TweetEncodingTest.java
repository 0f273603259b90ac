package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;
import org.junit.jupiter.api.Test;

class TweetEncodingTest {
  /** The byte each row holds, or -1 for a zero row; fails on a row with several ones. */
  private static int[] rows(Tensor t, int sample) {
    int length = t.shape().dim(1);
    int[] rows = new int[length];
    for (int r = 0; r < length; r++) {
      rows[r] = -1;
      float sum = 0;
      for (int c = 0; c < 256; c++) {
        float v = t.getFloat(sample, r, c);
        sum += v;
        if (v == 1f) {
          rows[r] = c;
        }
      }
      assertEquals(rows[r] < 0 ? 0f : 1f, sum, "row " + r + " is one-hot or zero");
    }
    return rows;
  }

  @Test
  void eachCharacterIsAOneHotByteAfterZeroRowsOfPadding() {
    Tensor t = TweetEncoding.encode(List.of("Hi!", "a"), 5);
    assertEquals(Shape.of(2, 5, 256), t.shape());
    assertArrayEquals(new int[] {-1, -1, 'H', 'i', '!'}, rows(t, 0));
    assertArrayEquals(new int[] {-1, -1, -1, -1, 'a'}, rows(t, 1));
  }

  @Test
  void theGuidesShapeIs280By256AndLongerTextsKeepTheirStart() {
    String longText = "x".repeat(279) + "yz";
    Tensor t = TweetEncoding.encode(List.of(longText), TweetGenerator.MAX_CHARS);
    assertEquals(Shape.of(1, 280, 256), t.shape());
    int[] rows = rows(t, 0);
    assertEquals('x', rows[278]);
    assertEquals('y', rows[279], "the 281st character is cut");
    Tensor shortT = TweetEncoding.encode(List.of("abcdef"), 3);
    assertArrayEquals(new int[] {'a', 'b', 'c'}, rows(shortT, 0));
  }

  @Test
  void nonAsciiCharactersAreTheirUtf8Bytes() {
    byte[] utf8 = "é".getBytes(StandardCharsets.UTF_8);
    Tensor t = TweetEncoding.encode(List.of("é"), 3);
    assertArrayEquals(new int[] {-1, utf8[0] & 0xFF, utf8[1] & 0xFF}, rows(t, 0));
    assertArrayEquals(new byte[] {'a', 'b'}, TweetEncoding.bytes("abc", 2));
  }

  @Test
  void pairsGiveTwoInputsAndZeroOneLabels() {
    List<TweetPair> pairs = List.of(new TweetPair("a", "b", true), new TweetPair("c", "d", false));
    assertArrayEquals(new float[] {1f, 0f}, TweetEncoding.labels(pairs).toFloatArray());
    assertEquals(Shape.of(2, 1), TweetEncoding.labels(pairs).shape());
    assertArrayEquals(new int[] {'c'}, rows(TweetEncoding.encodeA(pairs, 1), 1));
    assertArrayEquals(new int[] {'d'}, rows(TweetEncoding.encodeB(pairs, 1), 1));
  }
}
