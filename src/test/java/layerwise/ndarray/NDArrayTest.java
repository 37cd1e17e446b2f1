package layerwise.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import layerwise.error.ShapeException;

class NDArrayTest {
    private static NDArray m(float[][] rows) { return NDArray.of(rows); }

    @Test
    void reshapeIsAViewThatSharesTheNumbers() {
        NDArray a = NDArray.arange(6);
        NDArray b = a.reshape(2, 3);
        b.set(42f, 1, 2);
        assertEquals(42f, a.get(5));
        assertEquals(Shape.of(2, 3), b.shape());
    }

    @Test
    void reshapeWorksOutTheAxisGivenAsMinusOne() {
        assertArrayEquals(new int[] {3, 4}, NDArray.zeros(2, 6).reshape(3, -1).dims());
    }

    @Test
    void reshapeToWrongSizeSaysHowManyElements() {
        var e = assertThrows(ShapeException.class, () -> NDArray.zeros(2, 3).reshape(4, 2));
        assertTrue(e.getMessage().startsWith("cannot reshape array of size 6 into shape (4, 2)"), e.getMessage());
    }

    @Test
    void transposeSwapsAxesWithoutCopying() {
        NDArray a = m(new float[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray t = a.transpose();
        assertArrayEquals(new int[] {3, 2}, t.dims());
        assertEquals(6f, t.get(2, 1));
        a.set(-1f, 0, 2);
        assertEquals(-1f, t.get(2, 0));
    }

    @Test
    void permuteMovesChannelsFirst() {
        NDArray x = NDArray.arange(24).reshape(1, 2, 3, 4); // (N, H, W, C)
        NDArray y = x.permute(0, 3, 1, 2);                  // (N, C, H, W)
        assertArrayEquals(new int[] {1, 4, 2, 3}, y.dims());
        // element (h=1, w=2, c=3) sits at 1·12 + 2·4 + 3 = 23
        assertEquals(23f, y.get(0, 3, 1, 2));
    }

    @Test
    void batchSliceIsAView() {
        NDArray x = NDArray.arange(12).reshape(4, 3);
        NDArray s = x.slice(1, 3);
        assertArrayEquals(new int[] {2, 3}, s.dims());
        assertEquals(3f, s.get(0, 0));
        assertArrayEquals(new float[] {3, 4, 5, 6, 7, 8}, s.toFloatArray());
    }

    @Test
    void takePicksSamplesInTheGivenOrder() {
        NDArray x = NDArray.arange(6).reshape(3, 2);
        assertArrayEquals(new float[] {4, 5, 0, 1}, x.take(new int[] {2, 0}).toFloatArray());
    }

    @Test
    void addBroadcastsARowOverEveryRow() {
        NDArray a = m(new float[][] {{1, 2, 3}, {4, 5, 6}});
        NDArray sum = a.add(NDArray.of(10f, 20f, 30f));
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, sum.toFloatArray());
    }

    @Test
    void broadcastingAColumnAgainstARowGivesATable() {
        NDArray col = NDArray.of(1f, 2f).reshape(2, 1), row = NDArray.of(10f, 20f, 30f);
        assertArrayEquals(new float[] {10, 20, 30, 20, 40, 60}, col.mul(row).toFloatArray());
    }

    @Test
    void broadcastErrorNamesBothShapesAndTheAxis() {
        var e = assertThrows(ShapeException.class, () -> NDArray.zeros(2, 3).add(NDArray.zeros(4)));
        assertTrue(e.getMessage().startsWith("operands could not be broadcast together with shapes (2, 3) (4,)"), e.getMessage());
        assertTrue(e.got().contains("axis -1") && e.got().contains("3 in (2, 3) but 4 in (4,)"), e.got());
    }

    @Test
    void matmulMatchesTheProductByHand() {
        // [[1,2],[3,4]]·[[5,6],[7,8]] = [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]] = [[19,22],[43,50]]
        NDArray c = m(new float[][] {{1, 2}, {3, 4}}).matmul(m(new float[][] {{5, 6}, {7, 8}}));
        assertArrayEquals(new float[] {19, 22, 43, 50}, c.toFloatArray());
    }

    @Test
    void matmulOfATransposedViewUsesTheTransposedMatrix() {
        NDArray a = m(new float[][] {{1, 3}, {2, 4}}).transpose(); // [[1,2],[3,4]]
        assertArrayEquals(new float[] {19, 22, 43, 50}, a.matmul(m(new float[][] {{5, 6}, {7, 8}})).toFloatArray());
    }

    @Test
    void batchedMatmulBroadcastsASingleMatrix() {
        NDArray a = NDArray.arange(12).reshape(2, 2, 3);
        NDArray b = NDArray.of(1f, 1f, 1f).reshape(3, 1);
        NDArray c = a.matmul(b); // row sums: 0+1+2, 3+4+5, 6+7+8, 9+10+11
        assertArrayEquals(new int[] {2, 2, 1}, c.dims());
        assertArrayEquals(new float[] {3, 12, 21, 30}, c.toFloatArray());
    }

    @Test
    void matmulMismatchNamesTheInnerSizes() {
        var e = assertThrows(ShapeException.class, () -> NDArray.zeros(2, 3).matmul(NDArray.zeros(4, 5)));
        assertTrue(e.got().contains("axis -1 of (2, 3) is 3, axis -2 of (4, 5) is 4"), e.got());
    }

    @Test
    void reductionsAlongAnAxis() {
        NDArray a = m(new float[][] {{1, 5, 3}, {4, 2, 6}});
        assertArrayEquals(new float[] {5, 7, 9}, a.sum(0).toFloatArray());
        assertArrayEquals(new float[] {3, 4}, a.mean(1).toFloatArray());
        assertArrayEquals(new float[] {5, 6}, a.max(-1).toFloatArray());
        assertArrayEquals(new float[] {1, 2}, a.argmax(1).toFloatArray());
        assertArrayEquals(new int[] {2, 1}, a.sum(1, true).dims());
        assertEquals(21.0, a.sum());
    }

    @Test
    void randomIsUniformAndRepeatsWithTheSameSeed() {
        NDArray a = NDArray.random(42, 100, 3), b = NDArray.random(42, 100, 3);
        assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        assertTrue(a.min() >= 0 && a.max() < 1);
        assertTrue(Math.abs(a.mean() - 0.5) < 0.05, "mean of 300 uniforms near 0.5: " + a.mean());
    }

    @Test
    void toCategoricalMakesOneHotRows() {
        NDArray y = NDArray.toCategorical(NDArray.of(2, 0), 3);
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, y.toFloatArray());
    }

    @Test
    void toStringPrintsLikeNumpyWithTheShape() {
        NDArray a = m(new float[][] {{0.5f, 1}, {2, 3.25f}});
        assertEquals("array([[ 0.5,   1.],\n       [  2., 3.25]], shape=(2, 2))", a.toString());
    }

    @Test
    void toStringSeparatesTheBlocksOfAThreeDArrayWithABlankLine() {
        assertEquals("array([[[ 0.,  1.,  2.],\n        [ 3.,  4.,  5.]],\n\n       [[ 6.,  7.,  8.],\n        [ 9., 10., 11.]]], shape=(2, 2, 3))",
                NDArray.arange(12).reshape(2, 2, 3).toString());
    }

    @Test
    void toStringOfALargeArrayShowsTheEdges() {
        String s = NDArray.arange(2000).toString();
        assertTrue(s.startsWith("array([   0.,    1.,    2., ..., 1997., 1998., 1999.], shape=(2000,))"), s);
    }

    @Test
    void creationFunctions() {
        assertArrayEquals(new float[] {7, 7}, NDArray.full(7f, 2).toFloatArray());
        assertArrayEquals(new float[] {1, 1.5f, 2, 2.5f}, NDArray.arange(1, 3, 0.5f).toFloatArray());
        assertEquals(0.0, NDArray.zeros(3, 2).sum());
        assertEquals(6.0, NDArray.ones(3, 2).sum());
    }

    @Test
    void addSubMulOfSameShapedArraysReadRowSlicesFromTheirOffsets() {
        NDArray rows = NDArray.arange(12).reshape(4, 3).slice(1, 3), twos = NDArray.full(2f, 2, 3);
        assertArrayEquals(new float[] {5, 6, 7, 8, 9, 10}, rows.add(twos).data());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, rows.sub(twos).data());
        assertArrayEquals(new float[] {6, 8, 10, 12, 14, 16}, rows.mul(twos).data());
    }
}
