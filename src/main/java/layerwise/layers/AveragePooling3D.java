package layerwise.layers;

/**
 * Replaces each pool window over depth, rows and columns by its mean.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (depth_out, rows_out, cols_out, channels).
 */
public final class AveragePooling3D extends Pooling<AveragePooling3D> {
    /** {@code new AveragePooling3D()}: a 2×2×2 window, moved by its own size. */
    public AveragePooling3D() { this(2); }

    /** {@code new AveragePooling3D(3)}: a window of 3×3×3, moved by its own size. */
    public AveragePooling3D(int poolSize) { super(3, poolSize); }

    /** {@code new AveragePooling3D(3, 1)}: as Keras's AveragePooling3D(3, 1), a window of 3×3×3 moved with strides 1. */
    public AveragePooling3D(int poolSize, int strides) { super(3, poolSize, strides); }

    @Override Pool pool() { return Pool.AVERAGE; }
}
