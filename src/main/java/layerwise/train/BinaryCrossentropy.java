package layerwise.train;

import layerwise.layers.ActivationFunctions;
import layerwise.ndarray.NDArray;

/**
 * Binary cross-entropy, averaged over every number: −[t·log p + (1 − t)·log(1 − p)].
 * From the logits z of a sigmoid it is written max(z, 0) − z·t + log(1 + e^−|z|), which stays finite
 * for any z; its gradient is then simply σ(z) − t.
 */
final class BinaryCrossentropy implements Loss {
    private static final float EPS = Losses.EPSILON;

    @Override public String name() { return "binary_crossentropy"; }

    @Override
    public double value(NDArray yPred, NDArray yTrue) {
        Targets.sameShape(name(), yPred, yTrue);
        return yPred.zip(yTrue, (p, t) -> {
            double q = Math.min(Math.max(p, EPS), 1 - EPS);
            return (float) -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
        }).mean();
    }

    @Override
    public NDArray gradient(NDArray yPred, NDArray yTrue) {
        float n = yPred.size();
        return yPred.zip(yTrue, (p, t) -> p < EPS || p > 1 - EPS ? 0f : (float) ((p - t) / (p * (1.0 - p)) / n));
    }

    @Override public boolean fusesWith(String activation) { return activation.equals("sigmoid"); }

    @Override
    public double valueFromLogits(NDArray z, NDArray yTrue) {
        Targets.sameShape(name(), z, yTrue);
        return z.zip(yTrue, (x, t) -> (float) (Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x))))).mean();
    }

    @Override
    public NDArray gradientFromLogits(NDArray z, NDArray yTrue) {
        float n = z.size();
        return z.zip(yTrue, (x, t) -> (float) ((ActivationFunctions.sigmoid(x) - t) / n));
    }

    @Override public String accuracy(int outputWidth) { return "binary_accuracy"; }
}
