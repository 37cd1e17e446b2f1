package layerwise.layers;

/**
 * Averages each channel over all rows and columns: a feature map becomes one number.
 * C_out = C_in; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (channels,), or (1, 1, channels) with keepdims.
 */
public final class GlobalAveragePooling2D extends GlobalPooling<GlobalAveragePooling2D> {
    public GlobalAveragePooling2D() {
        super(2);
    }

    @Override Pool pool() { return Pool.AVERAGE; }
}
