package layerwise.ndarray;

/** A function of two floats, applied pairwise (with broadcasting) by {@link NDArray#zip}. */
@FunctionalInterface
public interface FloatBinaryOperator {
    float apply(float a, float b);
}
