package org.jkeras.callbacks;

import java.nio.file.Path;
import java.util.Map;
import org.jkeras.models.Model;

/**
 * The child of {@link BackupAndRestoreTest}'s kill test: the backup model's fit with a backup
 * every 2 batches, saying "batch E B" after each batch and pausing a little, so the parent can
 * kill it mid-epoch.
 */
public final class TrainingChild {
  private TrainingChild() {}

  public static void main(String[] args) {
    Model model = BackupModels.build(11);
    Callback talk = new Callback() {
      private int epoch;

      @Override
      public void onEpochBegin(int e, Map<String, Double> logs) {
        epoch = e;
      }

      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        System.out.println("batch " + epoch + " " + batch);
        try {
          Thread.sleep(40);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    model.fit(BackupModels.x(), BackupModels.y(),
        BackupModels.options(new BackupAndRestore(Path.of(args[0])).saveFreq(2), talk));
    System.out.println("done");
  }
}
