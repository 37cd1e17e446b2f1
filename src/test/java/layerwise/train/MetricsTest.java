package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import layerwise.data.Datasets;
import layerwise.error.NnException;
import layerwise.layers.Dense;
import layerwise.layers.Names;
import layerwise.model.Sequential;
import layerwise.ndarray.NDArray;

/** Each metric on numbers worked out by hand, with Keras's semantics, and its name in the History. */
class MetricsTest {
    private static final Loss MSE = Losses.get("mse");

    @BeforeEach
    void freshNames() {
        Names.reset();
    }

    private static double once(String name, Loss loss, NDArray pred, NDArray truth) {
        Metric m = Metrics.get(name, loss);
        m.reset();
        m.update(pred, truth);
        return m.result();
    }

    @Test
    void maeAndMseAverageEveryNumber() {
        NDArray p = NDArray.of(new float[][] {{1, 2}, {3, 4}}), t = NDArray.of(new float[][] {{0, 2}, {5, 4}});
        assertEquals((1 + 0 + 2 + 0) / 4.0, once("mae", MSE, p, t), 1e-12);
        assertEquals((1 + 0 + 4 + 0) / 4.0, once("mse", MSE, p, t), 1e-12);
    }

    @Test
    void meanMetricsWeighEachBatchByItsSamples() {
        Metric m = Metrics.get("mae", MSE);
        m.reset();
        m.update(NDArray.of(new float[][] {{1}, {1}, {1}}), NDArray.zeros(3, 1));   // mean 1 over 3 samples
        m.update(NDArray.of(new float[][] {{4}}), NDArray.zeros(1, 1));             // mean 4 over 1 sample
        assertEquals((3 * 1 + 4) / 4.0, m.result(), 1e-12);
    }

    @Test
    void binaryAccuracyThresholdsAtOneHalf() {
        NDArray p = NDArray.of(new float[][] {{0.9f}, {0.4f}, {0.6f}, {0.1f}}), t = NDArray.of(new float[][] {{1}, {1}, {0}, {0}});
        assertEquals(0.5, once("binary_accuracy", MSE, p, t), 1e-12);
    }

    @Test
    void topKCountsTheTrueClassAmongTheKHighest() {
        // six classes; the true class ranks 1st, 5th and 6th in the three rows
        NDArray p = NDArray.of(new float[][] {
                {0.5f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f},
                {0.30f, 0.25f, 0.20f, 0.15f, 0.06f, 0.04f},
                {0.30f, 0.25f, 0.20f, 0.15f, 0.06f, 0.04f}});
        NDArray oneHot = NDArray.toCategorical(NDArray.of(new float[] {0, 4, 5}), 6);
        assertEquals(2 / 3.0, once("top_k_categorical_accuracy", Losses.get("categorical_crossentropy"), p, oneHot), 1e-12);
        assertEquals(2 / 3.0, once("sparse_top_k_categorical_accuracy", Losses.get("sparse_categorical_crossentropy"), p,
                NDArray.of(new float[] {0, 4, 5})), 1e-12);
    }

    @Test
    void precisionAndRecallCountOverTheWholeEpoch() {
        Metric precision = Metrics.get("precision", MSE), recall = Metrics.get("recall", MSE);
        precision.reset();
        recall.reset();
        // batch 1: guesses yes, yes, no against 1, 0, 1 → TP 1, FP 1, FN 1; batch 2: yes against 1 → TP 1
        for (Metric m : List.of(precision, recall)) {
            m.update(NDArray.of(new float[][] {{0.8f}, {0.7f}, {0.2f}}), NDArray.of(new float[][] {{1}, {0}, {1}}));
            m.update(NDArray.of(new float[][] {{0.9f}}), NDArray.of(new float[][] {{1}}));
        }
        assertEquals(2 / 3.0, precision.result(), 1e-12);   // TP / (TP + FP) = 2 / 3
        assertEquals(2 / 3.0, recall.result(), 1e-12);      // TP / (TP + FN) = 2 / 3
    }

    @Test
    void precisionWithNothingGuessedIsZero() {
        assertEquals(0, once("precision", MSE, NDArray.of(new float[][] {{0.1f}}), NDArray.of(new float[][] {{1}})));
    }

    @Test
    void accuracyFollowsTheLoss() {
        NDArray p = NDArray.of(new float[][] {{0.2f, 0.8f}, {0.6f, 0.4f}});
        assertEquals(0.5, once("accuracy", Losses.get("sparse_categorical_crossentropy"), p, NDArray.of(new float[] {1, 1})), 1e-12);
        assertEquals(1.0, once("accuracy", Losses.get("categorical_crossentropy"), p, NDArray.of(new float[][] {{0, 1}, {1, 0}})), 1e-12);
    }

    @Test
    void unknownMetricSuggestsTheClosestName() {
        var e = assertThrows(NnException.class, () -> Metrics.get("accurracy", MSE));
        assertTrue(e.getMessage().startsWith("Unknown metric function: 'accurracy'."), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'accuracy'?"), e.getMessage());
    }

    @Test
    void historyAndProgressUseTheNamesAsGiven() {
        var m = new Sequential();
        m.add(new Dense(3).activation("softmax").inputShape(4));
        m.compile("adam", "categorical_crossentropy", "accuracy", "precision", "recall", "mae", "top_k_categorical_accuracy");
        NDArray y = NDArray.toCategorical(Datasets.iris().y(), 3);
        var out = new java.io.ByteArrayOutputStream();
        History h = m.fit(Datasets.iris().x(), y, new FitOptions().batchSize(50).epochs(1).verbose(2).validationSplit(0.2)
                .out(new java.io.PrintStream(out, true)));
        assertEquals(List.of("loss", "accuracy", "precision", "recall", "mae", "top_k_categorical_accuracy", "val_loss",
                "val_accuracy", "val_precision", "val_recall", "val_mae", "val_top_k_categorical_accuracy"), h.keys());
        String validation = out.toString().substring(out.toString().indexOf("validation"));
        assertTrue(out.toString().contains("  loss: ") && out.toString().contains("  precision: "), out.toString());
        assertTrue(validation.contains("  top_k_categorical_accuracy: 1.0000"), out.toString());
    }
}
