package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * Cross-entropy over the last (class) axis, averaged over samples and positions: −Σ_c t_c·log p_c.
 * Targets are one-hot rows, or with {@code sparse} the class numbers (Keras's sparse_categorical_crossentropy).
 * From the logits z of a softmax: Σ_c t_c·(logsumexp(z) − z_c), with gradient softmax(z)·Σt − t;
 * log-sum-exp subtracts max z first, so logits of ±1000 give finite numbers.
 */
final class CategoricalCrossentropy implements Loss {
    private static final float EPS = Losses.EPSILON;
    private final boolean sparse;

    CategoricalCrossentropy(boolean sparse) { this.sparse = sparse; }

    @Override public String name() { return sparse ? "sparse_categorical_crossentropy" : "categorical_crossentropy"; }

    @Override
    public double value(NDArray yPred, NDArray yTrue) {
        float[] p = yPred.data(), t = targets(yPred, yTrue);
        int c = yPred.dim(-1), rows = p.length / c;
        double sum = 0;
        for (int i = 0; i < p.length; i++) if (t[i] != 0) sum -= t[i] * Math.log(Math.min(Math.max(p[i], EPS), 1 - EPS));
        return sum / rows;
    }

    @Override
    public NDArray gradient(NDArray yPred, NDArray yTrue) {
        float[] p = yPred.data(), t = targets(yPred, yTrue), g = new float[p.length];
        int rows = p.length / yPred.dim(-1);
        for (int i = 0; i < p.length; i++) {
            if (t[i] != 0 && p[i] >= EPS && p[i] <= 1 - EPS) g[i] = -t[i] / p[i] / rows;
        }
        return NDArray.wrap(g, yPred.dims());
    }

    @Override public boolean fusesWith(String activation) { return activation.equals("softmax"); }

    @Override
    public double valueFromLogits(NDArray z, NDArray yTrue) {
        float[] x = z.data(), t = targets(z, yTrue);
        int c = z.dim(-1), rows = x.length / c;
        double sum = 0;
        for (int r = 0; r < x.length; r += c) {
            double lse = logSumExp(x, r, c);
            for (int j = 0; j < c; j++) if (t[r + j] != 0) sum += t[r + j] * (lse - x[r + j]);
        }
        return sum / rows;
    }

    @Override
    public NDArray gradientFromLogits(NDArray z, NDArray yTrue) {
        float[] x = z.data(), t = targets(z, yTrue), g = new float[x.length];
        int c = z.dim(-1), rows = x.length / c;
        for (int r = 0; r < x.length; r += c) {
            double lse = logSumExp(x, r, c), tSum = 0;
            for (int j = 0; j < c; j++) tSum += t[r + j];
            for (int j = 0; j < c; j++) g[r + j] = (float) ((Math.exp(x[r + j] - lse) * tSum - t[r + j]) / rows);
        }
        return NDArray.wrap(g, z.dims());
    }

    @Override
    public String accuracy(int outputWidth) { return sparse ? "sparse_categorical_accuracy" : "categorical_accuracy"; }

    private static double logSumExp(float[] x, int from, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, x[from + j]);
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.exp(x[from + j] - max);
        return max + Math.log(s);
    }

    /** One-hot targets as a flat array like the predictions; sparse labels are expanded here. */
    private float[] targets(NDArray yPred, NDArray yTrue) {
        if (!sparse) {
            Targets.sameShape(name(), yPred, yTrue);
            return yTrue.data();
        }
        return Targets.oneHot(name(), yPred, yTrue);
    }
}
