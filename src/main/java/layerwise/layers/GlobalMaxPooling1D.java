package layerwise.layers;

/**
 * Keeps the largest value of each channel over all steps.
 * C_out = C_in; no parameters.
 * Input shape: (steps, channels). Output shape: (channels,), or (1, channels) with keepdims.
 */
public final class GlobalMaxPooling1D extends GlobalPooling<GlobalMaxPooling1D> {
    public GlobalMaxPooling1D() {
        super(1);
    }

    @Override Pool pool() { return Pool.MAX; }
}
