package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** Conv2DTranspose on numbers: each input pixel stamps the kernel into the output, S apart. */
class Conv2DTransposeTest {

    private static Conv2DTranspose onesKernel(int k, int s) {
        Conv2DTranspose t = new Conv2DTranspose(1, k).strides(s).useBias(false);
        t.initialize(Shape.of(2, 2, 1), new Random(0));
        t.setWeights(List.of(NDArray.ones(k, k, 1, 1)));
        return t;
    }

    @Test
    void strideTwoWithATwoByTwoKernelRepeatsEachPixelIntoABlock() {
        // 2·2 + max(2 − 2, 0) = 4: the blocks touch without overlapping
        NDArray y = onesKernel(2, 2).forward(NDArray.of(1f, 2f, 3f, 4f).reshape(1, 2, 2, 1), false);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.toFloatArray());
    }

    @Test
    void strideOneStampsOverlappingPatchesThatAddUp() {
        // 2·1 + max(2 − 1, 0) = 3; four 2×2 stamps of 1 overlap most in the middle
        NDArray y = onesKernel(2, 1).forward(NDArray.ones(1, 2, 2, 1), false);
        assertArrayEquals(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, y.toFloatArray());
    }

    @Test
    void validStrideTwoBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Conv2DTranspose(2, 3).strides(2).activation("tanh"), NDArray.normal(1, 2, 3, 3, 2));
    }

    @Test
    void sameWithOutputPaddingBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Conv2DTranspose(2, 3).strides(2).padding("same").outputPadding(1), NDArray.normal(2, 1, 3, 4, 2));
    }

    @Test
    void dilatedChannelsFirstBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Conv2DTranspose(2, 2).dilationRate(2).dataFormat("channels_first"), NDArray.normal(3, 1, 2, 3, 3));
    }
}
