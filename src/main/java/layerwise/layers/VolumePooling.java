package layerwise.layers;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Volumes;
import layerwise.ndarray.WindowAxis;

/**
 * The numbers of MaxPooling3D and AveragePooling3D: every window becomes a row (im2col), then the max
 * or the mean over the row's positions, channel by channel. Positions in the padding take no part:
 * they never win a max and are not counted in a mean (as TensorFlow's pooling).
 */
final class VolumePooling {
    private final boolean max;
    private Volumes.Geometry saved;
    /** max: which position of each window won; mean: how many real positions each window holds. */
    private NDArray savedWinner, savedCount, savedInside;

    VolumePooling(boolean max) { this.max = max; }

    /** {@code xl} channels-last (n, depth, rows, cols, c). */
    NDArray forward(NDArray xl, int[] pool, int[] strides, String padding) {
        WindowAxis[] axes = new WindowAxis[3];
        for (int i = 0; i < 3; i++) axes[i] = Window.axis(xl.dim(i + 1), pool[i], strides[i], 1, padding);
        saved = new Volumes.Geometry(xl.dim(0), xl.dim(4), axes[0], axes[1], axes[2]);
        int c = saved.c();
        NDArray cols = windowed(xl);
        savedInside = windowed(NDArray.ones(xl.dims()));
        if (max) {
            NDArray candidates = cols.zip(savedInside, (v, inside) -> inside == 0 ? Float.NEGATIVE_INFINITY : v);
            savedWinner = candidates.argmax(1);
            return candidates.max(1).reshape(saved.outDims(c));
        }
        savedCount = savedInside.sum(1);
        return cols.sum(1).div(savedCount).reshape(saved.outDims(c));
    }

    /** Max: the gradient goes to the winner. Mean: it is shared over the real positions of the window. */
    NDArray backward(NDArray gradOut) {
        int windows = saved.windows(), c = saved.c(), k = saved.patch() / c;
        NDArray g = gradOut.reshape(windows, c);
        NDArray dCols;
        if (max) {
            dCols = NDArray.zeros(windows, k, c);
            for (int w = 0; w < windows; w++) {
                for (int ch = 0; ch < c; ch++) dCols.set(g.get(w, ch), w, (int) savedWinner.get(w, ch), ch);
            }
        } else {
            dCols = savedInside.mul(g.div(savedCount).reshape(windows, 1, c));
        }
        return Volumes.col2im(dCols, saved);
    }

    private NDArray windowed(NDArray x) {
        return Volumes.im2col(x, saved).reshape(saved.windows(), saved.patch() / saved.c(), saved.c());
    }
}
