package org.jkeras.models;

import java.util.List;
import org.jkeras.Keras;
import org.jkeras.backend.DType;
import org.jkeras.backend.Shape;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.convolutional.Conv2D;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.core.Embedding;
import org.jkeras.layers.merging.Add;
import org.jkeras.layers.merging.Concatenate;
import org.jkeras.layers.rnn.GRU;
import org.jkeras.layers.rnn.LSTM;

/** The fixture cases' models, built with the Java API exactly as the Keras scripts built them. */
final class FixtureModels {
  private FixtureModels() {}

  static Model build(String caseName) {
    return switch (caseName) {
      case "01_shared_lstm" -> sharedLstm();
      case "02_multi_io" -> multiIo();
      case "04_residual" -> residual();
      case "06a_gru" -> gru();
      case "07a_batchnorm" -> batchNorm();
      default -> throw new IllegalArgumentException(caseName);
    };
  }

  static Model sharedLstm() {
    KerasTensor tweetA = Keras.input(Shape.of(5, 8), "tweet_a");
    KerasTensor tweetB = Keras.input(Shape.of(5, 8), "tweet_b");
    LSTM sharedLstm = new LSTM(4).name("shared_lstm");
    KerasTensor merged = new Concatenate(-1).name("merged")
        .apply(List.of(sharedLstm.apply(tweetA), sharedLstm.apply(tweetB)));
    KerasTensor predictions = new Dense(1).activation("sigmoid").name("predictions").apply(merged);
    return new Model(List.of(tweetA, tweetB), predictions).name("shared_lstm_model");
  }

  static Model multiIo() {
    KerasTensor mainInput = Keras.input(Shape.of(100), "main_input", DType.INT32, null);
    KerasTensor x = new Embedding(100, 16).name("embedding").apply(mainInput);
    KerasTensor lstmOut = new LSTM(32).name("lstm").apply(x);
    KerasTensor auxOutput = new Dense(1).activation("sigmoid").name("aux_output").apply(lstmOut);
    KerasTensor auxInput = Keras.input(Shape.of(5), "aux_input");
    KerasTensor h = new Concatenate().name("concat").apply(List.of(lstmOut, auxInput));
    h = new Dense(64).activation("relu").name("dense_1").apply(h);
    h = new Dense(64).activation("relu").name("dense_2").apply(h);
    h = new Dense(64).activation("relu").name("dense_3").apply(h);
    KerasTensor mainOutput = new Dense(1).activation("sigmoid").name("main_output").apply(h);
    return new Model(List.of(mainInput, auxInput), List.of(mainOutput, auxOutput))
        .name("multi_io");
  }

  static Model residual() {
    KerasTensor x = Keras.input(Shape.of(8, 8, 3), "x");
    KerasTensor y = new Conv2D(3, 3, 3).padding("same").name("conv").apply(x);
    return new Model(x, new Add().name("residual_add").apply(List.of(x, y))).name("residual");
  }

  static Model batchNorm() {
    KerasTensor x = Keras.input(Shape.of(6), "x");
    KerasTensor h = new Dense(8).name("dense").apply(x);
    KerasTensor n = new org.jkeras.layers.normalization.BatchNormalization().name("bn").apply(h);
    KerasTensor probs = new Dense(3).activation("softmax").name("probs").apply(n);
    return new Model(x, probs).name("batchnorm_model");
  }

  static Model gru() {
    KerasTensor seq = Keras.input(Shape.of(5, 8), "seq");
    return new Model(seq, new GRU(6).name("gru").apply(seq)).name("gru_model");
  }
}
