package layerwise.ndarray;

/**
 * im2col and col2im for 3-D windows on channels-last batches (n, depth, rows, cols, c), the
 * volume version of {@link Patches}: every window becomes one row of (k_d·k_h·k_w·c) numbers, so a
 * Conv3D is one matrix product and 3-D pooling a reduction over each row.
 * <pre>
 *   cols[(b, i, j, l), (di, dj, dl, ch)] = x[b, i·s_d + di·d_d − p_d, j·s_h + dj·d_h − p_h, l·s_w + dl·d_w − p_w, ch]   (0 outside)
 * </pre>
 */
public final class Volumes {
    private Volumes() {}

    /** The geometry of a 3-D window over (depth, rows, cols) of a batch of n samples with c channels. */
    public record Geometry(int n, int c, WindowAxis depth, WindowAxis rows, WindowAxis cols) {
        public int windows() { return n * depth.out() * rows.out() * cols.out(); }
        public int patch() { return depth.k() * rows.k() * cols.k() * c; }
        public int[] outDims(int channels) { return new int[] {n, depth.out(), rows.out(), cols.out(), channels}; }
        public int[] inDims() { return new int[] {n, depth.in(), rows.in(), cols.in(), c}; }
    }

    /** Every window of x (n, depth, rows, cols, c) as one row: (windows, k_d·k_h·k_w·c). */
    public static NDArray im2col(NDArray x, Geometry g) {
        float[] in = x.data(), cols = new float[g.windows() * g.patch()];
        walk(g, (src, dst) -> System.arraycopy(in, src, cols, dst, g.c));
        return NDArray.wrap(cols, g.windows(), g.patch());
    }

    /** The transpose of im2col: each row's numbers are added back onto the input positions they came from. */
    public static NDArray col2im(NDArray cols, Geometry g) {
        float[] rows = cols.data(), dx = new float[g.n * g.depth.in() * g.rows.in() * g.cols.in() * g.c];
        walk(g, (src, dst) -> {
            for (int ch = 0; ch < g.c; ch++) dx[src + ch] += rows[dst + ch];
        });
        return NDArray.wrap(dx, g.inDims());
    }

    private interface Visit { void at(int inputOffset, int colsOffset); }

    /** Calls {@code visit} for every window tap that lands inside the input. */
    private static void walk(Geometry g, Visit visit) {
        WindowAxis a = g.depth, b = g.rows, e = g.cols;
        int row = 0;
        for (int n = 0; n < g.n; n++) {
            for (int i = 0; i < a.out(); i++) for (int j = 0; j < b.out(); j++) for (int l = 0; l < e.out(); l++, row++) {
                int dst = row * g.patch();
                for (int di = 0; di < a.k(); di++) for (int dj = 0; dj < b.k(); dj++) for (int dl = 0; dl < e.k(); dl++, dst += g.c) {
                    int z = a.at(i, di), y = b.at(j, dj), x = e.at(l, dl);
                    if (z < 0 || z >= a.in() || y < 0 || y >= b.in() || x < 0 || x >= e.in()) continue;
                    visit.at((((n * a.in() + z) * b.in() + y) * e.in() + x) * g.c, dst);
                }
            }
        }
    }
}
