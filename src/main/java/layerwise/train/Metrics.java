package layerwise.train;

import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Options;
import layerwise.ndarray.NDArray;

/**
 * The metrics by their Keras names, each reported under the name it was asked by, as Keras does. Plain
 * "accuracy" picks its kind from the loss: class numbers for sparse_categorical_crossentropy, one-hot
 * rows for categorical_crossentropy, yes/no above 0.5 for binary_crossentropy.
 */
public final class Metrics {
    public static final List<String> NAMES = List.of("accuracy", "acc", "binary_accuracy", "categorical_accuracy",
            "sparse_categorical_accuracy", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
            "mae", "mse", "mean_absolute_error", "mean_squared_error", "precision", "recall");
    /** Keras's default k of top_k_categorical_accuracy. */
    static final int TOP_K = 5;

    private Metrics() {}

    /** The metric with this Keras name, for a model compiled with this loss. */
    public static Metric get(String name, Loss loss) {
        String key = name == null ? "" : name.trim().toLowerCase();
        if (!NAMES.contains(key)) throw unknown(name);
        return switch (key) {
            case "precision" -> new ConfusionMetric(true);
            case "recall" -> new ConfusionMetric(false);
            default -> new MeanMetric(key, batchMean(key, loss));
        };
    }

    private static MeanMetric.BatchMean batchMean(String key, Loss loss) {
        return switch (key) {
            case "accuracy", "acc" -> (p, t) -> batchMean(loss.accuracy(p.dim(-1)), loss).of(p, t);
            case "binary_accuracy" -> Metrics::binaryAccuracy;
            case "categorical_accuracy", "sparse_categorical_accuracy" -> (p, t) -> topK(p, t, 1);
            case "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy" -> (p, t) -> topK(p, t, TOP_K);
            case "mae", "mean_absolute_error" -> (p, t) -> meanError(p, t, false);
            default -> (p, t) -> meanError(p, t, true);
        };
    }

    /** Fraction of numbers on the right side of 0.5: (p &gt; 0.5) = (t &gt; 0.5). */
    static double binaryAccuracy(NDArray yPred, NDArray yTrue) {
        float[] p = yPred.data(), t = yTrue.data();
        int correct = 0;
        for (int i = 0; i < p.length; i++) if ((p[i] > 0.5f) == (t[i] > 0.5f)) correct++;
        return (double) correct / p.length;
    }

    /**
     * Fraction of rows whose true class is among the k highest predictions (k = 1: the argmax is right).
     * Targets are one-hot rows or class numbers. As tf's in_top_k, a tie at the border counts as in.
     */
    static double topK(NDArray yPred, NDArray yTrue, int k) {
        float[] p = yPred.data(), t = yTrue.data();
        int c = yPred.dim(-1), rows = p.length / c, correct = 0;
        boolean oneHot = yTrue.size() == yPred.size();
        for (int r = 0; r < rows; r++) {
            int truth = oneHot ? argmax(t, r * c, c) : (int) t[r];
            if (k == 1 ? argmax(p, r * c, c) == truth : higherThan(p, r * c, c, truth) < k) correct++;
        }
        return (double) correct / rows;
    }

    /** mean(|p − t|), or mean((p − t)²) when squared: over every number, as over samples of equal width. */
    static double meanError(NDArray yPred, NDArray yTrue, boolean squared) {
        Targets.sameShape(squared ? "mse" : "mae", yPred, yTrue);
        float[] p = yPred.data(), t = yTrue.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            sum += squared ? d * d : Math.abs(d);
        }
        return sum / p.length;
    }

    private static int argmax(float[] a, int from, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (a[from + j] > a[from + best]) best = j;
        return best;
    }

    private static int higherThan(float[] a, int from, int n, int cls) {
        int higher = 0;
        for (int j = 0; j < n; j++) if (a[from + j] > a[from + cls]) higher++;
        return higher;
    }

    private static ConfigException unknown(String name) {
        return new ConfigException(Problem.at("compile")
                .headline("Unknown metric function: '" + name + "'.")
                .expected("one of " + String.join(", ", NAMES))
                .got("'" + name + "'")
                .fix("did you mean '" + Options.closest(String.valueOf(name).toLowerCase(), NAMES) + "'? The loss is always reported"));
    }
}
