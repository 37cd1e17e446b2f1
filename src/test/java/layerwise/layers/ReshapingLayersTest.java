package layerwise.layers;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import layerwise.GradCheck;
import layerwise.error.ShapeException;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/** ZeroPadding2D, UpSampling2D and Embedding on numbers. */
class ReshapingLayersTest {

    @Test
    void zeroPaddingSurroundsTheImageWithZeros() {
        // a 1×1 image [5] padded by 1: a 3×3 image with 5 in the middle
        NDArray y = new ZeroPadding2D(1).forward(NDArray.of(5f).reshape(1, 1, 1, 1), false);
        assertArrayEquals(new float[] {0, 0, 0, 0, 5, 0, 0, 0, 0}, y.toFloatArray());
    }

    @Test
    void zeroPaddingBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new ZeroPadding2D(new int[] {1, 2}, new int[] {0, 3}), NDArray.normal(1, 2, 3, 4, 2));
    }

    @Test
    void zeroPaddingChannelsFirstBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new ZeroPadding2D(1, 2).dataFormat("channels_first"), NDArray.normal(2, 2, 3, 3, 4));
    }

    @Test
    void upSamplingRepeatsEachValueIntoABlock() {
        // [[1, 2]] with size (2, 1): rows doubled → [[1, 2], [1, 2]]; size 2 on cols too → [[1, 1, 2, 2], [1, 1, 2, 2]]
        NDArray x = NDArray.of(1f, 2f).reshape(1, 1, 2, 1);
        assertArrayEquals(new float[] {1, 2, 1, 2}, new UpSampling2D(2, 1).forward(x, false).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2}, new UpSampling2D(2).forward(x, false).toFloatArray());
    }

    @Test
    void upSamplingBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new UpSampling2D(2, 3), NDArray.normal(3, 2, 3, 2, 2));
        GradCheck.assertMatches(new UpSampling2D(2).dataFormat("channels_first"), NDArray.normal(4, 1, 2, 3, 3));
    }

    @Test
    void bilinearUpSamplingBlendsNeighboursWithHalfPixelCentres() {
        // cols 0 and 4, doubled: outputs read positions −0.25, 0.25, 0.75, 1.25 → 0 (clamped), 1, 3, 4 (clamped)
        NDArray y = new UpSampling2D(1, 2).interpolation("bilinear").forward(NDArray.of(0f, 4f).reshape(1, 1, 2, 1), false);
        assertArrayEquals(new float[] {0, 1, 3, 4}, y.toFloatArray(), 1e-6f);
    }

    @Test
    void bilinearUpSamplingBackwardMatchesFiniteDifferences() {
        GradCheck.assertMatches(new UpSampling2D(2, 3).interpolation("bilinear"), NDArray.normal(5, 2, 3, 2, 2));
    }

    @Test
    void embeddingLooksUpOneRowPerId() {
        Embedding e = new Embedding(3, 2);
        e.initialize(Shape.of(2), new Random(0));
        e.setWeights(List.of(NDArray.of(new float[][] {{0, 1}, {10, 11}, {20, 21}})));
        NDArray y = e.forward(NDArray.of(new float[][] {{2, 0}}), false);
        assertArrayEquals(new int[] {1, 2, 2}, y.dims());
        assertArrayEquals(new float[] {20, 21, 0, 1}, y.toFloatArray());
    }

    @Test
    void embeddingBackwardMatchesFiniteDifferencesAndAddsUpRepeatedIds() {
        // ids 1 appears twice, so row 1 of the table collects two gradients
        GradCheck.assertMatches(new Embedding(4, 3), NDArray.of(new float[][] {{1, 3, 1}, {0, 1, 2}}));
    }

    @Test
    void embeddingRejectsAnIdOutsideTheTable() {
        var e = assertThrows(ShapeException.class, () -> new Embedding(10, 2).forward(NDArray.of(new float[][] {{3, 10}}), false));
        assertEquals("indices[1] = 10 is not in [0, 10)", e.headline());
    }
}
