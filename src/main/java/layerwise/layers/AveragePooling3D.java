package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * Replaces each pool window over depth, rows and columns by its mean.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (depth_out, rows_out, cols_out, channels).
 */
public final class AveragePooling3D extends Pooling<AveragePooling3D> {
    private VolumePooling pool;

    /** {@code new AveragePooling3D()} is a 2×2×2 window; the stride defaults to the window. */
    public AveragePooling3D(int... poolSize) {
        super(3, poolSize);
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        boolean last = dataFormat.equals("channels_last");
        pool = new VolumePooling(false);
        NDArray y = pool.forward(last ? x.contiguous() : DataFormat.toChannelsLast(x), poolSize, stridesOrDefault(), padding);
        return last ? y : DataFormat.toChannelsFirst(y);
    }

    @Override
    public NDArray backward(NDArray gradOut) {
        boolean last = dataFormat.equals("channels_last");
        NDArray dx = pool.backward(last ? gradOut.contiguous() : DataFormat.toChannelsLast(gradOut));
        return last ? dx : DataFormat.toChannelsFirst(dx);
    }

    @Override protected String kind() { return "average"; }
}
