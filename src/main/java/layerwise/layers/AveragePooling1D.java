package layerwise.layers;

/**
 * Replaces each window of steps by its mean, separately for every channel.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (steps, channels). Output shape: (steps_out, channels).
 */
public final class AveragePooling1D extends Pooling<AveragePooling1D> {
    /** {@code new AveragePooling1D()} is a window of 2 steps; the stride defaults to the window. */
    public AveragePooling1D(int... poolSize) {
        super(1, poolSize);
    }

    @Override protected String kind() { return "average"; }
}
