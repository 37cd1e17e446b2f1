package layerwise.ndarray.kernels;

/**
 * One SGD step on a weight array, in place and in one pass over memory (weights, gradient and
 * velocity are each read once and written at most once), cut into fixed pieces run on the cores:
 * <pre>
 *   v = momentum·v − lr·g
 *   w = w + v                         (classic momentum)
 *   w = w + momentum·v − lr·g         (Nesterov)
 * </pre>
 * With momentum 0 it is w = w − lr·g and no velocity is needed.
 */
public final class SgdUpdate {
    private static final int GRAIN = 1 << 18;

    private SgdUpdate() {}

    public static void plain(float[] w, float[] g, float lr) {
        Parallel.forRange(w.length, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) w[i] -= lr * g[i];
        });
    }

    public static void momentum(float[] w, float[] g, float[] v, float lr, float momentum, boolean nesterov) {
        Parallel.forRange(w.length, GRAIN, (from, to) -> {
            if (nesterov) {
                for (int i = from; i < to; i++) {
                    float vi = momentum * v[i] - lr * g[i];
                    v[i] = vi;
                    w[i] += momentum * vi - lr * g[i];
                }
            } else {
                for (int i = from; i < to; i++) {
                    float vi = momentum * v[i] - lr * g[i];
                    v[i] = vi;
                    w[i] += vi;
                }
            }
        });
    }
}
