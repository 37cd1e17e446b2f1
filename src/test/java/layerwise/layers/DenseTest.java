package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

class DenseTest {
    private static Dense dense(int units, int dIn, String activation) {
        Dense d = new Dense(units).activation(activation);
        d.initialize(Shape.of(dIn), new Random(1));
        return d;
    }

    @Test
    void forwardIsInputTimesKernelPlusBias() {
        Dense d = dense(2, 3, "linear");
        d.setWeights(List.of(NDArray.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), NDArray.of(0.5f, -1f)));
        // [1,1,1]·W = [1+3+5, 2+4+6] = [9, 12]; + b = [9.5, 11]
        NDArray y = d.forward(NDArray.ones(1, 3), false);
        assertArrayEquals(new float[] {9.5f, 11f}, y.toFloatArray());
    }

    @Test
    void onThreeDInputActsOnTheLastAxisOnly() {
        Dense d = dense(4, 28, "linear");
        NDArray y = d.forward(NDArray.random(3, 5, 32, 28), false);
        assertArrayEquals(new int[] {5, 32, 4}, y.dims());
    }

    @Test
    void glorotUniformKernelStaysWithinItsLimitAndBiasStartsAtZero() {
        Dense d = dense(256, 784, "linear");
        double limit = Math.sqrt(6.0 / (784 + 256)); // 0.0760
        assertEquals(true, d.params().get(0).value().abs().max() <= limit);
        assertEquals(0.0, d.params().get(1).value().abs().sum());
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertArrayEquals(dense(3, 4, "linear").params().get(0).value().toFloatArray(),
                dense(3, 4, "linear").params().get(0).value().toFloatArray());
    }

    @Test
    void heNormalHasTheSpreadOfSqrtTwoOverFanIn() {
        Dense d = new Dense(200).kernelInitializer("he_normal");
        d.initialize(Shape.of(500), new Random(3));
        NDArray w = d.params().get(0).value();
        double std = Math.sqrt(w.square().mean()), want = Math.sqrt(2.0 / 500); // 0.0632
        assertEquals(want, std, want * 0.05);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(dense(3, 4, "linear"), NDArray.normal(5, 6, 4));
    }

    @Test
    void backwardThroughTanhMatchesFiniteDifferences() {
        GradCheck.assertMatches(dense(3, 4, "tanh"), NDArray.normal(5, 6, 4));
    }

    @Test
    void backwardThroughSoftmaxMatchesFiniteDifferences() {
        GradCheck.assertMatches(dense(5, 4, "softmax"), NDArray.normal(5, 3, 4));
    }

    @Test
    void backwardOnThreeDInputMatchesFiniteDifferences() {
        GradCheck.assertMatches(dense(3, 4, "sigmoid"), NDArray.normal(6, 2, 5, 4));
    }

    @Test
    void withoutBiasHasOnlyAKernel() {
        Dense d = new Dense(2).useBias(false);
        d.initialize(Shape.of(3), new Random(0));
        assertEquals(1, d.params().size());
        GradCheck.assertMatches(d, NDArray.normal(1, 4, 3));
    }
}
