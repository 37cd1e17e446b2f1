package layerwise.ndarray.kernels;

import java.util.Arrays;

/**
 * The plain-Java micro-kernel, for JVMs without the Vector API: a 4×256 tile held in four row arrays
 * t0…t3, fed two steps of k at a time. Each pair of steps copies the next two rows of B into arrays
 * of their own, x and y, and then updates each tile row with one short loop:
 * <pre>
 *   for j:  t_r[j] += a[r, p]·x[j] + a[r, p + 1]·y[j]      (r = 0 … 3)
 * </pre>
 * C2 turns such a loop into SIMD instructions by itself: three separate arrays indexed by the same j,
 * one of them written, in a method of its own. A loop over one flat array with two offsets
 * ({@code c[ci + j] += a·b[bk + j]}) leaves it in doubt whether a store changes a later load, and it
 * stays scalar; so, depending on the order in which it met the arrays, did one loop updating all four
 * rows. Two steps per pass halve the loads and stores of the tile rows, which bound the loop.
 */
final class PlainMicroKernel implements MicroKernel {
    static final int MR = 4, NR = 256;

    private final float[] x = new float[NR], y = new float[NR];
    private final float[] t0 = new float[NR], t1 = new float[NR], t2 = new float[NR], t3 = new float[NR];

    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override
    public void multiply(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs, float[] c, int ci, int ldc, boolean add) {
        Arrays.fill(t0, 0f);
        Arrays.fill(t1, 0f);
        Arrays.fill(t2, 0f);
        Arrays.fill(t3, 0f);
        int p = 0;
        for (; p + 1 < kc; p += 2) {
            int ap = ai + p * acs, aq = ap + acs;
            System.arraycopy(b, bi + p * bs, x, 0, NR);
            System.arraycopy(b, bi + (p + 1) * bs, y, 0, NR);
            addTwoSteps(t0, a[ap], a[aq], x, y);
            addTwoSteps(t1, a[ap + ars], a[aq + ars], x, y);
            addTwoSteps(t2, a[ap + 2 * ars], a[aq + 2 * ars], x, y);
            addTwoSteps(t3, a[ap + 3 * ars], a[aq + 3 * ars], x, y);
        }
        if (p < kc) {
            // an odd kc: the last step alone, against a row of zeros
            int ap = ai + p * acs;
            System.arraycopy(b, bi + p * bs, x, 0, NR);
            Arrays.fill(y, 0f);
            addTwoSteps(t0, a[ap], 0f, x, y);
            addTwoSteps(t1, a[ap + ars], 0f, x, y);
            addTwoSteps(t2, a[ap + 2 * ars], 0f, x, y);
            addTwoSteps(t3, a[ap + 3 * ars], 0f, x, y);
        }
        store(t0, c, ci, add);
        store(t1, c, ci + ldc, add);
        store(t2, c, ci + 2 * ldc, add);
        store(t3, c, ci + 3 * ldc, add);
    }

    /** One tile row, two steps of k: t[j] += a·x[j] + e·y[j]. */
    private static void addTwoSteps(float[] t, float a, float e, float[] x, float[] y) {
        for (int j = 0; j < NR; j++) t[j] += a * x[j] + e * y[j];
    }

    private static void store(float[] t, float[] c, int at, boolean add) {
        if (!add) {
            System.arraycopy(t, 0, c, at, NR);
            return;
        }
        for (int j = 0; j < NR; j++) c[at + j] += t[j];
    }
}
