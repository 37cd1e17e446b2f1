package layerwise.layers;

/**
 * Averages each channel over all steps.
 * C_out = C_in; no parameters.
 * Input shape: (steps, channels). Output shape: (channels,), or (1, channels) with keepdims.
 */
public final class GlobalAveragePooling1D extends GlobalPooling<GlobalAveragePooling1D> {
    public GlobalAveragePooling1D() {
        super(1);
    }

    @Override Pool pool() { return Pool.AVERAGE; }
}
