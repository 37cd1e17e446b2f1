package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

class Conv1DTest {
    private static Conv1D built(Conv1D c, long... in) {
        c.initialize(Shape.of(in), new Random(2));
        return c;
    }

    @Test
    void onesKernelSumsThreeNeighbours() {
        Conv1D c = built(new Conv1D(1, 3), 5, 1);
        c.setWeights(List.of(NDArray.ones(3, 1, 1), NDArray.zeros(1)));
        // 0+1+2, 1+2+3, 2+3+4
        assertArrayEquals(new float[] {3, 6, 9}, c.forward(NDArray.arange(5).reshape(1, 5, 1), false).toFloatArray());
    }

    @Test
    void causalPaddingSeesOnlyThePast() {
        Conv1D c = built(new Conv1D(1, 3).padding("causal"), 4, 1);
        c.setWeights(List.of(NDArray.ones(3, 1, 1), NDArray.zeros(1)));
        // two zeros in front: 0+0+1, 0+1+2, 1+2+3, 2+3+4
        assertArrayEquals(new float[] {1, 3, 6, 9}, c.forward(NDArray.of(1f, 2f, 3f, 4f).reshape(1, 4, 1), false).toFloatArray());
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv1D(3, 3).activation("tanh"), 7, 2), NDArray.normal(1, 2, 7, 2));
    }

    @Test
    void backwardWithSamePaddingAndStridesMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv1D(2, 4).padding("same").strides(2), 9, 2), NDArray.normal(2, 2, 9, 2));
    }

    @Test
    void backwardCausalDilatedMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv1D(2, 2).padding("causal").dilationRate(2), 8, 3), NDArray.normal(3, 2, 8, 3));
    }

    @Test
    void backwardChannelsFirstMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv1D(2, 3).dataFormat("channels_first"), 3, 6), NDArray.normal(4, 2, 3, 6));
    }
}
