package layerwise.ndarray;

import layerwise.ndarray.kernels.HalvingMaxPool;
import layerwise.ndarray.kernels.Parallel;

/**
 * The sliding-window kernels behind convolution and pooling, on channels-last batches (n, h, w, c).
 * im2col copies every window into one row, so a convolution becomes one matrix product:
 * <pre>
 *   cols[(b, i, j), (di, dj, ch)] = x[b, i·s_h + di·d_h − p_top, j·s_w + dj·d_w − p_left, ch]   (0 outside)
 *   out = cols · W      with W of shape (k_h·k_w·c, filters), Keras's kernel layout flattened
 * </pre>
 * col2im is its transpose: it adds each row's gradient back onto the pixels the window covered.
 * A 1-D layer uses the same code with h = 1.
 */
public final class Patches {
    private static final HalvingMaxPool HALVING = HalvingMaxPool.create();

    private Patches() {}

    /** Sizes of one sliding-window computation: input, kernel, stride, dilation, padding, output. */
    public record Geometry(int n, int h, int w, int c, int kh, int kw, int sh, int sw, int dh, int dw,
                           int padTop, int padLeft, int hOut, int wOut) {
        public int rows() { return n * hOut * wOut; }
        public int patch() { return kh * kw * c; }

        /** The geometry of a window sliding over rows and cols of a batch of n samples with c channels. */
        public static Geometry of(int n, int c, WindowAxis rows, WindowAxis cols) {
            return new Geometry(n, rows.in(), cols.in(), c, rows.k(), cols.k(), rows.s(), cols.s(), rows.d(), cols.d(),
                    rows.padBefore(), cols.padBefore(), rows.out(), cols.out());
        }

        /** The input batch shape (n, h, w, c). */
        public int[] inDims() { return new int[] {n, h, w, c}; }

        /** The output batch shape (n, h_out, w_out, channels). */
        public int[] outDims(int channels) { return new int[] {n, hOut, wOut, channels}; }
    }

    /** Every window of x (n, h, w, c) as one row: (n·h_out·w_out, k_h·k_w·c). */
    public static NDArray im2col(NDArray x, Geometry g) { return NDArray.wrap(im2col(x.data(), g), g.rows(), g.patch()); }

    /** The gradient of im2col: cols (n·h_out·w_out, k_h·k_w·c) added back onto the pixels, (n, h, w, c). */
    public static NDArray col2im(NDArray cols, Geometry g) { return NDArray.wrap(col2im(cols.data(), g), g.inDims()); }

    /** Max pooling of x (n, h, w, c) into (n, h_out, w_out, c); argmax receives each output's winner. */
    public static NDArray maxPool(NDArray x, Geometry g, int[] argmax) { return NDArray.wrap(maxPool(x.data(), g, argmax), g.outDims(g.c)); }

    /** The whole gradient of each output goes to the input that won its window. */
    public static NDArray maxPoolBackward(NDArray gradOut, Geometry g, int[] argmax) {
        return NDArray.wrap(maxPoolBackward(gradOut.data(), g, argmax), g.inDims());
    }

    public static NDArray avgPool(NDArray x, Geometry g) { return NDArray.wrap(avgPool(x.data(), g), g.outDims(g.c)); }

    /** Each output's gradient is shared equally by the input cells of its window. */
    public static NDArray avgPoolBackward(NDArray gradOut, Geometry g) { return NDArray.wrap(avgPoolBackward(gradOut.data(), g), g.inDims()); }

    static float[] im2col(float[] x, Geometry g) {
        float[] cols = new float[g.rows() * g.patch()];
        Parallel.forEach(g.n, cols.length, b -> {
            int row = b * g.hOut * g.wOut;
            for (int i = 0; i < g.hOut; i++) {
                for (int j = 0; j < g.wOut; j++, row++) {
                    int dst = row * g.patch();
                    for (int di = 0; di < g.kh; di++, dst += g.kw * g.c) {
                        int y = i * g.sh + di * g.dh - g.padTop, x0 = j * g.sw - g.padLeft;
                        if (y < 0 || y >= g.h) continue;
                        if (g.dw == 1 && x0 >= 0 && x0 + g.kw <= g.w) {
                            // the whole row of the window is inside: its kw·c numbers are adjacent
                            copy(x, ((b * g.h + y) * g.w + x0) * g.c, cols, dst, g.kw * g.c);
                            continue;
                        }
                        for (int dj = 0; dj < g.kw; dj++) {
                            int xx = x0 + dj * g.dw;
                            if (xx < 0 || xx >= g.w) continue;
                            copy(x, ((b * g.h + y) * g.w + xx) * g.c, cols, dst + dj * g.c, g.c);
                        }
                    }
                }
            }
        });
        return cols;
    }

    /** System.arraycopy, except that a few numbers are copied in a loop, which is faster than the call. */
    private static void copy(float[] src, int from, float[] dst, int to, int length) {
        if (length >= 32) {
            System.arraycopy(src, from, dst, to, length);
            return;
        }
        for (int q = 0; q < length; q++) dst[to + q] = src[from + q];
    }

    /** The gradient of im2col: each window row's numbers are added back onto the input pixels they came from. */
    static float[] col2im(float[] cols, Geometry g) {
        float[] dx = new float[g.n * g.h * g.w * g.c];
        Parallel.forEach(g.n, (long) g.rows() * g.patch(), b -> {
            int row = b * g.hOut * g.wOut;
            for (int i = 0; i < g.hOut; i++) {
                for (int j = 0; j < g.wOut; j++, row++) {
                    int src = row * g.patch();
                    for (int di = 0; di < g.kh; di++) {
                        int y = i * g.sh + di * g.dh - g.padTop;
                        for (int dj = 0; dj < g.kw; dj++, src += g.c) {
                            int xx = j * g.sw + dj * g.dw - g.padLeft;
                            if (y < 0 || y >= g.h || xx < 0 || xx >= g.w) continue;
                            int dst = ((b * g.h + y) * g.w + xx) * g.c;
                            for (int ch = 0; ch < g.c; ch++) dx[dst + ch] += cols[src + ch];
                        }
                    }
                }
            }
        });
        return dx;
    }

    /**
     * Max pooling: out[b, i, j, ch] = max over the window (padding never wins). {@code argmax} receives,
     * per output, the flat input index of the winner (the first one on a tie), which is all backward needs.
     * <p>
     * The usual MaxPooling2D(2) goes row by row to {@link HalvingMaxPool}. Otherwise each window's taps
     * inside the image are listed once; then one pass per channel takes the maximum, and a second walks
     * the taps backwards keeping each one that equals it, so the first winner is the last kept. Both
     * are selects without a data-dependent jump, which the JIT compiles to max and conditional-move
     * instructions: random numbers would make a compare-and-jump mispredict half the time. A window of
     * four taps has them spelled out, which keeps C2 from turning the tap loop back into jumps.
     */
    private static float[] maxPool(float[] x, Geometry g, int[] argmax) {
        float[] out = new float[g.rows() * g.c];
        boolean halving = isHalving(g);
        Parallel.forEach(g.n, (long) g.rows() * g.c * g.kh * g.kw, b -> {
            if (halving) {
                halvingMaxPool(x, g, b, out, argmax);
                return;
            }
            int[] taps = new int[g.kh * g.kw];
            int o = b * g.hOut * g.wOut * g.c;
            for (int i = 0; i < g.hOut; i++) {
                for (int j = 0; j < g.wOut; j++, o += g.c) {
                    int count = 0;
                    for (int di = 0; di < g.kh; di++) {
                        for (int dj = 0; dj < g.kw; dj++) {
                            int in = tapStart(g, b, i, j, di, dj);
                            if (in >= 0) taps[count++] = in;
                        }
                    }
                    windowMax(x, taps, count, out, argmax, o, g.c);
                }
            }
        });
        return out;
    }

    /** The usual MaxPooling2D(2): 2×2 windows, stride 2, every window inside the image. */
    private static boolean isHalving(Geometry g) {
        return g.kh == 2 && g.kw == 2 && g.sh == 2 && g.sw == 2 && g.dh == 1 && g.dw == 1
                && g.padTop == 0 && g.padLeft == 0 && 2 * g.hOut <= g.h && 2 * g.wOut <= g.w;
    }

    /** Sample b of a halving pool: window (i, j) covers rows 2i, 2i + 1 and columns 2j, 2j + 1. */
    private static void halvingMaxPool(float[] x, Geometry g, int b, float[] out, int[] argmax) {
        int c = g.c, rowLength = g.w * c;
        for (int i = 0; i < g.hOut; i++) {
            HALVING.row(x, (b * g.h + 2 * i) * rowLength, rowLength, c, g.wOut, out, argmax, ((b * g.hOut + i) * g.wOut) * c);
        }
    }

    /** The flat index of channel 0 of window tap (di, dj) of output (b, i, j), or −1 when it is padding. */
    private static int tapStart(Geometry g, int b, int i, int j, int di, int dj) {
        int y = i * g.sh + di * g.dh - g.padTop, xx = j * g.sw + dj * g.dw - g.padLeft;
        if (y < 0 || y >= g.h || xx < 0 || xx >= g.w) return -1;
        return ((b * g.h + y) * g.w + xx) * g.c;
    }

    private static void windowMax(float[] x, int[] taps, int count, float[] out, int[] argmax, int o, int c) {
        if (count == 4) {
            HalvingMaxPool.fourTaps(x, taps[0], taps[1], taps[2], taps[3], out, argmax, o, c);
            return;
        }
        for (int ch = 0; ch < c; ch++) {
            float best = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < count; t++) best = Math.max(best, x[taps[t] + ch]);
            int at = taps[0];
            for (int t = count - 1; t >= 0; t--) at = x[taps[t] + ch] == best ? taps[t] : at;
            out[o + ch] = best;
            argmax[o + ch] = at + ch;
        }
    }

    private static float[] maxPoolBackward(float[] gradOut, Geometry g, int[] argmax) {
        float[] dx = new float[g.n * g.h * g.w * g.c];
        int perSample = g.hOut * g.wOut * g.c;
        Parallel.forEach(g.n, gradOut.length, b -> {
            for (int o = b * perSample; o < (b + 1) * perSample; o++) dx[argmax[o]] += gradOut[o];
        });
        return dx;
    }

    /** Average pooling over the window's cells inside the input (as Keras, padding cells are not counted). */
    private static float[] avgPool(float[] x, Geometry g) {
        float[] out = new float[g.rows() * g.c];
        float[] count = counts(g);
        forEachTap(g, (o, in) -> out[o] += x[in]);
        for (int o = 0; o < out.length; o++) out[o] /= count[o];
        return out;
    }

    private static float[] avgPoolBackward(float[] gradOut, Geometry g) {
        float[] dx = new float[g.n * g.h * g.w * g.c];
        float[] count = counts(g);
        forEachTap(g, (o, in) -> dx[in] += gradOut[o] / count[o]);
        return dx;
    }

    private static float[] counts(Geometry g) {
        float[] count = new float[g.rows() * g.c];
        forEachTap(g, (o, in) -> count[o]++);
        return count;
    }

    private interface Tap { void at(int outIndex, int inIndex); }

    /**
     * Calls {@code tap} for every (output element, input element inside the image) pair of every window.
     * Samples run in parallel: each writes only its own outputs (and, backward, its own inputs).
     */
    private static void forEachTap(Geometry g, Tap tap) {
        Parallel.forEach(g.n, (long) g.rows() * g.c * g.kh * g.kw, b -> {
            int o = b * g.hOut * g.wOut * g.c;
            for (int i = 0; i < g.hOut; i++) {
                for (int j = 0; j < g.wOut; j++, o += g.c) {
                    for (int di = 0; di < g.kh; di++) {
                        int y = i * g.sh + di * g.dh - g.padTop;
                        if (y < 0 || y >= g.h) continue;
                        for (int dj = 0; dj < g.kw; dj++) {
                            int xx = j * g.sw + dj * g.dw - g.padLeft;
                            if (xx < 0 || xx >= g.w) continue;
                            int in = ((b * g.h + y) * g.w + xx) * g.c;
                            for (int ch = 0; ch < g.c; ch++) tap.at(o + ch, in + ch);
                        }
                    }
                }
            }
        });
    }
}
