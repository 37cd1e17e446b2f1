package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;

class ActivationFunctionsTest {
    /** Inputs kept 0.05 away from 0, where relu, elu, selu and leaky_relu have a kink. */
    private static NDArray awayFromKinks() {
        return NDArray.normal(9, 4, 6).map(v -> Math.abs(v) < 0.05f ? v + Math.copySign(0.1f, v) : v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "leaky_relu", "gelu",
            "swish", "softplus", "softsign", "exponential"})
    void backwardMatchesFiniteDifferences(String name) {
        ActivationStep step = new ActivationStep(name);
        GradCheck.check(new GradCheck.Net() {
            public NDArray forward(NDArray x) { return step.forward(x); }
            public NDArray backward(NDArray g) { return step.backward(g); }
            public List<Param> params() { return List.of(); }
        }, awayFromKinks());
    }

    @Test
    void valuesAtHandPickedPoints() {
        NDArray x = NDArray.of(-1f, 0f, 2f);
        assertArrayEquals(new float[] {0, 0, 2}, ActivationFunctions.forward("relu", x).toFloatArray());
        // σ(0) = 1/2; tanh(2) = 0.96403; elu(−1) = e^−1 − 1 = −0.63212; leaky_relu(−1) = −0.2
        assertEquals(0.5f, ActivationFunctions.forward("sigmoid", x).get(1));
        assertEquals(0.96403f, ActivationFunctions.forward("tanh", x).get(2), 1e-5f);
        assertEquals(-0.63212f, ActivationFunctions.forward("elu", x).get(0), 1e-5f);
        assertEquals(-0.2f, ActivationFunctions.forward("leaky_relu", x).get(0), 1e-7f);
        // gelu(2) = 2·Φ(2) = 2·0.97725 = 1.95450; softplus(0) = ln 2 = 0.69315
        assertEquals(1.95450f, ActivationFunctions.forward("gelu", x).get(2), 1e-5f);
        assertEquals(0.69315f, ActivationFunctions.forward("softplus", x).get(1), 1e-5f);
        // selu(2) = 1.0507·2 = 2.10140; swish(2) = 2·σ(2) = 2·0.88080 = 1.76159
        assertEquals(2.10140f, ActivationFunctions.forward("selu", x).get(2), 1e-5f);
        assertEquals(1.76159f, ActivationFunctions.forward("swish", x).get(2), 1e-5f);
    }

    @Test
    void softmaxRowsSumToOneEvenForHugeLogits() {
        NDArray y = ActivationFunctions.forward("softmax", NDArray.of(new float[][] {{1000, 0, -1000}, {1, 1, 1}}));
        assertArrayEquals(new float[] {1, 0, 0, 1 / 3f, 1 / 3f, 1 / 3f}, y.toFloatArray(), 1e-6f);
    }
}
