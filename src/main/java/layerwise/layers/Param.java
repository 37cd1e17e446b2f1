package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * One array of weights and the gradient of the loss with respect to it, same shape. backward fills
 * {@code grad}; an optimizer's step changes {@code value} in place.
 */
public record Param(String name, NDArray value, NDArray grad) {
    public static Param of(String name, NDArray value) {
        return new Param(name, value, NDArray.zeros(value.dims()));
    }
}
