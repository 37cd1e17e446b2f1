package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.ndarray.NDArray;
import layerwise.ndarray.Patches;
import layerwise.ndarray.WindowAxis;

/**
 * Converts batches between channels_first (N, C, spatial…) and channels_last (N, spatial…, C). The
 * sliding-window kernels work on channels_last only, so a channels_first layer converts on the way in
 * and back on the way out.
 */
final class DataFormat {
    static final List<String> NAMES = List.of("channels_last", "channels_first");

    private DataFormat() {}

    /** Names of the spatial axes, in order: (steps), (rows, cols) or (depth, rows, cols). */
    static List<String> spatialAxes(int rank) {
        return switch (rank) {
            case 1 -> List.of("steps");
            case 2 -> List.of("rows", "cols");
            default -> List.of("depth", "rows", "cols");
        };
    }

    /** The axes of a sample in this format: (rows, cols, channels) or (channels, rows, cols). */
    static String axesText(int rank, String format) {
        List<String> axes = new ArrayList<>(spatialAxes(rank));
        if (format.equals("channels_last")) axes.add("channels"); else axes.add(0, "channels");
        return "(" + String.join(", ", axes) + ")";
    }

    /** A batch in {@code format} as a compact channels-last batch. */
    static NDArray toLast(String format, NDArray x) { return format.equals("channels_last") ? x.contiguous() : toChannelsLast(x); }

    /** A channels-last batch in {@code format}; null stays null (an input gradient nobody needs). */
    static NDArray from(String format, NDArray x) { return x == null || format.equals("channels_last") ? x : toChannelsFirst(x); }

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
     * The window geometry of a channels_last batch of rank 3 (N, steps, C) or 4 (N, H, W, C), from the
     * layers' one window rule; a 1-D input is an image of height 1.
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
