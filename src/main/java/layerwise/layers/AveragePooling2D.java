package layerwise.layers;

/**
 * Replaces each pool window over rows and columns by its mean.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows_out, cols_out, channels).
 */
public final class AveragePooling2D extends Pooling<AveragePooling2D> {
    /** {@code new AveragePooling2D()}: a 2×2 window, moved by its own size. */
    public AveragePooling2D() { this(2); }

    /** {@code new AveragePooling2D(3)}: a window of 3×3, moved by its own size. */
    public AveragePooling2D(int poolSize) { super(2, poolSize); }

    /** {@code new AveragePooling2D(3, 1)}: as Keras's AveragePooling2D(3, 1), a window of 3×3 moved with strides 1. */
    public AveragePooling2D(int poolSize, int strides) { super(2, poolSize, strides); }

    @Override Pool pool() { return Pool.AVERAGE; }
}
