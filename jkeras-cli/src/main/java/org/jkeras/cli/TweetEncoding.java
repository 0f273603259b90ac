package org.jkeras.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jkeras.backend.Shape;
import org.jkeras.backend.Tensor;

/**
 * The guide's encoding: a tweet becomes a (280, 256) matrix, one row per character holding a
 * one-hot byte (the text's UTF-8 bytes, so ASCII is one row per character). Shorter texts are
 * padded with zero rows in front, as Keras's {@code pad_sequences} pads by default, so the LSTM's
 * last steps read the text itself rather than a long run of padding; longer ones keep their first
 * {@code maxLength} bytes.
 */
public final class TweetEncoding {
  /** One row per byte value. */
  public static final int ALPHABET = 256;

  private TweetEncoding() {}

  /** The bytes a tweet is encoded from: its UTF-8 bytes, cut to {@code maxLength}. */
  public static byte[] bytes(String text, int maxLength) {
    byte[] all = text.getBytes(StandardCharsets.UTF_8);
    return all.length <= maxLength ? all : java.util.Arrays.copyOf(all, maxLength);
  }

  /** Encodes {@code texts} as one (texts, maxLength, 256) float tensor. */
  public static Tensor encode(List<String> texts, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
    }
    int rowSize = maxLength * ALPHABET;
    float[] data = new float[Math.multiplyExact(texts.size(), rowSize)];
    for (int i = 0; i < texts.size(); i++) {
      byte[] b = bytes(texts.get(i), maxLength);
      int first = maxLength - b.length;
      for (int t = 0; t < b.length; t++) {
        data[i * rowSize + (first + t) * ALPHABET + (b[t] & 0xFF)] = 1f;
      }
    }
    return Tensor.wrap(data, Shape.of(texts.size(), maxLength, ALPHABET));
  }

  /** The tweet A side of each pair, encoded. */
  public static Tensor encodeA(List<TweetPair> pairs, int maxLength) {
    return encode(pairs.stream().map(TweetPair::tweetA).toList(), maxLength);
  }

  /** The tweet B side of each pair, encoded. */
  public static Tensor encodeB(List<TweetPair> pairs, int maxLength) {
    return encode(pairs.stream().map(TweetPair::tweetB).toList(), maxLength);
  }

  /** The labels as a (pairs, 1) tensor of 0 and 1. */
  public static Tensor labels(List<TweetPair> pairs) {
    float[] y = new float[pairs.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = pairs.get(i).sameAuthor() ? 1f : 0f;
    }
    return Tensor.wrap(y, Shape.of(pairs.size(), 1));
  }
}
