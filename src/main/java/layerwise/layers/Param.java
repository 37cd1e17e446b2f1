package layerwise.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import layerwise.ndarray.NDArray;

/**
 * One array of weights and the gradient of the loss with respect to it, same shape. backward fills
 * {@code grad}; an optimizer's step changes {@code value} in place.
 */
public record Param(String name, NDArray value, NDArray grad) {
    public static Param of(String name, NDArray value) {
        return new Param(name, value, NDArray.zeros(value.dims()));
    }

    /** The params that exist, in order: a layer not yet initialized, or without a bias, has fewer. */
    public static List<Param> present(Param... params) {
        return Arrays.stream(params).filter(Objects::nonNull).toList();
    }
}
