package layerwise.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import layerwise.error.ShapeException;

/**
 * The operations that write into an array given to them (what a layer's backward uses to fill its
 * gradients in place), checked on small matrices worked out by hand.
 */
class IntoOperationsTest {
    /** x = [[1, 2], [3, 4], [5, 6]] (3×2), dz = [[1, 0], [0, 1], [1, 1]] (3×2). */
    private static final NDArray X = NDArray.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final NDArray DZ = NDArray.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});

    @Test
    void matmulIntoReadsATransposedViewWhereItLies() {
        // xᵀ·dz: row 0 = 1·[1,0] + 3·[0,1] + 5·[1,1] = [6, 8]; row 1 = 2·[1,0] + 4·[0,1] + 6·[1,1] = [8, 10]
        NDArray dw = NDArray.zeros(2, 2);
        assertSame(dw, X.transpose().matmulInto(DZ, dw, 0f));
        assertArrayEquals(new float[] {6, 8, 8, 10}, dw.data());
    }

    @Test
    void matmulIntoWithBetaOneAddsToWhatIsThere() {
        NDArray dw = NDArray.full(1f, 2, 2);
        X.transpose().matmulInto(DZ, dw, 1f);
        assertArrayEquals(new float[] {7, 9, 9, 11}, dw.data());
    }

    @Test
    void matmulIntoWritesIntoAColumnSliceOnly() {
        // x·I (2×2 identity) into columns 1..2 of a 3×4 array of zeros
        NDArray out = NDArray.zeros(3, 4);
        X.matmulInto(NDArray.of(new float[][] {{1, 0}, {0, 1}}), out.slice(1, 1, 3), 0f);
        assertArrayEquals(new float[] {0, 1, 2, 0, 0, 3, 4, 0, 0, 5, 6, 0}, out.data());
    }

    @Test
    void matmulIntoRefusesAnOutputOfTheWrongShape() {
        var e = assertThrows(ShapeException.class, () -> X.matmulInto(DZ.transpose(), NDArray.zeros(2, 2), 0f));
        assertTrue(e.getMessage().contains("(3, 3)"), e.getMessage());
    }

    @Test
    void batchedMatmulIntoWritesEachMatrixOfTheBatch() {
        // batch of two: [[1, 2]]·[[1], [1]] = [[3]] and [[3, 4]]·[[2], [0]] = [[6]]
        NDArray a = NDArray.fromArray(new float[] {1, 2, 3, 4}, 2, 1, 2), b = NDArray.fromArray(new float[] {1, 1, 2, 0}, 2, 2, 1);
        NDArray out = NDArray.zeros(2, 1, 1);
        a.matmulInto(b, out, 0f);
        assertArrayEquals(new float[] {3, 6}, out.data());
    }

    @Test
    void sumRowsIntoAddsTheRowsIntoEachColumn() {
        assertArrayEquals(new float[] {9, 12}, X.sumRowsInto(NDArray.zeros(2), 0f).data());
    }

    @Test
    void sumRowsIntoWithBetaOneAccumulatesIntoASlice() {
        NDArray grad = NDArray.full(1f, 4);
        DZ.sumRowsInto(grad.slice(0, 2, 4), 1f);
        assertArrayEquals(new float[] {1, 1, 3, 3}, grad.data());
    }

    @Test
    void broadcastToRepeatsARowWithoutCopying() {
        NDArray b = NDArray.of(1f, 2f), rows = b.broadcastTo(3, 2);
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, rows.data());
        b.set(5f, 0);
        assertArrayEquals(new float[] {5, 2, 5, 2, 5, 2}, rows.data());
    }

    @Test
    void reluBackwardPassesTheGradientWhereTheInputWasPositive() {
        NDArray z = NDArray.of(-1f, 0f, 2f);
        assertArrayEquals(new float[] {0, 2}, NDArray.of(-1f, 2f).relu().data());
        assertArrayEquals(new float[] {0, 0, 7}, z.reluBackward(NDArray.of(5f, 6f, 7f)).data());
    }
}
