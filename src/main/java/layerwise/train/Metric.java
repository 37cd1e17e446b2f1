package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * A figure fit reports besides the loss, kept over an epoch as Keras's metric objects are: reset when
 * an epoch starts, updated with each batch, read at any time. {@link Metrics#get} makes one from its
 * Keras name ("accuracy", "mae", "precision", …), which is also the name it reports under.
 */
public interface Metric {
    String name();

    void reset();

    void update(NDArray yPred, NDArray yTrue);

    /** The value over the batches since the last reset. */
    double result();
}
