package layerwise.layers;

/**
 * Replaces each pool window over rows and columns by its mean.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows_out, cols_out, channels).
 */
public final class AveragePooling2D extends Pooling<AveragePooling2D> {
    /** {@code new AveragePooling2D()} is a 2×2 window; the stride defaults to the window. */
    public AveragePooling2D(int... poolSize) {
        super(2, poolSize);
    }

    @Override protected String kind() { return "average"; }
}
