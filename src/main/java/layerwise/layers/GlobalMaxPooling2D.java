package layerwise.layers;

/**
 * Keeps the largest value of each channel over all rows and columns.
 * C_out = C_in; no parameters.
 * Input shape: (rows, cols, channels). Output shape: (channels,), or (1, 1, channels) with keepdims.
 */
public final class GlobalMaxPooling2D extends GlobalPooling<GlobalMaxPooling2D> {
    public GlobalMaxPooling2D() {
        super(2);
    }

    @Override Pool pool() { return Pool.MAX; }
}
