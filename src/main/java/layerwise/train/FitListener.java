package layerwise.train;

import java.util.Map;

/**
 * Hears what fit is doing, as Keras callbacks do: the terminal progress bar is one, a notebook's live
 * chart another. Epochs are numbered from 1, as printed ("Epoch 3/10"); batches too ("4/4").
 * The logs hold the running figures by Keras name: loss, accuracy, and after an epoch val_loss, val_accuracy.
 */
public interface FitListener {
    default void onTrainBegin(int epochs, int batchesPerEpoch, int samples) {}

    default void onEpochBegin(int epoch, int epochs) {}

    default void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) {}

    /** {@code history} already holds this epoch. */
    default void onEpochEnd(int epoch, Map<String, Double> logs, History history) {}

    default void onTrainEnd(History history) {}
}
