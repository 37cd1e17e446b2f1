package layerwise.ndarray.kernels;

/**
 * One RMSprop step on a weight array, in place and in one pass over memory (weights, gradient and
 * mean square are each read once and written at most once), cut into fixed pieces run on the cores:
 * <pre>
 *   s = ρ·s + (1 − ρ)·g²
 *   w = w − lr·g / (√s + ε)            ε outside the root, as in tf.keras
 * </pre>
 * Everything is float: the root is correctly rounded, so only the division and the sum may differ
 * from a double computation, by float rounding.
 */
public final class RmspropUpdate {
    /** Pieces of 256 K numbers: below that, handing work to another thread costs more than it saves. */
    static final int GRAIN = 1 << 18;

    private RmspropUpdate() {}

    public static void step(float[] w, float[] g, float[] s, float lr, float rho, float epsilon) {
        float oneMinusRho = 1 - rho;
        Parallel.forRange(w.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float si = rho * s[i] + oneMinusRho * gi * gi;
                s[i] = si;
                w[i] -= lr * gi / ((float) Math.sqrt(si) + epsilon);
            }
        });
    }
}
