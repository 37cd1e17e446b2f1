package layerwise.layers;

/**
 * Keeps the largest value of each pool window over depth, rows and columns.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (depth_out, rows_out, cols_out, channels).
 */
public final class MaxPooling3D extends Pooling<MaxPooling3D> {
    /** {@code new MaxPooling3D()} is a 2×2×2 window; the stride defaults to the window. */
    public MaxPooling3D(int... poolSize) {
        super(3, poolSize);
    }

    @Override protected String kind() { return "max"; }
}
