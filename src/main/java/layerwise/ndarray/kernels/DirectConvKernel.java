package layerwise.ndarray.kernels;

/**
 * The inner loops of a direct convolution on channels-last numbers (see
 * {@link layerwise.ndarray.DirectConvolution}): one call handles a run of {@code count} neighbouring
 * output positions of one image row. Position k reads the input at xb + k·c, and window entry
 * p = (di, dj, ch) lies a fixed {@code at[p]} further on, so no im2col matrix is built:
 * <pre>
 *   forward      z[zb + k·F + f]  = bias[f] + Σ_p w[p·F + f] · x[xb + k·c + at[p]]
 *   weightGrad   dw[p·F + f]     += Σ_k x[xb + k·c + at[p]] · dz[zb + k·F + f]
 *                db[f]           += Σ_k dz[zb + k·F + f]
 * </pre>
 * w is the Keras kernel (k_h, k_w, c, F) flattened, so row p holds the F filters' weights for entry p;
 * forward reads it in the layout {@link #weights} returns. Each thread uses its own instance.
 */
public interface DirectConvKernel {
    /** True when this kernel computes layers with this many filters. */
    boolean handles(int filters);

    /** The kernel's weights as forward reads them: w itself, or a copy laid out for the SIMD registers. */
    float[] weights(float[] w, int filters);

    /**
     * The sample the next calls read, x[from] to x[from + length − 1]: a kernel may lay it out its own
     * way first. Calls for other samples must come after another input.
     */
    default void input(float[] x, int from, int length, int c, int filters) {}

    void forward(int count, float[] x, int xb, int c, int[] at, float[] w, int filters, float[] bias, float[] z, int zb);

    void weightGrad(int count, float[] x, int xb, int c, int[] at, float[] dz, int zb, int filters, float[] dw, float[] db);

    /** The Vector API kernel when its module is present (see {@link Gemm#usesVectorApi()}), else plain Java. */
    static DirectConvKernel create() {
        return Gemm.vectorOr(DirectConvKernel.class, "VectorDirectConvKernel", PlainDirectConvKernel::new);
    }
}
