package layerwise.ndarray.kernels;

/**
 * The exponential family on a range [from, to) of a float array, in place: e^(x − shift), the
 * sigmoid σ(x) = 1/(1 + e^−x) and tanh x. What a softmax row and an LSTM's gates spend their time on.
 * Kernels keep no state, so threads share one.
 */
public interface Transcendentals {
    /** x[i] = e^(x[i] − shift); returns the sum of the new numbers. */
    float expShifted(float[] x, int from, int to, float shift);

    /** x[i] = 1/(1 + e^(−x[i])). */
    void sigmoid(float[] x, int from, int to);

    /** x[i] = tanh x[i]. */
    void tanh(float[] x, int from, int to);

    /**
     * The Vector API kernel when its module is present (see {@link Gemm#usesVectorApi()}): the JVM
     * computes its exponentials many lanes at a time, as exact as Math.exp (about 1 ulp), where Math
     * takes one number per call. Else plain Java.
     */
    static Transcendentals create() {
        return Gemm.vectorOr(Transcendentals.class, "VectorTranscendentals", PlainTranscendentals::new);
    }
}
