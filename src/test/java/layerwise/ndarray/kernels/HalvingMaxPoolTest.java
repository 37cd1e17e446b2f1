package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both MaxPooling2D(2) row kernels against the definition, one window at a time: the max of the four
 * taps, and the first of them in row-major order (0,0), (0,1), (1,0), (1,1) that holds it. The numbers
 * are drawn from {0, 1, 2, 3}, so most windows have ties.
 */
class HalvingMaxPoolTest {
    @ParameterizedTest
    @CsvSource({"plain, 8, 13", "plain, 3, 4", "vector, 8, 13", "vector, 8, 12", "vector, 16, 5", "vector, 1, 7"})
    void eachOutputIsItsWindowsMaxAndTheFirstPlaceHoldingIt(String kind, int c, int wOut) {
        HalvingMaxPool pool = kind.equals("plain") ? new PlainHalvingMaxPool() : HalvingMaxPool.create();
        int w = 2 * wOut + 1, below = w * c, t = 3;
        Random r = new Random(c * 100 + wOut);
        float[] x = new float[t + 2 * below];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(4);
        float[] out = new float[5 + wOut * c];
        int[] argmax = new int[5 + wOut * c];
        pool.row(x, t, below, c, wOut, out, argmax, 5);
        for (int j = 0; j < wOut; j++) {
            for (int ch = 0; ch < c; ch++) {
                int[] taps = {t + 2 * j * c + ch, t + (2 * j + 1) * c + ch, t + below + 2 * j * c + ch, t + below + (2 * j + 1) * c + ch};
                int first = taps[0];
                for (int tap : taps) if (x[tap] > x[first]) first = tap;
                assertEquals(x[first], out[5 + j * c + ch], "max of pixel " + j + ", channel " + ch);
                assertEquals(first, argmax[5 + j * c + ch], "winner of pixel " + j + ", channel " + ch);
            }
        }
    }
}
