package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** DepthwiseConv2D and SeparableConv2D on numbers: channels stay apart, then (separable) a 1×1 mix. */
class DepthwiseSeparableTest {

    @Test
    void depthwiseKeepsEachChannelToItself() {
        // 2×2 image, 2 channels; 2×2 kernel: channel 0 all 1s (sum), channel 1 all 0s and, with M = 2, all 2s
        DepthwiseConv2D d = new DepthwiseConv2D(2).depthMultiplier(2).useBias(false);
        d.initialize(Shape.of(2, 2, 2), new Random(0));
        float[] k = new float[2 * 2 * 2 * 2];
        for (int tap = 0; tap < 4; tap++) {
            k[tap * 4] = 1;     // c=0, m=0
            k[tap * 4 + 1] = 1; // c=0, m=1
            k[tap * 4 + 3] = 2; // c=1, m=1
        }
        d.setWeights(List.of(NDArray.wrap(k, 2, 2, 2, 2)));
        // channel 0 holds 1, 2, 3, 4 (sum 10), channel 1 holds 10 each (sum 40): outputs c·M + m = [10, 10, 0, 80]
        NDArray x = NDArray.of(1f, 10f, 2f, 10f, 3f, 10f, 4f, 10f).reshape(1, 2, 2, 2);
        assertArrayEquals(new float[] {10, 10, 0, 80}, d.forward(x, false).toFloatArray());
    }

    @Test
    void depthwiseBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new DepthwiseConv2D(3).depthMultiplier(2).strides(2).padding("same"), NDArray.normal(1, 2, 5, 5, 3));
    }

    @Test
    void depthwiseChannelsFirstDilatedBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new DepthwiseConv2D(2).dilationRate(2).dataFormat("channels_first").activation("tanh"), NDArray.normal(2, 1, 2, 5, 5));
    }

    @Test
    void separableWithOneByOneKernelsIsADenseOverChannels() {
        // depthwise 1×1 of 1s passes x through; pointwise [[1], [2]] gives 1·x_0 + 2·x_1 = 1 + 2·3 = 7
        SeparableConv2D s = new SeparableConv2D(1, 1).useBias(false);
        s.initialize(Shape.of(1, 1, 2), new Random(0));
        s.setWeights(List.of(NDArray.ones(1, 1, 2, 1), NDArray.of(1f, 2f).reshape(1, 1, 2, 1)));
        assertArrayEquals(new float[] {7}, s.forward(NDArray.of(1f, 3f).reshape(1, 1, 1, 2), false).toFloatArray());
    }

    @Test
    void separableBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new SeparableConv2D(3, 3).depthMultiplier(2).activation("relu"), NDArray.normal(3, 2, 5, 4, 2));
    }

    @Test
    void separableChannelsFirstBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new SeparableConv2D(2, 2).strides(2).padding("same").dataFormat("channels_first"), NDArray.normal(4, 1, 3, 5, 5));
    }
}
