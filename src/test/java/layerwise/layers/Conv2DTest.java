package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

class Conv2DTest {
    private static Conv2D built(Conv2D c, long... in) {
        c.initialize(Shape.of(in), new Random(2));
        return c;
    }

    @Test
    void onesKernelOverOnesImageCountsTheWindow() {
        Conv2D c = built(new Conv2D(1, 3), 4, 4, 1);
        c.setWeights(List.of(NDArray.ones(3, 3, 1, 1), NDArray.zeros(1)));
        NDArray y = c.forward(NDArray.ones(1, 4, 4, 1), false);
        // each of the (4−3)/1+1 = 2 × 2 outputs sums nine ones
        assertArrayEquals(new int[] {1, 2, 2, 1}, y.dims());
        assertArrayEquals(new float[] {9, 9, 9, 9}, y.toFloatArray());
    }

    @Test
    void samePaddingCountsOnlyTheCellsInsideTheImage() {
        Conv2D c = built(new Conv2D(1, 3).padding("same"), 3, 3, 1);
        c.setWeights(List.of(NDArray.ones(3, 3, 1, 1), NDArray.zeros(1)));
        NDArray y = c.forward(NDArray.ones(1, 3, 3, 1), false);
        // corners see 2×2 = 4 cells, edges 2×3 = 6, the centre 9
        assertArrayEquals(new float[] {4, 6, 4, 6, 9, 6, 4, 6, 4}, y.toFloatArray());
    }

    @Test
    void stridesTwoSkipEveryOtherPosition() {
        Conv2D c = built(new Conv2D(1, 1).strides(2), 4, 4, 1);
        c.setWeights(List.of(NDArray.ones(1, 1, 1, 1), NDArray.zeros(1)));
        NDArray y = c.forward(NDArray.arange(16).reshape(1, 4, 4, 1), false);
        assertArrayEquals(new float[] {0, 2, 8, 10}, y.toFloatArray());
    }

    @Test
    void channelsFirstGivesTheSameNumbersInTheOtherOrder() {
        Conv2D last = built(new Conv2D(2, 3), 5, 5, 3), first = built(new Conv2D(2, 3).dataFormat("channels_first"), 3, 5, 5);
        first.setWeights(List.of(last.params().get(0).value(), NDArray.of(0.1f, 0.2f)));
        last.setWeights(List.of(last.params().get(0).value(), NDArray.of(0.1f, 0.2f)));
        NDArray x = NDArray.random(4, 2, 5, 5, 3);
        NDArray yLast = last.forward(x, false);
        NDArray yFirst = first.forward(x.permute(0, 3, 1, 2).contiguous(), false);
        assertArrayEquals(yLast.toFloatArray(), yFirst.permute(0, 2, 3, 1).toFloatArray(), 1e-6f);
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv2D(2, 3), 5, 5, 2), NDArray.normal(1, 2, 5, 5, 2));
    }

    @Test
    void backwardWithSamePaddingAndStridesMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv2D(3, 3).padding("same").strides(2), 6, 5, 2), NDArray.normal(2, 2, 6, 5, 2));
    }

    @Test
    void backwardWithDilationMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv2D(2, 2).dilationRate(2).padding("same"), 5, 5, 1), NDArray.normal(3, 1, 5, 5, 1));
    }

    @Test
    void backwardWithRectangularKernelMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv2D(2, 2).kernelSize(2, 3).activation("tanh"), 4, 5, 2), NDArray.normal(4, 2, 4, 5, 2));
    }

    @Test
    void backwardChannelsFirstMatchesFiniteDifferences() {
        GradCheck.assertMatches(built(new Conv2D(2, 3).dataFormat("channels_first").activation("sigmoid"), 2, 5, 4),
                NDArray.normal(5, 2, 2, 5, 4));
    }
}
