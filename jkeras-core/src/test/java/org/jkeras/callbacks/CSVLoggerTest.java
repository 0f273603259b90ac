package org.jkeras.callbacks;

import static org.jkeras.trainers.TrainingTestModels.column;
import static org.jkeras.trainers.TrainingTestModels.frozenIdentity;
import static org.jkeras.trainers.TrainingTestModels.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.models.Model;
import org.jkeras.trainers.CompileOptions;
import org.jkeras.trainers.FitOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSVLogger writes what Keras's writes: sorted keys after "epoch", Python floats, CRLF rows. */
class CSVLoggerTest {
  @TempDir Path dir;

  private static Model model() {
    Model model = frozenIdentity();
    model.compile(CompileOptions.of("sgd", "mse").metrics(List.of("mae")));
    return model;
  }

  @Test
  void oneRowPerEpochWithSortedKeys() throws Exception {
    Path file = dir.resolve("log.csv");
    // Errors -i: rows 0..3 train (mse 3.5, mae 1.5), rows 4 and 5 validate (mse 20.5, mae 4.5).
    model().fit(range(6, 1), range(6, 2), FitOptions.epochs(2).verbose(0).validationSplit(0.3)
        .callbacks(new ScriptedMetric("a_first", 0.0005, 1e-5), new CSVLogger(file)));
    assertEquals("epoch,a_first,loss,mae,val_loss,val_mae\r\n"
        + "0,0.0005,3.5,1.5,20.5,4.5\r\n"
        + "1,1e-05,3.5,1.5,20.5,4.5\r\n", Files.readString(file));
  }

  @Test
  void appendKeepsTheFileAndWritesNoSecondHeader() throws Exception {
    Path file = dir.resolve("log.csv");
    Model model = model();
    model.fit(column(2), column(0), FitOptions.epochs(1).verbose(0)
        .callbacks(new CSVLogger(file, ";", true)));
    model.fit(column(2), column(0), FitOptions.epochs(3).initialEpoch(1).verbose(0)
        .callbacks(new CSVLogger(file, ";", true)));
    assertEquals("epoch;loss;mae\r\n0;4.0;2.0\r\n1;4.0;2.0\r\n2;4.0;2.0\r\n",
        Files.readString(file));
    model.fit(column(1), column(0), FitOptions.epochs(1).verbose(0)
        .callbacks(new CSVLogger(file)));
    assertEquals("epoch,loss,mae\r\n0,1.0,1.0\r\n", Files.readString(file), "overwritten");
  }

  @Test
  void pythonFloatRepr() {
    assertEquals("0.5", CSVLogger.pythonRepr(0.5));
    assertEquals("0.0005", CSVLogger.pythonRepr(0.0005));
    assertEquals("0.0001", CSVLogger.pythonRepr(1e-4));
    assertEquals("1e-05", CSVLogger.pythonRepr(1e-5));
    assertEquals("9.999999747378752e-05", CSVLogger.pythonRepr((float) 1e-4));
    assertEquals("0.10000000149011612", CSVLogger.pythonRepr((float) 0.1));
    assertEquals("123.0", CSVLogger.pythonRepr(123));
    assertEquals("15000000.0", CSVLogger.pythonRepr(1.5e7));
    assertEquals("1e+16", CSVLogger.pythonRepr(1e16));
    assertEquals("1.5e+16", CSVLogger.pythonRepr(1.5e16));
    assertEquals("-2.5e-07", CSVLogger.pythonRepr(-2.5e-7));
    assertEquals("0.0", CSVLogger.pythonRepr(0));
    assertEquals("-0.0", CSVLogger.pythonRepr(-0.0));
    assertEquals("nan", CSVLogger.pythonRepr(Double.NaN));
    assertEquals("-inf", CSVLogger.pythonRepr(Double.NEGATIVE_INFINITY));
  }
}
