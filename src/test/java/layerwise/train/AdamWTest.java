package layerwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import layerwise.layers.Param;
import layerwise.ndarray.NDArray;

/** AdamW as Keras 3 defines it: w −= lr·λ·w before each Adam step. */
class AdamWTest {
    /** One weight w = 1 whose gradient is always g. */
    private static float twoSteps(Optimizer opt, float g) {
        Param p = Param.of("w", NDArray.of(1f));
        p.grad().set(g, 0);
        opt.step(List.of(p));
        opt.step(List.of(p));
        return p.value().get(0);
    }

    @Test
    void decayShrinksTheWeightBeforeEachAdamStep() {
        // step 1: w = 1 − 0.1·0.01·1 = 0.999, Adam moves it by 0.1 (see OptimizersTest) → 0.899
        // step 2: w = 0.899 − 0.001·0.899 = 0.898101, Adam again 0.1 → 0.798101
        assertEquals(0.798101f, twoSteps(new AdamW(0.1).weightDecay(0.01), 0.5f), 1e-5f);
    }

    @Test
    void withoutGradientOnlyTheDecayActs() {
        // Adam's step is 0 when g = 0; the decay alone: (1 − 0.1·0.5)² = 0.9025
        assertEquals(0.9025f, twoSteps(new AdamW(0.1).weightDecay(0.5), 0f), 1e-6f);
    }

    @Test
    void kerasDefaultsAreLearningRate1e3AndDecay0004() {
        AdamW w = new AdamW();
        assertEquals(0.001, w.learningRate());
        assertEquals(0.004, w.weightDecay());
    }
}
