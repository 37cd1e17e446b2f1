package layerwise.layers;

/**
 * Keeps the largest value of each pool window over rows and columns.
 * O = ⌊(W − K)/S⌋ + 1 per axis; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (rows_out, cols_out, channels).
 */
public final class MaxPooling2D extends Pooling<MaxPooling2D> {
    /** {@code new MaxPooling2D()} is a 2×2 window; {@code new MaxPooling2D(3)} 3×3; stride defaults to the window. */
    public MaxPooling2D(int... poolSize) {
        super(2, poolSize);
    }

    @Override protected String kind() { return "max"; }
}
