package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.error.ConfigException;
import layerwise.error.ShapeException;
import layerwise.layers.ActivationFunctions;
import layerwise.ndarray.NDArray;

class LossesTest {
    private static final NDArray ONE_HOT = NDArray.of(new float[][] {{0, 1, 0}, {1, 0, 0}});

    @Test
    void mseAndMaeByHand() {
        NDArray p = NDArray.of(1f, 2f), t = NDArray.of(0f, 0f);
        assertEquals(2.5, Losses.get("mse").value(p, t), 1e-7);  // (1² + 2²)/2
        assertEquals(1.5, Losses.get("mae").value(p, t), 1e-7);  // (1 + 2)/2
    }

    @Test
    void categoricalCrossentropyIsMinusLogOfTheTrueClass() {
        NDArray p = NDArray.of(new float[][] {{0.25f, 0.75f, 0}, {0.5f, 0.25f, 0.25f}});
        // (−ln 0.75 − ln 0.5)/2 = (0.287682 + 0.693147)/2 = 0.490415
        assertEquals(0.490415, Losses.get("categorical_crossentropy").value(p, ONE_HOT), 1e-6);
        assertEquals(0.490415, Losses.get("sparse_categorical_crossentropy").value(p, NDArray.of(1, 0)), 1e-6);
    }

    @Test
    void binaryCrossentropyByHand() {
        // −(ln 0.8 + ln(1 − 0.4))/2 = (0.223144 + 0.510826)/2 = 0.366985
        assertEquals(0.366985, Losses.get("binary_crossentropy").value(NDArray.of(0.8f, 0.4f), NDArray.of(1f, 0f)), 1e-6);
    }

    @Test
    void fusedSoftmaxCrossentropyStaysFiniteForLogitsOfPlusMinus1000() {
        Loss cce = Losses.get("categorical_crossentropy");
        NDArray z = NDArray.of(new float[][] {{1000, -1000, 0}, {-1000, 1000, 0}});
        double value = cce.valueFromLogits(z, ONE_HOT);
        // row 1: true class has logit −1000 against 1000: loss 2000; row 2: true class 0 has −1000 against 1000: 2000
        assertEquals(2000.0, value, 1e-3);
        assertTrue(allFinite(cce.gradientFromLogits(z, ONE_HOT)));
    }

    @Test
    void fusedSigmoidCrossentropyStaysFiniteForLogitsOfPlusMinus1000() {
        Loss bce = Losses.get("binary_crossentropy");
        NDArray z = NDArray.of(1000f, -1000f, 1000f), t = NDArray.of(1f, 0f, 0f);
        assertEquals(1000.0 / 3, bce.valueFromLogits(z, t), 1e-3); // only the third is wrong, by 1000
        assertTrue(allFinite(bce.gradientFromLogits(z, t)));
    }

    @Test
    void unfusedCrossentropyOnSaturatedProbabilitiesIsClippedNotInfinite() {
        NDArray p = NDArray.of(new float[][] {{1, 0, 0}, {0, 1, 0}});
        double v = Losses.get("categorical_crossentropy").value(p, ONE_HOT);
        // both rows put 0 on the true class, clipped to ε = 1e-7: (−ln ε − ln ε)/2 = −ln 1e-7 = 16.118
        assertEquals(16.118, v, 1e-3);
        assertTrue(allFinite(Losses.get("categorical_crossentropy").gradient(p, ONE_HOT)));
    }

    @Test
    void fusedAndUnfusedAgreeOnModerateLogits() {
        NDArray z = NDArray.normal(3, 4, 5), t = NDArray.toCategorical(NDArray.of(0, 3, 4, 1), 5);
        Loss cce = Losses.get("categorical_crossentropy");
        assertEquals(cce.value(ActivationFunctions.forward("softmax", z), t), cce.valueFromLogits(z, t), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        NDArray probs = NDArray.random(4, 3, 4).mul(0.8f).add(0.1f);
        NDArray oneHot = NDArray.toCategorical(NDArray.of(1, 3, 0), 4), labels = NDArray.of(1, 3, 0);
        NDArray bin = NDArray.of(new float[][] {{1, 0, 1, 0}, {0, 0, 1, 1}, {1, 1, 0, 0}});
        List<String> failures = new ArrayList<>();
        check("mse", probs, bin, false, failures);
        check("mae", probs, bin, false, failures);
        check("binary_crossentropy", probs, bin, false, failures);
        check("binary_crossentropy", NDArray.normal(5, 3, 4), bin, true, failures);
        check("categorical_crossentropy", probs, oneHot, false, failures);
        check("categorical_crossentropy", NDArray.normal(6, 3, 4), oneHot, true, failures);
        check("sparse_categorical_crossentropy", probs, labels, false, failures);
        check("sparse_categorical_crossentropy", NDArray.normal(7, 3, 4), labels, true, failures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(String name, NDArray p, NDArray t, boolean logits, List<String> failures) {
        Loss loss = Losses.get(name);
        NDArray analytic = logits ? loss.gradientFromLogits(p, t) : loss.gradient(p, t);
        GradCheck.compare(name + (logits ? " (logits)" : "") + " dL/dy", p, analytic,
                () -> logits ? loss.valueFromLogits(p, t) : loss.value(p, t), failures);
    }

    @Test
    void oneHotTargetsWithSparseLossAreExplained() {
        var e = assertThrows(ShapeException.class, () -> Losses.get("sparse_categorical_crossentropy").value(NDArray.zeros(2, 3), ONE_HOT));
        assertTrue(e.fix().contains("use categorical_crossentropy"), e.getMessage());
    }

    @Test
    void unknownLossSuggestsTheClosestName() {
        var e = assertThrows(ConfigException.class, () -> Losses.get("categorical_crossentropi"));
        assertEquals("did you mean 'categorical_crossentropy'?", e.fix());
    }

    private static boolean allFinite(NDArray a) {
        for (float v : a.toFloatArray()) if (!Float.isFinite(v)) return false;
        return true;
    }
}
