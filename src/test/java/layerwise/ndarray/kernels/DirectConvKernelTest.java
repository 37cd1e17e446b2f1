package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both direct-convolution kernels against the defining sums, written out one number at a time:
 * z[k, f] = bias[f] + Σ_p x[xb + k·c + at[p]]·w[p, f],  dw[p, f] += Σ_k x[…]·dz[k, f],  db[f] += Σ_k dz[k, f].
 * Runs of odd and even length reach the kernels' remainders (one position, one pair).
 */
class DirectConvKernelTest {
    private static DirectConvKernel kernel(String kind) {
        return kind.equals("plain") ? new PlainDirectConvKernel() : DirectConvKernel.create();
    }

    /** A 3×3 window over rows of 30 pixels with c channels, entries in Keras order (di, dj, ch). */
    private static int[] window(int c) {
        int[] at = new int[9 * c];
        for (int di = 0, p = 0; di < 3; di++) {
            for (int dj = 0; dj < 3; dj++) {
                for (int ch = 0; ch < c; ch++) at[p++] = (di * 30 + dj) * c + ch;
            }
        }
        return at;
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    @ParameterizedTest
    @CsvSource({"plain, 1, 8, 26", "plain, 3, 16, 13", "vector, 1, 8, 26", "vector, 1, 8, 17", "vector, 3, 8, 3",
            "vector, 3, 16, 26", "vector, 2, 32, 9", "vector, 1, 8, 16", "vector, 2, 8, 32", "vector, 1, 8, 15"})
    void forwardIsBiasPlusTheWindowTimesTheWeights(String kind, int c, int filters, int count) {
        DirectConvKernel k = kernel(kind);
        assertTrue(k.handles(filters), kind + " kernel should handle " + filters + " filters");
        int[] at = window(c);
        int xb = 5 * c;
        float[] x = random(xb + (count + 70) * c, 1), w = random(at.length * filters, 2), bias = random(filters, 3);
        float[] z = new float[4 + count * filters];
        k.input(x, 0, x.length, c, filters);
        k.forward(count, x, xb, c, at, k.weights(w, filters), filters, k.weights(bias, filters), z, 4);
        for (int pos = 0; pos < count; pos++) {
            for (int f = 0; f < filters; f++) {
                double expected = bias[f];
                for (int p = 0; p < at.length; p++) expected += (double) x[xb + pos * c + at[p]] * w[p * filters + f];
                assertEquals(expected, z[4 + pos * filters + f], 1e-5, "position " + pos + ", filter " + f);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"plain, 1, 8, 26", "plain, 3, 16, 13", "vector, 1, 8, 26", "vector, 1, 8, 17", "vector, 3, 8, 3",
            "vector, 3, 16, 26", "vector, 2, 32, 9"})
    void weightGradientAddsEachWindowEntryTimesTheOutputGradient(String kind, int c, int filters, int count) {
        DirectConvKernel k = kernel(kind);
        int[] at = window(c);
        float[] x = random((count + 70) * c, 4), dz = random(3 + count * filters, 5);
        float[] dw = random(at.length * filters, 6), db = random(filters, 7), dw0 = dw.clone(), db0 = db.clone();
        k.input(x, 0, x.length, c, filters);
        k.weightGrad(count, x, 0, c, at, dz, 3, filters, dw, db);
        for (int f = 0; f < filters; f++) {
            double expectedB = db0[f];
            for (int pos = 0; pos < count; pos++) expectedB += dz[3 + pos * filters + f];
            assertEquals(expectedB, db[f], 1e-5, "bias " + f);
            for (int p = 0; p < at.length; p++) {
                double expected = dw0[p * filters + f];
                for (int pos = 0; pos < count; pos++) expected += (double) x[pos * c + at[p]] * dz[3 + pos * filters + f];
                assertEquals(expected, dw[p * filters + f], 1e-5, "entry " + p + ", filter " + f);
            }
        }
    }
}
