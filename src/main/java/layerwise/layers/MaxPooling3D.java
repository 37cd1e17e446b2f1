package layerwise.layers;

import layerwise.ndarray.NDArray;

/**
 * Keeps the largest value of each pool window over depth, rows and columns.
 * O = ⌊(W − K)/S⌋ + 1 per axis ('valid'), ⌈W/S⌉ ('same'); no parameters.
 * Input shape: (depth, rows, cols, channels). Output shape: (depth_out, rows_out, cols_out, channels).
 */
public final class MaxPooling3D extends Pooling<MaxPooling3D> {
    private VolumePooling pool;

    /** {@code new MaxPooling3D()} is a 2×2×2 window; the stride defaults to the window. */
    public MaxPooling3D(int... poolSize) {
        super(3, poolSize);
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        boolean last = dataFormat.equals("channels_last");
        pool = new VolumePooling(true);
        NDArray y = pool.forward(last ? x.contiguous() : DataFormat.toChannelsLast(x), poolSize, stridesOrDefault(), padding);
        return last ? y : DataFormat.toChannelsFirst(y);
    }

    @Override
    public NDArray backward(NDArray gradOut) {
        boolean last = dataFormat.equals("channels_last");
        NDArray dx = pool.backward(last ? gradOut.contiguous() : DataFormat.toChannelsLast(gradOut));
        return last ? dx : DataFormat.toChannelsFirst(dx);
    }

    @Override protected String kind() { return "max"; }
}
