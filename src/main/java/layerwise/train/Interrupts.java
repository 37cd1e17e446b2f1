package layerwise.train;

import java.util.concurrent.CancellationException;

/**
 * Lets a long training run end between two batches when its thread is interrupted (the notebook's
 * interrupt button), leaving the weights with the updates made so far.
 */
public final class Interrupts {
    private Interrupts() {}

    /** Throws when the current thread has been interrupted; the flag stays set for the caller to see. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Training was interrupted between two batches; the weights keep the updates made so far.");
        }
    }
}
