package layerwise.train;

import java.util.Map;

import layerwise.layers.Trainable;

/**
 * Hears what fit is doing, as Keras callbacks do: the terminal progress bar is one, a notebook's live
 * chart another, EarlyStopping a third. Epochs are numbered from 1, as printed ("Epoch 3/10"); batches
 * too ("4/4"). The logs hold the running figures by Keras name: loss, the metrics, and after an epoch
 * val_loss and the val_ metrics.
 */
public interface FitListener {
    /** The network being trained, given before training begins (Keras's set_model). */
    default void setModel(Trainable model) {}

    default void onTrainBegin(int epochs, int batchesPerEpoch, int samples) {}

    default void onEpochBegin(int epoch, int epochs) {}

    default void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) {}

    /** {@code history} already holds this epoch. */
    default void onEpochEnd(int epoch, Map<String, Double> logs, History history) {}

    default void onTrainEnd(History history) {}

    /**
     * True to end training after the current batch, as Keras's {@code model.stop_training = True}: the
     * epoch then ends (with its validation) and no other starts.
     */
    default boolean stopTraining() { return false; }
}
