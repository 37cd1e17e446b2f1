package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * A loss: one number saying how far the predictions are from the targets, averaged over the samples
 * (and over any positions besides the class axis, as Keras does), and its gradient.
 * A loss that can start from the logits of the model's last activation ({@link #fusesWith}) is
 * computed that way, which cannot overflow: softmax + cross-entropy becomes log-sum-exp.
 */
public interface Loss {
    String name();

    double value(NDArray yPred, NDArray yTrue);

    /** dLoss/dyPred, same shape as yPred. */
    NDArray gradient(NDArray yPred, NDArray yTrue);

    /** True if this loss has a fused form taking the logits z of this activation. */
    default boolean fusesWith(String activation) { return false; }

    default double valueFromLogits(NDArray z, NDArray yTrue) { throw new UnsupportedOperationException(name() + " has no fused form"); }

    /** dLoss/dz, same shape as z. */
    default NDArray gradientFromLogits(NDArray z, NDArray yTrue) { throw new UnsupportedOperationException(name() + " has no fused form"); }

    /** The Keras name of the accuracy that "accuracy" means with this loss, for an output this wide on its last axis. */
    default String accuracy(int outputWidth) { return outputWidth == 1 ? "binary_accuracy" : "categorical_accuracy"; }
}
