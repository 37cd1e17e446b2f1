package layerwise.layers;

/**
 * Keeps the largest value of each channel over all depths, rows and columns of a volume.
 * C_out = C_in; no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (channels,), or (1, 1, 1, channels) with keepdims.
 */
public final class GlobalMaxPooling3D extends GlobalPooling<GlobalMaxPooling3D> {
    public GlobalMaxPooling3D() {
        super(3);
    }

    @Override Pool pool() { return Pool.MAX; }
}
