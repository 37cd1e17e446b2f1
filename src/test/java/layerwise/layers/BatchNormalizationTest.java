package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** BatchNormalization on numbers: batch statistics in training, moving statistics at inference. */
class BatchNormalizationTest {

    @Test
    void trainingNormalizesEachFeatureWithTheBatchStatistics() {
        // feature 0: {1, 3}: mean 2, var 1 → ±1/√(1 + 0.001) = ±0.9995; feature 1: {10, 10}: var 0 → 0
        NDArray y = new BatchNormalization().forward(NDArray.of(new float[][] {{1, 10}, {3, 10}}), true);
        assertArrayEquals(new float[] {-0.9995f, 0f, 0.9995f, 0f}, y.toFloatArray(), 1e-4f);
    }

    @Test
    void trainingMovesTheMovingStatisticsByOnePercent() {
        BatchNormalization bn = new BatchNormalization();
        bn.forward(NDArray.of(new float[][] {{1}, {3}}), true);
        // mean: 0.99·0 + 0.01·2 = 0.02; variance: unbiased 1·2/1 = 2, 0.99·1 + 0.01·2 = 1.01
        assertEquals(0.02f, bn.movingMean().item(), 1e-6f);
        assertEquals(1.01f, bn.movingVariance().item(), 1e-6f);
    }

    @Test
    void inferenceUsesTheMovingStatisticsAndTheLearnedScale() {
        BatchNormalization bn = new BatchNormalization().epsilon(1e-6);
        bn.initialize(Shape.of(1), new Random(0));
        // γ = 2, β = 1, moving mean 4, moving variance 9: (10 − 4)/3·2 + 1 = 5
        bn.setWeights(List.of(NDArray.of(2f), NDArray.of(1f), NDArray.of(4f), NDArray.of(9f)));
        assertEquals(5f, bn.forward(NDArray.of(new float[][] {{10}}), false).item(), 1e-4f);
    }

    @Test
    void trainingBackwardMatchesFiniteDifferences() {
        BatchNormalization bn = new BatchNormalization();
        bn.initialize(Shape.of(3, 4), new Random(0));
        bn.setWeights(List.of(NDArray.normal(3, 4), NDArray.normal(4, 4)));
        GradCheck.assertMatches(bn, NDArray.normal(1, 5, 3, 4), true);
    }

    @Test
    void inferenceBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new BatchNormalization(), NDArray.normal(2, 4, 3), false);
    }

    @Test
    void channelsFirstAxisOneBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new BatchNormalization().axis(1), NDArray.normal(3, 3, 2, 4, 4), true);
    }

    @Test
    void withoutCenterAndScaleThereIsNothingToTrain() {
        BatchNormalization bn = new BatchNormalization().center(false).scale(false);
        bn.initialize(Shape.of(3), new Random(0));
        assertEquals(0, bn.params().size());
        GradCheck.assertMatches(bn, NDArray.normal(5, 6, 3), true);
    }
}
