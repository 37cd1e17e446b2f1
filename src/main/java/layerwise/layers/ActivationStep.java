package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * The activation at the end of Dense, a convolution or an Activation layer, with the values its
 * backward needs: z (the logits, before) and y = f(z) (after).
 */
final class ActivationStep {
    private final String name;
    private NDArray savedZ, savedY;

    ActivationStep(String name) { this.name = name; }

    NDArray forward(NDArray z) {
        savedZ = z;
        savedY = ActivationFunctions.forward(name, z);
        return savedY;
    }

    NDArray backward(NDArray gradY) { return ActivationFunctions.backward(name, savedZ, savedY, gradY); }

    NDArray logits() { return savedZ; }
}
