package layerwise.layers;

/**
 * Replaces each window of steps by its mean, separately for every channel.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (steps, channels). Output shape: (steps_out, channels).
 */
public final class AveragePooling1D extends Pooling<AveragePooling1D> {
    /** {@code new AveragePooling1D()}: a window of 2 steps, moved by its own size. */
    public AveragePooling1D() { this(2); }

    /** {@code new AveragePooling1D(3)}: a window of 3 steps, moved by its own size. */
    public AveragePooling1D(int poolSize) { super(1, poolSize); }

    /** {@code new AveragePooling1D(3, 1)}: as Keras's AveragePooling1D(3, 1), a window of 3 steps moved with strides 1. */
    public AveragePooling1D(int poolSize, int strides) { super(1, poolSize, strides); }

    @Override Pool pool() { return Pool.AVERAGE; }
}
