package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.error.ConfigException;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** Pooling of every kind, global pooling, Reshape, Dropout and Activation: forward by hand, backward by finite differences. */
class ShapeLayersTest {
    @Test
    void averagePoolingTakesTheMeanOfEachWindow() {
        NDArray x = NDArray.arange(16).reshape(1, 4, 4, 1);
        // (0+1+4+5)/4, (2+3+6+7)/4, (8+9+12+13)/4, (10+11+14+15)/4
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, new AveragePooling2D(2).forward(x, false).toFloatArray());
    }

    @Test
    void averagePoolingSamePaddingDividesByTheCellsInside() {
        // 3 steps, pool 2, 'same': windows {1,2} and {3} → 1.5 and 3 (not 1.5)
        assertArrayEquals(new float[] {1.5f, 3f}, new AveragePooling1D(2).padding("same").forward(NDArray.of(1f, 2f, 3f).reshape(1, 3, 1), false).toFloatArray());
    }

    @Test
    void poolingBackwardsMatchFiniteDifferences() {
        GradCheck.assertMatches(new AveragePooling2D(2), NDArray.normal(1, 2, 4, 4, 3));
        GradCheck.assertMatches(new AveragePooling2D(3).strides(2).padding("same"), NDArray.normal(2, 2, 5, 5, 2));
        GradCheck.assertMatches(new AveragePooling1D(2).dataFormat("channels_first"), NDArray.normal(3, 2, 3, 6));
        GradCheck.assertMatches(new MaxPooling1D(3).strides(1), NDArray.normal(4, 2, 7, 2));
    }

    @Test
    void globalAveragePoolingGivesOneNumberPerChannel() {
        NDArray x = NDArray.arange(8).reshape(1, 2, 2, 2); // channel 0: 0,2,4,6; channel 1: 1,3,5,7
        assertArrayEquals(new float[] {3, 4}, new GlobalAveragePooling2D().forward(x, false).toFloatArray());
        assertArrayEquals(new float[] {6, 7}, new GlobalMaxPooling2D().forward(x, false).toFloatArray());
        assertArrayEquals(new int[] {1, 1, 1, 2}, new GlobalAveragePooling2D().keepdims(true).forward(x, false).dims());
    }

    @Test
    void globalPoolingBackwardsMatchFiniteDifferences() {
        GradCheck.assertMatches(new GlobalAveragePooling2D(), NDArray.normal(1, 2, 3, 4, 2));
        GradCheck.assertMatches(new GlobalMaxPooling2D(), NDArray.normal(2, 2, 3, 4, 2));
        GradCheck.assertMatches(new GlobalAveragePooling1D().dataFormat("channels_first"), NDArray.normal(3, 2, 3, 5));
        GradCheck.assertMatches(new GlobalMaxPooling1D(), NDArray.normal(4, 2, 5, 3));
    }

    @Test
    void reshapeRegroupsEachSampleAndBackwardUndoesIt() {
        Reshape r = new Reshape(8, 8, 1);
        NDArray y = r.forward(NDArray.arange(128).reshape(2, 64), true);
        assertArrayEquals(new int[] {2, 8, 8, 1}, y.dims());
        assertEquals(64f + 9f, y.get(1, 1, 1, 0)); // sample 1 starts at 64; row 1, col 1 is element 9
        GradCheck.assertMatches(new Reshape(-1, 2), NDArray.normal(5, 3, 4));
    }

    @Test
    void dropoutAtInferencePassesTheInputThrough() {
        NDArray x = NDArray.random(1, 4, 5);
        assertSame(x, new Dropout(0.5).forward(x, false));
    }

    @Test
    void dropoutInTrainingZeroesAboutRateAndScalesTheRest() {
        Dropout d = new Dropout(0.25).seed(3);
        NDArray y = d.forward(NDArray.ones(100, 100), true);
        long zeros = 0;
        for (float v : y.toFloatArray()) {
            if (v == 0) zeros++; else assertEquals(1 / 0.75f, v, 1e-6f);
        }
        assertEquals(2500, zeros, 200); // 25 % of 10,000
    }

    @Test
    void dropoutBackwardUsesTheForwardMask() {
        // y = x·mask/(1 − rate), so dL/dx = gradOut·y/x wherever x ≠ 0
        Dropout d = new Dropout(0.5).seed(4);
        NDArray x = NDArray.random(5, 6, 7).add(0.5f);
        NDArray y = d.forward(x, true);
        NDArray g = NDArray.normal(6, 6, 7);
        assertArrayEquals(g.mul(y).div(x).toFloatArray(), d.backward(g).toFloatArray(), 1e-5f);
    }

    @Test
    void dropoutWithTheSameSeedDropsTheSameInputs() {
        NDArray x = NDArray.ones(10, 10);
        assertArrayEquals(new Dropout(0.5).seed(9).forward(x, true).toFloatArray(), new Dropout(0.5).seed(9).forward(x, true).toFloatArray());
    }

    @Test
    void activationLayerBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Activation("softmax"), NDArray.normal(7, 3, 5));
        GradCheck.assertMatches(new Activation("gelu"), NDArray.normal(8, 3, 5));
    }

    @Test
    void aLayerWithoutComputationSaysWhichLayer() {
        Unfinished layer = new Unfinished().name("unfinished_x");
        var e = assertThrows(ConfigException.class, () -> layer.forward(NDArray.zeros(1, 3), true));
        assertTrue(e.getMessage().startsWith("Layer unfinished_x (Unfinished) cannot compute on data yet"), e.getMessage());
    }

    /** A layer with a shape rule and no forward pass yet, as a learner's own layer might start. */
    static final class Unfinished extends FluentLayer<Unfinished> {
        @Override
        protected layerwise.explain.Derivation derive(Shape in) { return keepAll(start(in), in); }
    }

}
