package layerwise.ndarray;

import java.util.Arrays;

import layerwise.ndarray.kernels.DirectConvKernel;
import layerwise.ndarray.kernels.Parallel;

/**
 * Convolution with stride 1 straight from the channels-last input, without an im2col matrix. In a
 * sample padded to rows of W_p pixels, output position (i, j) starts at pixel i·W_p + j, and window
 * entry (di, dj, ch) lies a fixed distance further on:
 * <pre>
 *   at[(di, dj, ch)] = (di·d_h·W_p + dj·d_w)·c + ch
 *   z[i, j, f]       = bias[f] + Σ_p x[(i·W_p + j)·c + at[p]] · W[p, f]
 * </pre>
 * so the kernel reads each number where it lies ({@link DirectConvKernel}). For a thin input (one to a
 * few channels, a 3×3 window) im2col would copy every pixel k_h·k_w times to feed a product of only
 * k_h·k_w·c terms per output; here the only copy is the padding, and 'valid' padding needs none.
 * The input gradient, needed only below the first layer, still goes through col2im.
 * <p>
 * Samples run in parallel; each task writes its own sample, and the weight gradient adds the samples'
 * parts in sample order, so the numbers do not depend on the number of threads.
 */
public final class DirectConvolution {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private DirectConvolution() {}

    /** True when this geometry and filter count can use it: stride 1, and filters that fill the SIMD registers. */
    public static boolean fits(Patches.Geometry g, int filters) {
        return g.sh() == 1 && g.sw() == 1 && SCRATCH.get().kernel.handles(filters);
    }

    /** z (n, h_out, w_out, filters) from x (n, h, w, c) and the Keras kernel (k_h, k_w, c, filters); bias may be null. */
    public static NDArray forward(NDArray input, Patches.Geometry g, NDArray kernel, NDArray bias) {
        int filters = kernel.dim(-1);
        float[] x = input.data(), z = forward(x, g, kernel.data(), bias == null ? null : bias.data(), filters);
        return NDArray.wrap(z, g.outDims(filters));
    }

    private static float[] forward(float[] x, Patches.Geometry g, float[] kernel, float[] bias, int filters) {
        Padded pad = new Padded(g);
        DirectConvKernel laidOut = SCRATCH.get().kernel;
        float[] w = laidOut.weights(kernel, filters), b = laidOut.weights(bias != null ? bias : new float[filters], filters);
        float[] z = new float[g.rows() * filters];
        Parallel.forEach(g.n(), (long) g.rows() * g.patch() * filters, s -> {
            Scratch t = SCRATCH.get();
            float[] xs = pad.sample(x, s, t);
            int xb = pad.start(s);
            t.kernel.input(xs, xb, pad.length, g.c(), filters);
            for (int i = 0; i < g.hOut(); i++) {
                t.kernel.forward(g.wOut(), xs, xb + i * pad.wp * g.c(), g.c(), pad.at, w, filters, b,
                        z, (s * g.hOut() + i) * g.wOut() * filters);
            }
        });
        return z;
    }

    /** dW (k_h, k_w, c, filters) and db (filters, may be null), both overwritten, from x and dz (n, h_out, w_out, filters). */
    public static void weightGrad(NDArray x, Patches.Geometry g, NDArray dz, NDArray dw, NDArray db) {
        weightGrad(x.data(), g, dz.data(), dw.dim(-1), dw.target("weightGrad"), db == null ? null : db.target("weightGrad"));
    }

    private static void weightGrad(float[] x, Patches.Geometry g, float[] dz, int filters, float[] dw, float[] db) {
        Padded pad = new Padded(g);
        int perSample = (g.patch() + 1) * filters;
        float[] parts = new float[g.n() * perSample];
        Parallel.forEach(g.n(), (long) g.rows() * g.patch() * filters, s -> {
            Scratch t = SCRATCH.get();
            float[] xs = pad.sample(x, s, t);
            int xb = pad.start(s);
            t.kernel.input(xs, xb, pad.length, g.c(), filters);
            float[] part = t.part(perSample);
            float[] sums = t.biasSums(filters);
            Arrays.fill(part, 0, perSample, 0f);
            for (int i = 0; i < g.hOut(); i++) {
                t.kernel.weightGrad(g.wOut(), xs, xb + i * pad.wp * g.c(), g.c(), pad.at,
                        dz, (s * g.hOut() + i) * g.wOut() * filters, filters, part, sums);
            }
            System.arraycopy(sums, 0, part, g.patch() * filters, filters);
            System.arraycopy(part, 0, parts, s * perSample, perSample);
        });
        Arrays.fill(dw, 0f);
        float[] dbAll = new float[filters];
        for (int s = 0; s < g.n(); s++) {
            for (int i = 0; i < g.patch() * filters; i++) dw[i] += parts[s * perSample + i];
            for (int f = 0; f < filters; f++) dbAll[f] += parts[s * perSample + g.patch() * filters + f];
        }
        if (db != null) System.arraycopy(dbAll, 0, db, 0, filters);
    }

    /**
     * Where a sample's pixels are read: the input itself for 'valid' padding (rows of w pixels),
     * otherwise a copy with zero borders (rows of W_p pixels) in the thread's scratch space.
     */
    private static final class Padded {
        final Patches.Geometry g;
        final int wp, hp, length;
        final boolean copies;
        final int[] at;

        Padded(Patches.Geometry g) {
            this.g = g;
            wp = g.wOut() + (g.kw() - 1) * g.dw();
            hp = g.hOut() + (g.kh() - 1) * g.dh();
            length = hp * wp * g.c();
            copies = g.padTop() != 0 || g.padLeft() != 0 || wp != g.w() || hp != g.h();
            at = new int[g.patch()];
            for (int di = 0, p = 0; di < g.kh(); di++) {
                for (int dj = 0; dj < g.kw(); dj++) {
                    for (int ch = 0; ch < g.c(); ch++) at[p++] = (di * g.dh() * wp + dj * g.dw()) * g.c() + ch;
                }
            }
        }

        /** The array holding sample s. */
        float[] sample(float[] x, int s, Scratch t) {
            if (!copies) return x;
            int c = g.c(), rowLength = g.w() * c;
            float[] xs = t.padded(hp * wp * c);
            Arrays.fill(xs, 0, hp * wp * c, 0f);
            for (int y = 0; y < g.h(); y++) {
                System.arraycopy(x, (s * g.h() + y) * rowLength, xs, ((y + g.padTop()) * wp + g.padLeft()) * c, rowLength);
            }
            return xs;
        }

        /** Where sample s starts in the array {@link #sample} returns. */
        int start(int s) { return copies ? 0 : s * g.h() * g.w() * g.c(); }
    }

    /** One thread's kernel and buffers, grown as needed and reused by every call. */
    private static final class Scratch {
        final DirectConvKernel kernel = DirectConvKernel.create();
        private float[] padded = new float[0], part = new float[0], biasSums = new float[0];

        float[] padded(int n) { return padded.length >= n ? padded : (padded = new float[n]); }

        float[] part(int n) { return part.length >= n ? part : (part = new float[n]); }

        /** Room for the bias-gradient sums of one sample, zeroed. */
        float[] biasSums(int filters) {
            if (biasSums.length != filters) biasSums = new float[filters];
            Arrays.fill(biasSums, 0f);
            return biasSums;
        }
    }
}
