package layerwise.ndarray.kernels;

import java.util.Arrays;

/**
 * The plain-Java micro-kernel, for JVMs without the Vector API: a 4×64 tile held in four row arrays.
 * Each step copies the next row of packed B into an array of its own, then updates the four rows
 * with the same index j: a loop over separate arrays at the same index is what the JIT turns into
 * SIMD instructions by itself (one flat array with two offsets is not).
 */
final class PlainMicroKernel implements MicroKernel {
    static final int MR = 4, NR = 64;

    private final float[] row = new float[NR], t0 = new float[NR], t1 = new float[NR], t2 = new float[NR], t3 = new float[NR];

    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override
    public void multiply(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs, float[] c, int ci, int ldc, boolean add) {
        float[] row = this.row, t0 = this.t0, t1 = this.t1, t2 = this.t2, t3 = this.t3;
        Arrays.fill(t0, 0f);
        Arrays.fill(t1, 0f);
        Arrays.fill(t2, 0f);
        Arrays.fill(t3, 0f);
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * acs;
            float a0 = a[ap], a1 = a[ap + ars], a2 = a[ap + 2 * ars], a3 = a[ap + 3 * ars];
            System.arraycopy(b, bi + p * bs, row, 0, NR);
            for (int j = 0; j < NR; j++) {
                float bj = row[j];
                t0[j] += a0 * bj;
                t1[j] += a1 * bj;
                t2[j] += a2 * bj;
                t3[j] += a3 * bj;
            }
        }
        store(t0, c, ci, add);
        store(t1, c, ci + ldc, add);
        store(t2, c, ci + 2 * ldc, add);
        store(t3, c, ci + 3 * ldc, add);
    }

    private static void store(float[] t, float[] c, int at, boolean add) {
        if (!add) {
            System.arraycopy(t, 0, c, at, NR);
            return;
        }
        for (int j = 0; j < NR; j++) c[at + j] += t[j];
    }
}
