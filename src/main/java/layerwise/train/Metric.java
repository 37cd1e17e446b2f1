package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * Accuracy, in the kind that fits the loss (Keras picks it for "accuracy" the same way):
 * categorical: argmax of prediction = argmax of one-hot target; sparse: argmax = class number;
 * binary: (prediction &gt; threshold) = target. Averaged over every predicted row.
 */
public enum Metric {
    CATEGORICAL_ACCURACY, SPARSE_CATEGORICAL_ACCURACY, BINARY_ACCURACY;

    /** Fraction correct; {@code threshold} is 0.5 for probabilities, 0 for sigmoid logits. */
    public double compute(NDArray yPred, NDArray yTrue, float threshold) {
        float[] p = yPred.data(), t = yTrue.data();
        int c = yPred.dim(-1), rows = p.length / c, correct = 0;
        if (this == BINARY_ACCURACY) {
            for (int i = 0; i < p.length; i++) if ((p[i] > threshold) == (t[i] > 0.5f)) correct++;
            return (double) correct / p.length;
        }
        for (int r = 0; r < rows; r++) {
            int guess = argmax(p, r * c, c);
            int truth = this == SPARSE_CATEGORICAL_ACCURACY ? (int) t[r] : argmax(t, r * c, c);
            if (guess == truth) correct++;
        }
        return (double) correct / rows;
    }

    private static int argmax(float[] a, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (a[from + j] > a[from + best]) best = j;
        return best;
    }
}
