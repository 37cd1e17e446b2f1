package layerwise.ndarray.kernels;

/**
 * One Adam step on a weight array, in place and in one pass over memory (weights, gradient and both
 * moments are each read once and written at most once), cut into fixed pieces run on the cores:
 * <pre>
 *   m = β1·m + (1 − β1)·g
 *   v = β2·v + (1 − β2)·g²
 *   w = w − lr_t·m / (√v + ε)          ε outside the root, as in tf.keras
 * </pre>
 * The caller folds the bias correction into lr_t = lr·√(1 − β2^t) / (1 − β1^t), one number per step.
 * Everything is float: the root is correctly rounded, so only the division and the sums may differ
 * from a double computation, by float rounding.
 */
public final class AdamUpdate {
    /** Pieces of 256 K numbers: below that, handing work to another thread costs more than it saves. */
    static final int GRAIN = 1 << 18;

    private AdamUpdate() {}

    public static void step(float[] w, float[] g, float[] m, float[] v, float lrT, float beta1, float beta2, float epsilon) {
        float oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
        Parallel.forRange(w.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + oneMinusBeta1 * gi;
                float vi = beta2 * v[i] + oneMinusBeta2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= lrT * mi / ((float) Math.sqrt(vi) + epsilon);
            }
        });
    }
}
