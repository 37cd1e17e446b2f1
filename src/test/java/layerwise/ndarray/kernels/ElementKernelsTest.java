package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** relu, the fused SGD update and the column sums, on numbers worked out by hand. */
class ElementKernelsTest {
    @Test
    void reluKeepsPositivesAndZeroesTheRest() {
        float[] z = {-2f, -0f, 0f, 0.5f, 3f}, y = new float[5];
        Relu.forward(z, y, 5);
        assertArrayEquals(new float[] {0f, 0f, 0f, 0.5f, 3f}, y);
    }

    @Test
    void reluGradientPassesOnlyWhereInputIsPositive() {
        // dz = dy where z > 0: z = 0 and z = −0 block the gradient, as in Keras and PyTorch
        float[] z = {-2f, -0f, 0f, 1e-30f, 3f, Float.MIN_VALUE}, dy = {1f, 2f, 3f, 4f, -5f, 6f}, dz = new float[6];
        Relu.backward(z, dy, dz, 6);
        assertArrayEquals(new float[] {0f, 0f, 0f, 4f, -5f, 6f}, dz);
    }

    @Test
    void reluGradientIsRightAcrossManyParallelPieces() {
        int n = 600_001;
        float[] z = new float[n], dy = new float[n], dz = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (i % 3) - 1;
            dy[i] = i;
        }
        Relu.backward(z, dy, dz, n);
        for (int i = 0; i < n; i++) assertEquals(i % 3 == 2 ? i : 0f, dz[i], "dz[" + i + "]");
    }

    @Test
    void nesterovStepMatchesTheFormulaByHand() {
        // v = 0.9·0.5 − 0.1·2 = 0.25;  w = 1 + 0.9·0.25 − 0.1·2 = 1.025
        float[] w = {1f}, g = {2f}, v = {0.5f};
        SgdUpdate.momentum(w, g, v, 0.1f, 0.9f, true);
        assertEquals(0.25f, v[0], 1e-6f);
        assertEquals(1.025f, w[0], 1e-6f);
    }

    @Test
    void classicMomentumStepAddsTheVelocity() {
        // v = 0.9·0.5 − 0.1·2 = 0.25;  w = 1 + 0.25 = 1.25
        float[] w = {1f}, g = {2f}, v = {0.5f};
        SgdUpdate.momentum(w, g, v, 0.1f, 0.9f, false);
        assertEquals(1.25f, w[0], 1e-6f);
    }

    @Test
    void plainStepSubtractsLearningRateTimesGradient() {
        float[] w = {1f, -1f}, g = {2f, -4f};
        SgdUpdate.plain(w, g, 0.25f);
        assertArrayEquals(new float[] {0.5f, 0f}, w);
    }

    @Test
    void columnSumsAddEveryRowAcrossBlocks() {
        // 10,000 rows (three blocks of 4,096) of (1, r mod 10): sums 10,000 and 1,000·(0 + 1 + … + 9) = 45,000
        int rows = 10_000;
        float[] x = new float[rows * 2], out = {7f, 7f};
        for (int r = 0; r < rows; r++) {
            x[2 * r] = 1f;
            x[2 * r + 1] = r % 10;
        }
        ColumnSums.sum(x, rows, 2, out);
        assertEquals(10_000f, out[0]);
        assertEquals(45_000f, out[1]);
    }
}
