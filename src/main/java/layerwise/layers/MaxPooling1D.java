package layerwise.layers;

/**
 * Keeps the largest value of each window of steps, separately for every channel.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (steps, channels). Output shape: (steps_out, channels).
 */
public final class MaxPooling1D extends Pooling<MaxPooling1D> {
    /** {@code new MaxPooling1D()}: a window of 2 steps, moved by its own size. */
    public MaxPooling1D() { this(2); }

    /** {@code new MaxPooling1D(3)}: a window of 3 steps, moved by its own size. */
    public MaxPooling1D(int poolSize) { super(1, poolSize); }

    /** {@code new MaxPooling1D(3, 1)}: as Keras's MaxPooling1D(3, 1), a window of 3 steps moved with strides 1. */
    public MaxPooling1D(int poolSize, int strides) { super(1, poolSize, strides); }

    @Override Pool pool() { return Pool.MAX; }
}
