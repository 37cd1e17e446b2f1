package layerwise.layers;

/**
 * Replaces each pool window over depth, rows and columns by its mean.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (depth_out, rows_out, cols_out, channels).
 */
public final class AveragePooling3D extends Pooling<AveragePooling3D> {
    /** {@code new AveragePooling3D()} is a 2×2×2 window; the stride defaults to the window. */
    public AveragePooling3D(int... poolSize) {
        super(3, poolSize);
    }

    @Override protected String kind() { return "average"; }
}
