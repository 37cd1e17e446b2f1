package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.layers.Param;
import layerwise.ndarray.NDArray;

class OptimizersTest {
    /** One weight w = 1 whose gradient is always 0.5. */
    private static float twoSteps(Optimizer opt) {
        Param p = Param.of("w", NDArray.of(1f));
        p.grad().set(0.5f, 0);
        opt.step(List.of(p));
        opt.step(List.of(p));
        return p.value().get(0);
    }

    @Test
    void plainSgdStepsAgainstTheGradient() {
        assertEquals(0.9f, twoSteps(new SGD(0.1)), 1e-7f); // 1 − 2·0.1·0.5
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        // v1 = −0.05, w = 0.95; v2 = 0.9·(−0.05) − 0.05 = −0.095, w = 0.855
        assertEquals(0.855f, twoSteps(new SGD(0.1).momentum(0.9)), 1e-6f);
    }

    @Test
    void nesterovLooksAheadAlongTheVelocity() {
        // v1 = −0.05, w += 0.9·v1 − 0.05 = −0.095 → 0.905; v2 = −0.095, w += 0.9·v2 − 0.05 = −0.1355 → 0.7695
        assertEquals(0.7695f, twoSteps(new SGD(0.1).momentum(0.9).nesterov(true)), 1e-6f);
    }

    @Test
    void decayShrinksTheLearningRateWithIterations() {
        // step 1: lr 0.1/(1 + 1·0) = 0.1 → w = 0.95; step 2: lr 0.1/(1 + 1·1) = 0.05 → w = 0.925
        assertEquals(0.925f, twoSteps(new SGD(0.1).decay(1)), 1e-6f);
    }

    @Test
    void adamFirstStepsMoveByAboutTheLearningRate() {
        // t=1: m = 0.05, v = 0.00025, lr_t = 0.1·√0.001/0.1 = 0.031623; step = lr_t·0.05/(0.015811) = 0.1
        // t=2: m = 0.095, v = 0.00049975, lr_t = 0.1·√0.001999/0.19 = 0.023532; step = 0.023532·0.095/0.022355 = 0.1
        assertEquals(0.8f, twoSteps(new Adam(0.1)), 1e-5f);
    }

    @Test
    void rmspropDividesByTheRootMeanSquare() {
        // s1 = 0.1·0.25 = 0.025, step 0.1·0.5/0.158114 = 0.316228; s2 = 0.9·0.025 + 0.025 = 0.0475, step 0.05/0.217945 = 0.229416
        assertEquals(1 - 0.316228f - 0.229416f, twoSteps(new RMSprop(0.1)), 1e-5f);
    }

    @Test
    void adagradDividesByTheRootOfAllSquaredGradients() {
        // a1 = 0.1 + 0.25 = 0.35, step 0.05/0.591608 = 0.084515; a2 = 0.6, step 0.05/0.774597 = 0.064550
        assertEquals(1 - 0.084515f - 0.064550f, twoSteps(new Adagrad(0.1)), 1e-5f);
    }
}
