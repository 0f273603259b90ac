package org.jkeras.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.jkeras.Keras;
import org.jkeras.graph.KerasTensor;
import org.jkeras.layers.core.Dense;
import org.jkeras.layers.regularization.Dropout;
import org.jkeras.layers.rnn.Bidirectional;
import org.jkeras.layers.rnn.LSTM;
import org.jkeras.models.Model;
import org.junit.jupiter.api.Test;

/** Seed streams keep SplittableRandom's numbers, and their saved position replays them. */
class SeedGeneratorStateTest {
  @Test
  void sameSeedsAsSplittableRandomAndStateReplays() {
    SeedGenerator g = new SeedGenerator(42);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 5; i++) {
      assertEquals(r.nextLong(), g.next());
    }
    long saved = g.state();
    long a = g.next();
    long b = g.next();
    g.setState(saved);
    assertEquals(List.of(a, b), List.of(g.next(), g.next()));
  }

  @Test
  void modelListsEveryRandomStreamOnce() {
    KerasTensor x = Keras.input(5, 3);
    Dropout shared = new Dropout(0.2);
    KerasTensor h = shared.apply(new Bidirectional(new LSTM(4).dropout(0.1)).apply(x));
    h = shared.apply(h);
    Model model = new Model(x, new Dense(1).apply(h));
    // The forward and backward LSTM copies, then the shared dropout layer once.
    List<SeedGenerator> all = model.seedGenerators();
    assertEquals(3, all.size());
    assertEquals(1, all.stream().filter(g -> g == shared.seedGenerators().get(0)).count());
  }
}
