package layerwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** Conv3D, MaxPooling3D and AveragePooling3D on numbers. */
class VolumeLayersTest {

    /** 0…26 as a 3×3×3 volume with one channel: value = 9·depth + 3·row + col. */
    private static NDArray cube() { return NDArray.arange(27).reshape(1, 3, 3, 3, 1); }

    @Test
    void conv3DWithAOnesKernelSumsEachWindow() {
        Conv3D c = new Conv3D(1, 2).useBias(false);
        c.initialize(Shape.of(3, 3, 3, 1), new Random(0));
        c.setWeights(List.of(NDArray.ones(2, 2, 2, 1, 1)));
        NDArray y = c.forward(cube(), false);
        assertArrayEquals(new int[] {1, 2, 2, 2, 1}, y.dims());
        // first window: 0 + 1 + 3 + 4 + 9 + 10 + 12 + 13 = 52; each step along cols adds 8·1, rows 8·3, depth 8·9
        assertEquals(52f, y.get(0, 0, 0, 0, 0));
        assertEquals(52f + 8 + 24 + 72, y.get(0, 1, 1, 1, 0));
    }

    @Test
    void conv3DBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Conv3D(2, 2).activation("tanh"), NDArray.normal(1, 2, 3, 3, 4, 2));
    }

    @Test
    void conv3DSameStridedChannelsFirstBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new Conv3D(2, 3).strides(2).padding("same").dataFormat("channels_first"), NDArray.normal(2, 1, 2, 4, 3, 3));
    }

    @Test
    void maxPooling3DKeepsTheLargestOfEachCube() {
        // 2×2×2 windows, stride 2, on 3×3×3: one window (the partial ones are dropped); its max is 13
        assertArrayEquals(new float[] {13}, new MaxPooling3D().forward(cube(), false).toFloatArray());
    }

    @Test
    void samePaddingNeverWinsAMaxNorCountsInAMean() {
        NDArray x = NDArray.full(-4f, 1, 3, 3, 3, 1);
        // ⌈3/2⌉ = 2 per axis; the corner window holds only x[2, 2, 2] = −4 and 7 padded positions
        assertArrayEquals(new float[] {-4, -4, -4, -4, -4, -4, -4, -4}, new MaxPooling3D().padding("same").forward(x, false).toFloatArray());
        assertArrayEquals(new float[] {-4, -4, -4, -4, -4, -4, -4, -4}, new AveragePooling3D().padding("same").forward(x, false).toFloatArray());
    }

    @Test
    void averagePooling3DTakesTheMeanOfEachCube() {
        // mean of 0, 1, 3, 4, 9, 10, 12, 13 = 52/8 = 6.5
        assertArrayEquals(new float[] {6.5f}, new AveragePooling3D().forward(cube(), false).toFloatArray());
    }

    @Test
    void pooling3DBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new MaxPooling3D(2).strides(1), NDArray.normal(3, 2, 3, 3, 3, 2));
        GradCheck.assertMatches(new AveragePooling3D(2).padding("same"), NDArray.normal(4, 2, 3, 3, 3, 2));
        GradCheck.assertMatches(new AveragePooling3D(2).dataFormat("channels_first"), NDArray.normal(5, 1, 2, 4, 4, 4));
    }
}
