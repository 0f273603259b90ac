package org.jkeras.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.SeedGenerator;
import org.jkeras.saving.KerasJson;
import org.jkeras.trainers.FitState;
import org.jkeras.utils.AtomicFiles;

/**
 * Keras's BackupAndRestore: backs up the training state every epoch (or every {@code saveFreq}
 * batches) in {@code backupDir}, and when a later {@code fit} starts with a backup there, it
 * restores it and continues where the interrupted fit stopped; a fit that ends normally deletes
 * the backup (unless {@code deleteCheckpoint(false)}).
 *
 * <p>Unlike Keras, which restarts an interrupted epoch from its first batch, jkeras resumes at
 * the batch after the backup, with the data in the same shuffled order and the layers' random
 * streams (dropout) at the same positions, so the resumed fit ends with the same weights as one
 * that was never interrupted. The backup holds the weights and optimizer state
 * ({@code backup-N.weights.h5}) and {@code training_metadata.json} naming that file; each is
 * written atomically and the metadata only switches to a complete weights file, so a crash while
 * backing up leaves the previous backup usable. The state of other callbacks (early stopping's
 * patience, the history of the interrupted epochs) is not part of the backup, as in Keras; the
 * logs of a resumed epoch cover the batches run after the resumption.
 */
public class BackupAndRestore extends Callback {
  static final String METADATA = "training_metadata.json";
  private static final String PREFIX = "backup-";
  private static final String SUFFIX = ".weights.h5";

  private final Path backupDir;
  private int saveFreq;
  private boolean deleteCheckpoint = true;
  private long generation;
  private int batchesSinceSave;

  /** Backs up at the end of every epoch into {@code backupDir} (which holds nothing else). */
  public BackupAndRestore(Path backupDir) {
    if (backupDir == null || backupDir.toString().isEmpty()) {
      throw new JKerasException("Empty `backup_dir` argument passed to BackupAndRestore.");
    }
    this.backupDir = backupDir;
  }

  /** Backs up every {@code batches} batches instead of at each epoch's end. */
  public BackupAndRestore saveFreq(int batches) {
    if (batches < 1) {
      throw new JKerasException("Invalid value for argument `save_freq`. Received: save_freq="
          + batches + ". Expected either 'epoch' or a positive integer number of batches.");
    }
    saveFreq = batches;
    return this;
  }

  /** {@code "epoch"} (the default), as Keras's {@code save_freq="epoch"}. */
  public BackupAndRestore saveFreq(String value) {
    if (!"epoch".equals(value)) {
      throw new JKerasException("Invalid value for argument `save_freq`. Received: save_freq="
          + value + ". Expected either 'epoch' or an integer value.");
    }
    saveFreq = 0;
    return this;
  }

  /** Whether a fit that ends normally deletes the backup (default true). */
  public BackupAndRestore deleteCheckpoint(boolean value) {
    deleteCheckpoint = value;
    return this;
  }

  public Path backupDir() {
    return backupDir;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    batchesSinceSave = 0;
    generation = 0;
    FitState state = requireFitState();
    Path metadataFile = backupDir.resolve(METADATA);
    if (!Files.isRegularFile(metadataFile)) {
      return;
    }
    Map<String, Object> meta = readMetadata(metadataFile);
    Path weights = backupDir.resolve(text(meta, "weights"));
    if (!Files.isRegularFile(weights)) {
      throw new JKerasException("The backup in " + backupDir + " is damaged: " + METADATA
          + " names " + weights.getFileName() + ", which does not exist. Delete the folder to"
          + " start training from the beginning.");
    }
    generation = number(meta, "generation");
    model().loadWeights(weights);
    List<SeedGenerator> seeds = model().seedGenerators();
    List<Long> saved = longs(meta, "seed_generators");
    if (saved.size() != seeds.size()) {
      throw new JKerasException("The backup in " + backupDir + " was made by a model with "
          + saved.size() + " random streams (dropout and noise layers), but model '"
          + model().name() + "' has " + seeds.size() + ". A backup only restores the model it"
          + " was made from; delete the folder to start over.");
    }
    for (int i = 0; i < seeds.size(); i++) {
      seeds.get(i).setState(saved.get(i));
    }
    long[] dataState = longs(meta, "data_random_state").stream().mapToLong(Long::longValue)
        .toArray();
    state.resume((int) number(meta, "epoch"), (int) number(meta, "step"),
        (int) number(meta, "cursor"), dataState);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (saveFreq > 0 && ++batchesSinceSave >= saveFreq) {
      batchesSinceSave = 0;
      save();
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveFreq == 0) {
      save();
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (deleteCheckpoint && Files.isDirectory(backupDir)) {
      try {
        Files.deleteIfExists(backupDir.resolve(METADATA));
        for (Path p : backupFiles()) {
          Files.deleteIfExists(p);
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(backupDir)) {
          if (!rest.iterator().hasNext()) {
            Files.delete(backupDir);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete the training backup in " + backupDir
            + ": " + e.getMessage(), e);
      }
    }
  }

  /** The weights (a new file), then the metadata naming it, then the older weights go. */
  private void save() {
    FitState state = requireFitState();
    try {
      Files.createDirectories(backupDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the backup folder " + backupDir + ": "
          + e.getMessage(), e);
    }
    generation++;
    String weightsName = PREFIX + generation + SUFFIX;
    model().saveWeights(backupDir.resolve(weightsName));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("epoch", state.epoch());
    // Keras's "batch": the index of the last batch run (0 at an epoch's end).
    meta.put("batch", Math.max(0, state.step() - 1));
    meta.put("step", state.step());
    meta.put("cursor", state.cursor());
    meta.put("generation", generation);
    meta.put("weights", weightsName);
    meta.put("data_random_state", toList(state.dataRandomState()));
    List<Long> seeds = new ArrayList<>();
    for (SeedGenerator g : model().seedGenerators()) {
      seeds.add(g.state());
    }
    meta.put("seed_generators", seeds);
    byte[] json = KerasJson.write(meta).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(backupDir.resolve(METADATA), out -> out.write(json));
    for (Path p : backupFiles()) {
      if (!p.getFileName().toString().equals(weightsName)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // An old backup left behind is only disk space; the next backup tries again.
        }
      }
    }
  }

  private List<Path> backupFiles() {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(backupDir, PREFIX + "*" + SUFFIX)) {
      files.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the backup folder " + backupDir + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  private FitState requireFitState() {
    if (fitState() == null || model() == null) {
      throw new JKerasException("BackupAndRestore works inside fit(): pass it in"
          + " FitOptions.callbacks(...).");
    }
    return fitState();
  }

  private Map<String, Object> readMetadata(Path file) {
    try {
      return KerasJson.readObject(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private String text(Map<String, Object> meta, String key) {
    if (!(meta.get(key) instanceof String s) || s.contains("/") || s.contains("\\")) {
      throw damaged(key, meta.get(key));
    }
    return s;
  }

  private long number(Map<String, Object> meta, String key) {
    if (!(meta.get(key) instanceof Number n) || n.longValue() < 0) {
      throw damaged(key, meta.get(key));
    }
    return n.longValue();
  }

  private List<Long> longs(Map<String, Object> meta, String key) {
    if (!(meta.get(key) instanceof List<?> list)) {
      throw damaged(key, meta.get(key));
    }
    List<Long> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Number n)) {
        throw damaged(key, meta.get(key));
      }
      out.add(n.longValue());
    }
    return out;
  }

  private JKerasException damaged(String key, Object value) {
    return new JKerasException("The backup in " + backupDir + " is damaged: " + METADATA
        + " has " + key + "=" + value + ". Delete the folder to start training from the"
        + " beginning.");
  }

  private static List<Long> toList(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }
}
