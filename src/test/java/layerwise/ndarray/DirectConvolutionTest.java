package layerwise.ndarray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Direct convolution against the definition of a channels-last convolution with stride 1, summed
 * one term at a time in double: z[b, i, j, f] = bias[f] + Σ x[b, i + di·d − p_top, j + dj·d − p_left, ch]·W[di, dj, ch, f],
 * where pixels outside the image count as 0. Keras's 'same' padding of a 3-wide window is 1 on each side.
 */
class DirectConvolutionTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    private static double tap(float[] x, Patches.Geometry g, int b, int y, int xx, int ch) {
        return y < 0 || y >= g.h() || xx < 0 || xx >= g.w() ? 0 : x[((b * g.h() + y) * g.w() + xx) * g.c() + ch];
    }

    /** Keras's sizes for a stride-1 window of K_eff = 3 + 2(d − 1): 'valid' drops K_eff − 1, the others keep W and pad K_eff − 1. */
    private static WindowAxis axis(int in, int k, int d, String padding) {
        int eff = k + (k - 1) * (d - 1);
        if (padding.equals("valid")) return new WindowAxis(in, k, 1, d, 0, in - eff + 1);
        return new WindowAxis(in, k, 1, d, padding.equals("causal") ? eff - 1 : (eff - 1) / 2, in);
    }

    @ParameterizedTest
    @CsvSource({"7, 9, 1, 8, 1, valid", "6, 5, 3, 16, 1, same", "9, 9, 2, 8, 2, valid", "8, 7, 1, 8, 2, same", "1, 12, 4, 16, 1, causal"})
    void forwardAndWeightGradientMatchTheDefinition(int h, int w, int c, int filters, int d, String padding) {
        int kh = h == 1 ? 1 : 3, n = 2;
        Patches.Geometry g = Patches.Geometry.of(n, c, h == 1 ? WindowAxis.NONE : axis(h, kh, d, padding), axis(w, 3, d, padding));
        float[] x = random(n * h * w * c, 1), kernel = random(kh * 3 * c * filters, 2), bias = random(filters, 3);
        float[] z = DirectConvolution.forward(NDArray.wrap(x, n, h, w, c), g, NDArray.wrap(kernel, kh, 3, c, filters), NDArray.wrap(bias, filters)).data();
        float[] dz = random(z.length, 4), dw = new float[kernel.length], db = new float[filters];
        DirectConvolution.weightGrad(NDArray.wrap(x, n, h, w, c), g, NDArray.wrap(dz, n, g.hOut(), g.wOut(), filters),
                NDArray.wrap(dw, kh, 3, c, filters), NDArray.wrap(db, filters));
        double[] dwExpected = new double[kernel.length], dbExpected = new double[filters];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < g.hOut(); i++) {
                for (int j = 0; j < g.wOut(); j++) {
                    int o = ((b * g.hOut() + i) * g.wOut() + j) * filters;
                    for (int f = 0; f < filters; f++) {
                        double sum = bias[f];
                        dbExpected[f] += dz[o + f];
                        for (int di = 0, p = 0; di < kh; di++) {
                            for (int dj = 0; dj < 3; dj++) {
                                for (int ch = 0; ch < c; ch++, p++) {
                                    double xv = tap(x, g, b, i + di * d - g.padTop(), j + dj * d - g.padLeft(), ch);
                                    sum += xv * kernel[p * filters + f];
                                    dwExpected[p * filters + f] += xv * dz[o + f];
                                }
                            }
                        }
                        assertEquals(sum, z[o + f], 1e-5, "z at " + b + ", " + i + ", " + j + ", " + f);
                    }
                }
            }
        }
        for (int i = 0; i < dw.length; i++) assertEquals(dwExpected[i], dw[i], 1e-4, "dW " + i);
        for (int f = 0; f < filters; f++) assertEquals(dbExpected[f], db[f], 1e-4, "db " + f);
    }

    @Test
    void stridesOtherThanOneAreLeftToIm2col() {
        WindowAxis strided = new WindowAxis(8, 3, 2, 1, 0, 3);
        assertFalse(DirectConvolution.fits(Patches.Geometry.of(1, 1, strided, strided), 8));
    }
}
