package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * A metric that is a mean over samples (accuracy, mae, mse): each batch's mean, weighted by its number
 * of samples, as Keras's MeanMetricWrapper, so a short last batch counts for less.
 */
final class MeanMetric implements Metric {
    /** The mean of a figure over one batch. */
    interface BatchMean {
        double of(NDArray yPred, NDArray yTrue);
    }

    private final String name;
    private final BatchMean batchMean;
    private double sum;
    private long count;

    MeanMetric(String name, BatchMean batchMean) {
        this.name = name;
        this.batchMean = batchMean;
    }

    @Override public String name() { return name; }

    @Override public void reset() { sum = 0; count = 0; }

    @Override
    public void update(NDArray yPred, NDArray yTrue) {
        int n = yPred.dim(0);
        sum += batchMean.of(yPred, yTrue) * n;
        count += n;
    }

    @Override public double result() { return count == 0 ? 0 : sum / count; }
}
