package layerwise.ndarray.kernels;

/**
 * One Adagrad step on a weight array, in place and in one pass over memory (weights, gradient and
 * accumulator are each read once and written at most once), cut into fixed pieces run on the cores:
 * <pre>
 *   a = a + g²
 *   w = w − lr·g / (√a + ε)            ε outside the root, as in tf.keras
 * </pre>
 * Everything is float: the root is correctly rounded, so only the division may differ from a double
 * computation, by float rounding.
 */
public final class AdagradUpdate {
    /** Pieces of 256 K numbers: below that, handing work to another thread costs more than it saves. */
    static final int GRAIN = 1 << 18;

    private AdagradUpdate() {}

    public static void step(float[] w, float[] g, float[] a, float lr, float epsilon) {
        Parallel.forRange(w.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                float gi = g[i];
                float ai = a[i] + gi * gi;
                a[i] = ai;
                w[i] -= lr * gi / ((float) Math.sqrt(ai) + epsilon);
            }
        });
    }
}
