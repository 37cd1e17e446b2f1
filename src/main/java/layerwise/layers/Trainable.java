package layerwise.layers;

import java.util.List;

import layerwise.ndarray.NDArray;

/**
 * What training needs of a network, and all it needs: a forward pass, a backward pass that fills the
 * weights' gradients, and the weights. A {@code Model} is one; the training loop in
 * {@code layerwise.train} knows nothing else about it.
 */
public interface Trainable {
    /** The outputs for a batch; {@code training} switches Dropout and BatchNormalization to training mode. */
    NDArray forward(NDArray x, boolean training);

    /**
     * From dLoss/dOutput of the last forward back to every weight's gradient. With {@code fromLogits}
     * the gradient is dLoss/dLogits, taken before the output activation (a loss fused with it).
     */
    void backwardToWeights(NDArray grad, boolean fromLogits);

    /** The trainable weights with their gradients, each once. */
    List<Param> params();

    /** The activation the output ends with ("softmax", "sigmoid", "linear"): a loss may start from its logits. */
    String outputActivation();

    /** The output before that activation, in the last forward. */
    NDArray savedLogits();
}
