package layerwise.train;

import layerwise.ndarray.NDArray;

/**
 * Precision = TP / (TP + FP) and recall = TP / (TP + FN), as Keras's Precision() and Recall(): every
 * output number is a yes/no guess (yes when above 0.5), the counts add up over the whole epoch (not a
 * mean of per-batch figures), and a figure with nothing to count is 0. A target counts as yes when not
 * 0; class-number targets count as their one-hot rows.
 */
final class ConfusionMetric implements Metric {
    private static final float THRESHOLD = 0.5f;
    private final boolean precision;
    private long truePositives, falsePositives, falseNegatives;

    ConfusionMetric(boolean precision) { this.precision = precision; }

    @Override public String name() { return precision ? "precision" : "recall"; }

    @Override public void reset() { truePositives = falsePositives = falseNegatives = 0; }

    @Override
    public void update(NDArray yPred, NDArray yTrue) {
        float[] p = yPred.data(), t = yTrue.data();
        boolean classNumbers = yTrue.size() != yPred.size();
        int c = yPred.dim(-1);
        for (int i = 0; i < p.length; i++) {
            boolean guess = p[i] > THRESHOLD;
            boolean truth = classNumbers ? t[i / c] == i % c : t[i] != 0;
            if (guess && truth) truePositives++;
            else if (guess) falsePositives++;
            else if (truth) falseNegatives++;
        }
    }

    @Override
    public double result() {
        long denominator = truePositives + (precision ? falsePositives : falseNegatives);
        return denominator == 0 ? 0 : (double) truePositives / denominator;
    }
}
