package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;

class PoolingTest {
    @Test
    void maxPoolingKeepsTheLargestOfEachWindow() {
        NDArray x = NDArray.arange(16).reshape(1, 4, 4, 1);
        // windows {0,1,4,5} {2,3,6,7} {8,9,12,13} {10,11,14,15}
        assertArrayEquals(new float[] {5, 7, 13, 15}, new MaxPooling2D(2).forward(x, false).toFloatArray());
    }

    @Test
    void maxPoolingBackwardSendsTheGradientToTheWinner() {
        MaxPooling2D p = new MaxPooling2D(2);
        p.forward(NDArray.arange(16).reshape(1, 4, 4, 1), true);
        NDArray dx = p.backward(NDArray.of(1f, 2f, 3f, 4f).reshape(1, 2, 2, 1));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4}, dx.toFloatArray());
    }

    @Test
    void maxPoolingSamePaddingNeverPicksThePadding() {
        NDArray x = NDArray.full(-5f, 1, 3, 3, 1);
        // ⌈3/2⌉ = 2 per axis; every window holds at least one −5 and the padding is not a 0
        assertArrayEquals(new float[] {-5, -5, -5, -5}, new MaxPooling2D(2).padding("same").forward(x, false).toFloatArray());
    }

    @Test
    void maxPoolingBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new MaxPooling2D(2), NDArray.normal(1, 2, 4, 6, 3));
    }

    @Test
    void maxPoolingWithStridesAndSamePaddingMatchesFiniteDifferences() {
        GradCheck.assertMatches(new MaxPooling2D(3).strides(2).padding("same"), NDArray.normal(2, 2, 5, 5, 2));
    }

    @Test
    void maxPoolingChannelsFirstMatchesFiniteDifferences() {
        GradCheck.assertMatches(new MaxPooling2D(2).dataFormat("channels_first"), NDArray.normal(3, 2, 3, 4, 4));
    }

    @Test
    void flattenBackwardRestoresTheShape() {
        Flatten f = new Flatten();
        NDArray y = f.forward(NDArray.zeros(2, 3, 4, 5), true);
        assertArrayEquals(new int[] {2, 60}, y.dims());
        assertArrayEquals(new int[] {2, 3, 4, 5}, f.backward(y).dims());
        GradCheck.assertMatches(new Flatten(), NDArray.normal(4, 2, 3, 2));
    }
}
