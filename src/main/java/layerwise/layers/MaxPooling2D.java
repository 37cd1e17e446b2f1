package layerwise.layers;

/**
 * Keeps the largest value of each pool window over rows and columns.
 * O = ⌊(W − K)/S⌋ + 1 per axis; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows_out, cols_out, channels).
 */
public final class MaxPooling2D extends Pooling<MaxPooling2D> {
    /** {@code new MaxPooling2D()}: a 2×2 window, moved by its own size. */
    public MaxPooling2D() { this(2); }

    /** {@code new MaxPooling2D(3)}: a window of 3×3, moved by its own size. */
    public MaxPooling2D(int poolSize) { super(2, poolSize); }

    /** {@code new MaxPooling2D(3, 1)}: as Keras's MaxPooling2D(3, 1), a window of 3×3 moved with strides 1. */
    public MaxPooling2D(int poolSize, int strides) { super(2, poolSize, strides); }

    @Override Pool pool() { return Pool.MAX; }
}
