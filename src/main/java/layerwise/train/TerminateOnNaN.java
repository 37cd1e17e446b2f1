package layerwise.train;

import java.util.Map;

/**
 * Stops training as soon as a batch's loss is NaN or infinite, as Keras's {@code TerminateOnNaN()}:
 * after such a step the weights are NaN too, and every later epoch would only print "loss: nan".
 */
public final class TerminateOnNaN implements FitListener {
    private boolean stop;

    @Override public void onTrainBegin(int epochs, int batchesPerEpoch, int samples) { stop = false; }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && !Double.isFinite(loss)) {
            System.out.println("Batch " + (batch - 1) + ": Invalid loss, terminating training");
            stop = true;
        }
    }

    @Override public boolean stopTraining() { return stop; }
}
