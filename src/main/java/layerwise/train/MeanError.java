package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * mse = mean((p − t)²), gradient 2(p − t)/n; mae = mean(|p − t|), gradient sign(p − t)/n; n counts
 * every number of the batch.
 */
final class MeanError implements Loss {
    private final boolean squared;

    MeanError(boolean squared) { this.squared = squared; }

    @Override public String name() { return squared ? "mse" : "mae"; }

    @Override
    public double value(NDArray yPred, NDArray yTrue) {
        Targets.sameShape(name(), yPred, yTrue);
        NDArray d = yPred.sub(yTrue);
        return (squared ? d.square() : d.abs()).mean();
    }

    @Override
    public NDArray gradient(NDArray yPred, NDArray yTrue) {
        Targets.sameShape(name(), yPred, yTrue);
        float n = yPred.size();
        return yPred.zip(yTrue, (p, t) -> squared ? 2 * (p - t) / n : Math.signum(p - t) / n);
    }
}
