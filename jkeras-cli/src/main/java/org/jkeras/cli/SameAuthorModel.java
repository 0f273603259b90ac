package org.jkeras.cli;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;

/**
 * The guide's same-author model: two tweets through one shared LSTM(64), merged, then a sigmoid.
 *
 * <p>As written, the guide concatenates the two encodings and feeds them straight to Dense(1), so
 * the logit is f(tweet_a) + g(tweet_b). Such a sum cannot say "same author": over balanced pairs,
 * the logits of the pairs (A, A), (B, B) add up to those of (A, B), (B, A), so some pairs always
 * land on the wrong side. The default model keeps the guide's structure and adds the smallest
 * change that can express equality: one hidden Dense(64, relu) between the concatenation and the
 * output. {@link #build(int, boolean)} with {@code exactGuide} builds the guide's model as written.
 */
public final class SameAuthorModel {
  private SameAuthorModel() {}

  /** The one-line description the CLI prints. */
  public static String describe(boolean exactGuide) {
    return exactGuide
        ? "the guide's model as written: shared LSTM(64) -> concatenate -> Dense(1, sigmoid)"
            + " (its logit is f(a) + g(b), which cannot express 'same author'; expect about 50%)"
        : "the guide's model plus one hidden layer: shared LSTM(64) -> concatenate ->"
            + " Dense(64, relu) -> Dense(1, sigmoid) (the guide's concatenate -> Dense(1) alone"
            + " computes f(a) + g(b), which cannot express equality; --exact-guide-model runs it)";
  }

  /** The model for tweets of {@code maxLength} one-hot bytes, compiled as the guide does. */
  public static Model build(int maxLength, boolean exactGuide) {
    KerasTensor tweetA = Keras.input(Shape.of(maxLength, TweetEncoding.ALPHABET), "tweet_a");
    KerasTensor tweetB = Keras.input(Shape.of(maxLength, TweetEncoding.ALPHABET), "tweet_b");
    LSTM sharedLstm = new LSTM(64).name("shared_lstm");
    KerasTensor encodedA = sharedLstm.apply(tweetA);
    KerasTensor encodedB = sharedLstm.apply(tweetB);
    KerasTensor merged = Keras.concatenate(List.of(encodedA, encodedB), -1);
    if (!exactGuide) {
      merged = new Dense(64).activation("relu").name("compare").apply(merged);
    }
    KerasTensor predictions = new Dense(1).activation("sigmoid").name("predictions").apply(merged);
    Model model = new Model(List.of(tweetA, tweetB), predictions).name("same_author");
    model.compile("rmsprop", "binary_crossentropy", List.of("accuracy"));
    return model;
  }
}
