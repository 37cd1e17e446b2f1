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
    void maxPoolingBackwardGivesATiedWindowsGradientToItsFirstMaximum() {
        // as PyTorch's max_pool2d, which replaces its winner only on a strictly larger number:
        // window {0,1,4,5} holds 3, 3, 3, 1 (first 3 at 0); window {2,3,6,7} holds 0, 2, 2, 2 (first 2 at 3);
        // two channels interleaved: channel 1 is channel 0 shifted so that its tie starts elsewhere
        MaxPooling2D p = new MaxPooling2D(2);
        float[] ch0 = {3, 3, 0, 2, 3, 1, 2, 2}, ch1 = {1, 3, 2, 0, 3, 3, 2, 2};
        float[] x = new float[16];
        for (int q = 0; q < 8; q++) { x[2 * q] = ch0[q]; x[2 * q + 1] = ch1[q]; }
        p.forward(NDArray.of(x).reshape(1, 2, 4, 2), true);
        NDArray dx = p.backward(NDArray.of(1f, 2f, 3f, 4f).reshape(1, 1, 2, 2));
        // channel 0: gradient 1 at pixel 0, gradient 3 at pixel 3; channel 1: window 1 max 3 first at pixel 1 (2),
        // window 2 max 2 first at pixel 2 (4)
        float[] expected = new float[16];
        expected[0] = 1; expected[2 * 3] = 3; expected[2 * 1 + 1] = 2; expected[2 * 2 + 1] = 4;
        assertArrayEquals(expected, dx.toFloatArray());
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
