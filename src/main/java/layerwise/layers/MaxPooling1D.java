package layerwise.layers;

/**
 * Keeps the largest value of each window of steps, separately for every channel.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (steps, channels). Output shape: (steps_out, channels).
 */
public final class MaxPooling1D extends Pooling<MaxPooling1D> {
    /** {@code new MaxPooling1D()} is a window of 2 steps; the stride defaults to the window. */
    public MaxPooling1D(int... poolSize) {
        super(1, poolSize);
    }

    @Override protected String kind() { return "max"; }
}
