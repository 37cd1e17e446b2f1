package layerwise.ndarray.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API micro-kernel: an 8-row tile two SIMD registers wide (8×32 floats with AVX-512).
 * Each step p loads two vectors of B, broadcasts each of the 8 numbers of A and does 16 fused
 * multiply-adds into 16 accumulator registers, which reach C only at the end.
 * Loaded only when the module jdk.incubator.vector is present (see {@link Gemm}).
 * <p>
 * Written for C2 in JDK 17: the accumulators start from {@code FloatVector.zero} (not a shared
 * constant, which would make every step allocate), and each call's receiver is a fresh vector whose
 * exact class C2 knows. A packed A strip has a loop of its own whose strides are constants, so C2
 * checks the indices once per call instead of at every load. Each loop ends by writing
 * its sums into a small array that {@link #store} adds into C: adding them into C in the same
 * method exceeds C2's inlining budget (NodeCountInliningCutoff), and the vectors then live on the heap.
 */
final class VectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = 8, NR = 2 * L;
    private static final FloatVector ZERO = FloatVector.zero(S);

    private final float[] tile = new float[MR * NR];

    @Override public int mr() { return MR; }

    @Override public int nr() { return NR; }

    @Override
    public void multiply(int kc, int rows, int cols, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs, float[] c, int ci, int ldc, boolean add) {
        if (ars == 1 && acs == MR && bs == NR) {
            packed(kc, a, ai, b, bi, tile);
        } else {
            strided(kc, a, ai, ars, acs, b, bi, bs, tile);
        }
        store(tile, c, ci, ldc, add);
    }

    private static void packed(int kc, float[] a, int ai, float[] b, int bi, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * MR, bp = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, bp), b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        ZERO.add(c00).intoArray(t, 0); ZERO.add(c01).intoArray(t, L);
        ZERO.add(c10).intoArray(t, NR); ZERO.add(c11).intoArray(t, NR + L);
        ZERO.add(c20).intoArray(t, 2 * NR); ZERO.add(c21).intoArray(t, 2 * NR + L);
        ZERO.add(c30).intoArray(t, 3 * NR); ZERO.add(c31).intoArray(t, 3 * NR + L);
        ZERO.add(c40).intoArray(t, 4 * NR); ZERO.add(c41).intoArray(t, 4 * NR + L);
        ZERO.add(c50).intoArray(t, 5 * NR); ZERO.add(c51).intoArray(t, 5 * NR + L);
        ZERO.add(c60).intoArray(t, 6 * NR); ZERO.add(c61).intoArray(t, 6 * NR + L);
        ZERO.add(c70).intoArray(t, 7 * NR); ZERO.add(c71).intoArray(t, 7 * NR + L);
    }

    private static void strided(int kc, float[] a, int ai, int ars, int acs, float[] b, int bi, int bs, float[] t) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
        for (int p = 0; p < kc; p++) {
            int ap = ai + p * acs, bp = bi + p * bs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp), b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + ars]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2 * ars]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3 * ars]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4 * ars]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5 * ars]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ap + 6 * ars]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ap + 7 * ars]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        ZERO.add(c00).intoArray(t, 0); ZERO.add(c01).intoArray(t, L);
        ZERO.add(c10).intoArray(t, NR); ZERO.add(c11).intoArray(t, NR + L);
        ZERO.add(c20).intoArray(t, 2 * NR); ZERO.add(c21).intoArray(t, 2 * NR + L);
        ZERO.add(c30).intoArray(t, 3 * NR); ZERO.add(c31).intoArray(t, 3 * NR + L);
        ZERO.add(c40).intoArray(t, 4 * NR); ZERO.add(c41).intoArray(t, 4 * NR + L);
        ZERO.add(c50).intoArray(t, 5 * NR); ZERO.add(c51).intoArray(t, 5 * NR + L);
        ZERO.add(c60).intoArray(t, 6 * NR); ZERO.add(c61).intoArray(t, 6 * NR + L);
        ZERO.add(c70).intoArray(t, 7 * NR); ZERO.add(c71).intoArray(t, 7 * NR + L);
    }

    /** Adds (or copies) the tile into C, one row of two vectors at a time. */
    private static void store(float[] t, float[] c, int ci, int ldc, boolean add) {
        for (int r = 0; r < MR; r++, ci += ldc) {
            for (int h = 0; h < NR; h += L) {
                if (add) {
                    FloatVector.fromArray(S, c, ci + h).add(FloatVector.fromArray(S, t, r * NR + h)).intoArray(c, ci + h);
                } else {
                    FloatVector.fromArray(S, t, r * NR + h).intoArray(c, ci + h);
                }
            }
        }
    }
}
