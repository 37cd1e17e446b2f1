package layerwise.layers;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.WindowAxis;

/**
 * Converts batches between channels_first (N, C, spatial…) and channels_last (N, spatial…, C). The
 * sliding-window kernels work on channels_last only, so a channels_first layer converts on the way in
 * and back on the way out.
 */
final class DataFormat {
    private DataFormat() {}

    static NDArray toChannelsLast(NDArray x) {
        int r = x.rank();
        int[] axes = new int[r];
        axes[0] = 0;
        for (int i = 1; i < r - 1; i++) axes[i] = i + 1;
        axes[r - 1] = 1;
        return x.permute(axes).contiguous();
    }

    static NDArray toChannelsFirst(NDArray x) {
        int r = x.rank();
        int[] axes = new int[r];
        axes[0] = 0;
        axes[1] = r - 1;
        for (int i = 2; i < r; i++) axes[i] = i - 1;
        return x.permute(axes).contiguous();
    }

    /**
     * The window geometry of a channels_last batch of rank 3 (N, steps, C) or 4 (N, H, W, C); a 1-D
     * input is treated as an image of height 1.
     */
    static Patches.Geometry geometry(NDArray x, int[] k, int[] s, int[] d, String padding) {
        int last = k.length - 1;
        WindowAxis rows = x.rank() == 3 ? WindowAxis.NONE : Window.axis(x.dim(1), k[0], s[0], d[0], padding);
        return Patches.Geometry.of(x.dim(0), x.dim(-1), rows, Window.axis(x.dim(-2), k[last], s[last], d[last], padding));
    }

    /** The output batch shape for a geometry: (N, W_out, C) for 1-D, (N, H_out, W_out, C) for 2-D. */
    static int[] outDims(Patches.Geometry g, int rank, int channels) {
        return rank == 3 ? new int[] {g.n(), g.wOut(), channels} : new int[] {g.n(), g.hOut(), g.wOut(), channels};
    }
}
