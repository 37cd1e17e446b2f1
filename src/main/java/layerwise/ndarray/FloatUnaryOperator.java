package layerwise.ndarray;

/** A function of one float, applied to every element by {@link NDArray#map}. */
@FunctionalInterface
public interface FloatUnaryOperator {
    float apply(float x);
}
