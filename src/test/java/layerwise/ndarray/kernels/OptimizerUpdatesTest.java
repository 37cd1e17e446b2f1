package layerwise.ndarray.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The fused Adam, RMSprop and Adagrad steps: two steps on three weights against the formulas worked
 * out by hand, and the same numbers whether an array is cut into pieces or each weight is its own.
 */
class OptimizerUpdatesTest {
    private static final float TOLERANCE = 1e-6f;

    @Test
    void adamTwoStepsMatchTheFormulaByHand() {
        // β1 = 0.5, β2 = 0.75, ε = 0.5; weights (3, −1, 5); the third never gets a gradient
        float[] w = {3f, -1f, 5f}, m = new float[3], v = new float[3];
        // step 1, lr_t = 1, g = (4, −4, 0): m = 0.5·g = (2, −2, 0), v = 0.25·16 = (4, 4, 0)
        //   w −= 1·m/(√v + 0.5) = ±2/2.5 = ±0.8, and 0/(0 + 0.5) = 0 → (2.2, −0.2, 5)
        AdamUpdate.step(w, new float[] {4f, -4f, 0f}, m, v, 1f, 0.5f, 0.75f, 0.5f);
        assertArrayEquals(new float[] {2.2f, -0.2f, 5f}, w, TOLERANCE);
        // step 2, lr_t = 0.5, g = (2, −2, 0): m = 0.5·2 + 0.5·2 = (2, −2, 0), v = 0.75·4 + 0.25·4 = (4, 4, 0)
        //   w −= 0.5·±2/2.5 = ±0.4 → (1.8, 0.2, 5); with ε inside the root it would be ±1/√4.5 = ±0.471
        AdamUpdate.step(w, new float[] {2f, -2f, 0f}, m, v, 0.5f, 0.5f, 0.75f, 0.5f);
        assertArrayEquals(new float[] {1.8f, 0.2f, 5f}, w, TOLERANCE);
        assertArrayEquals(new float[] {2f, -2f, 0f}, m, TOLERANCE);
        assertArrayEquals(new float[] {4f, 4f, 0f}, v, TOLERANCE);
    }

    @Test
    void rmspropTwoStepsMatchTheFormulaByHand() {
        // ρ = 0.75, ε = 0.5, lr = 0.5; weights (3, −1, 5); the third never gets a gradient
        float[] w = {3f, -1f, 5f}, s = new float[3];
        // step 1, g = (4, −4, 0): s = 0.25·16 = (4, 4, 0); w −= 0.5·±4/(2 + 0.5) = ±0.8 → (2.2, −0.2, 5)
        RmspropUpdate.step(w, new float[] {4f, -4f, 0f}, s, 0.5f, 0.75f, 0.5f);
        assertArrayEquals(new float[] {2.2f, -0.2f, 5f}, w, TOLERANCE);
        // step 2, g = (2, −2, 0): s = 0.75·4 + 0.25·4 = (4, 4, 0); w −= 0.5·±2/2.5 = ±0.4 → (1.8, 0.2, 5)
        RmspropUpdate.step(w, new float[] {2f, -2f, 0f}, s, 0.5f, 0.75f, 0.5f);
        assertArrayEquals(new float[] {1.8f, 0.2f, 5f}, w, TOLERANCE);
        assertArrayEquals(new float[] {4f, 4f, 0f}, s, TOLERANCE);
    }

    @Test
    void adagradTwoStepsMatchTheFormulaByHand() {
        // ε = 1, lr = 2; weights (4, −4, 5), accumulators starting at 16; the third never gets a gradient
        float[] w = {4f, -4f, 5f}, a = {16f, 16f, 16f};
        // step 1, g = (3, −3, 0): a = 16 + 9 = (25, 25, 16); w −= 2·±3/(5 + 1) = ±1 → (3, −3, 5)
        AdagradUpdate.step(w, new float[] {3f, -3f, 0f}, a, 2f, 1f);
        assertArrayEquals(new float[] {3f, -3f, 5f}, w, TOLERANCE);
        // step 2, g = (12, −12, 0): a = 25 + 144 = (169, 169, 16); w −= 2·±12/(13 + 1) = ±12/7 = ±1.7142857
        AdagradUpdate.step(w, new float[] {12f, -12f, 0f}, a, 2f, 1f);
        assertArrayEquals(new float[] {1.2857143f, -1.2857143f, 5f}, w, TOLERANCE);
        assertArrayEquals(new float[] {169f, 169f, 16f}, a, TOLERANCE);
    }

    /** Arrays of more than two pieces, the last one short. */
    private static int longerThanTwoPieces(int grain) { return 2 * grain + 1001; }

    @Test
    void adamInPiecesGivesTheSameNumbersAsOneWeightAtATime() {
        int n = longerThanTwoPieces(AdamUpdate.GRAIN);
        float[] w = randoms(1, n), g = randoms(2, n), m = randoms(3, n), v = squares(4, n);
        float[] w1 = w.clone(), m1 = m.clone(), v1 = v.clone();
        AdamUpdate.step(w, g, m, v, 1e-3f, 0.9f, 0.999f, 1e-7f);
        for (int i = 0; i < n; i++) {
            float[] wi = {w1[i]}, mi = {m1[i]}, vi = {v1[i]};
            AdamUpdate.step(wi, new float[] {g[i]}, mi, vi, 1e-3f, 0.9f, 0.999f, 1e-7f);
            w1[i] = wi[0];
            m1[i] = mi[0];
            v1[i] = vi[0];
        }
        assertArrayEquals(w1, w);
        assertArrayEquals(m1, m);
        assertArrayEquals(v1, v);
    }

    @Test
    void rmspropInPiecesGivesTheSameNumbersAsOneWeightAtATime() {
        int n = longerThanTwoPieces(RmspropUpdate.GRAIN);
        float[] w = randoms(1, n), g = randoms(2, n), s = squares(3, n);
        float[] w1 = w.clone(), s1 = s.clone();
        RmspropUpdate.step(w, g, s, 1e-3f, 0.9f, 1e-7f);
        for (int i = 0; i < n; i++) {
            float[] wi = {w1[i]}, si = {s1[i]};
            RmspropUpdate.step(wi, new float[] {g[i]}, si, 1e-3f, 0.9f, 1e-7f);
            w1[i] = wi[0];
            s1[i] = si[0];
        }
        assertArrayEquals(w1, w);
        assertArrayEquals(s1, s);
    }

    @Test
    void adagradInPiecesGivesTheSameNumbersAsOneWeightAtATime() {
        int n = longerThanTwoPieces(AdagradUpdate.GRAIN);
        float[] w = randoms(1, n), g = randoms(2, n), a = squares(3, n);
        float[] w1 = w.clone(), a1 = a.clone();
        AdagradUpdate.step(w, g, a, 1e-3f, 1e-7f);
        for (int i = 0; i < n; i++) {
            float[] wi = {w1[i]}, ai = {a1[i]};
            AdagradUpdate.step(wi, new float[] {g[i]}, ai, 1e-3f, 1e-7f);
            w1[i] = wi[0];
            a1[i] = ai[0];
        }
        assertArrayEquals(w1, w);
        assertArrayEquals(a1, a);
    }

    private static float[] randoms(long seed, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat() - 0.5f;
        return x;
    }

    /** Running means of squares are never negative. */
    private static float[] squares(long seed, int n) {
        float[] x = randoms(seed, n);
        for (int i = 0; i < n; i++) x[i] *= x[i];
        return x;
    }
}
