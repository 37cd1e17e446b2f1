package layerwise.ndarray.kernels;

/**
 * One output row of MaxPooling2D(2) with every window inside the image, on channels-last numbers:
 * output pixel j of the row takes the max over input pixels 2j and 2j + 1 of two input rows.
 * <pre>
 *   out[o + j·c + ch]    = max of x[t + 2j·c + ch], x[t + (2j+1)·c + ch], x[t + below + 2j·c + ch], x[t + below + (2j+1)·c + ch]
 *   argmax[o + j·c + ch] = where that max lies, the first of the four in row-major order on a tie
 * </pre>
 * Kernels keep no state, so threads share one.
 */
public interface HalvingMaxPool {
    void row(float[] x, int t, int below, int c, int wOut, float[] out, int[] argmax, int o);

    /** The Vector API kernel when its module is present (see {@link Gemm#usesVectorApi()}), else plain Java. */
    static HalvingMaxPool create() {
        return Gemm.vectorOr(HalvingMaxPool.class, "VectorHalvingMaxPool", PlainHalvingMaxPool::new);
    }

    /**
     * One window of four taps starting at t0…t3, channel by channel. The max is taken with Math.max and
     * the winner found by walking the taps backwards, keeping each that equals it: selects without a
     * data-dependent jump, which the JIT compiles to max and conditional-move instructions (random numbers
     * would make a compare-and-jump mispredict half the time).
     */
    static void fourTaps(float[] x, int t0, int t1, int t2, int t3, float[] out, int[] argmax, int o, int c) {
        for (int ch = 0; ch < c; ch++) {
            float v0 = x[t0 + ch], v1 = x[t1 + ch], v2 = x[t2 + ch], v3 = x[t3 + ch];
            float best = Math.max(Math.max(v0, v1), Math.max(v2, v3));
            int at = v3 == best ? t3 : t0;
            at = v2 == best ? t2 : at;
            at = v1 == best ? t1 : at;
            at = v0 == best ? t0 : at;
            out[o + ch] = best;
            argmax[o + ch] = at + ch;
        }
    }
}
