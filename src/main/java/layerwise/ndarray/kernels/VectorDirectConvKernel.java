package layerwise.ndarray.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DirectConvKernel} with the Vector API. A register of L floats (16 with AVX-512) holds
 * <pre>
 *   blocks   F a multiple of L: L filters of one position; 8 positions at a time keep 8 registers of
 *            sums, so each weight row loaded serves 8 positions (forward), or 8 window entries at a
 *            time, so each gradient row loaded serves 8 entries (weight gradient)
 *   pairs    F = L/2 (8 filters with AVX-512): the F filters of two neighbouring positions, which are
 *            adjacent in channels-last order; the weights are doubled to match, and the input is laid
 *            out once per sample so that one load gives a tap's pair of positions (see {@link #input})
 * </pre>
 * Remainders run one position (or pair) at a time, except that in pairs a run of 16 or more positions
 * ends with a block that overlaps the one before, recomputing a few positions to the same numbers.
 * The species is the same as the GEMM's ({@link VectorMicroKernel}): C2 compiles the Vector API inline only while each call site sees one
 * vector class, and a second species makes both kernels box their vectors, allocating on every call.
 * As there, sums are stored as {@code ZERO.add(s)}, a receiver whose exact class C2
 * knows. Loaded only when the module jdk.incubator.vector is present.
 */
final class VectorDirectConvKernel implements DirectConvKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length(), HALF = L / 2;
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final VectorMask<Float> HIGH = VectorMask.fromLong(S, ((1L << L) - 1) & ~((1L << HALF) - 1));

    private final float[] fold = new float[L];
    /** The current sample laid out in pairs, and where the sample starts in x (see {@link #input}). */
    private float[] pairs = new float[0];
    private int from;

    @Override public boolean handles(int filters) { return filters % L == 0 || filters == HALF; }

    @Override
    public float[] weights(float[] w, int filters) {
        if (filters != HALF) return w;
        float[] doubled = new float[w.length * 2];
        for (int p = 0; p < w.length / HALF; p++) {
            System.arraycopy(w, p * HALF, doubled, p * L, HALF);
            System.arraycopy(w, p * HALF, doubled, p * L + HALF, HALF);
        }
        return doubled;
    }

    @Override
    public void forward(int count, float[] x, int xb, int c, int[] at, float[] w, int filters, float[] bias, float[] z, int zb) {
        if (filters == HALF) {
            forwardPairs(count, xb, c, at, w, bias, z, zb);
            return;
        }
        for (int f0 = 0; f0 < filters; f0 += L) {
            int k = 0;
            for (; k + 8 <= count; k += 8) forward8(x, xb + k * c, c, at, w, filters, f0, bias, z, zb + k * filters);
            for (; k < count; k++) {
                FloatVector s = FloatVector.fromArray(S, bias, f0);
                for (int p = 0, xk = xb + k * c; p < at.length; p++) {
                    s = FloatVector.broadcast(S, x[xk + at[p]]).fma(FloatVector.fromArray(S, w, p * filters + f0), s);
                }
                ZERO.add(s).intoArray(z, zb + k * filters + f0);
            }
        }
    }

    private static void forward8(float[] x, int xk, int c, int[] at, float[] w, int filters, int f0, float[] bias, float[] z, int zk) {
        FloatVector b = FloatVector.fromArray(S, bias, f0);
        FloatVector s0 = b, s1 = b, s2 = b, s3 = b, s4 = b, s5 = b, s6 = b, s7 = b;
        for (int p = 0; p < at.length; p++) {
            FloatVector wv = FloatVector.fromArray(S, w, p * filters + f0);
            int i = xk + at[p];
            s0 = FloatVector.broadcast(S, x[i]).fma(wv, s0);
            s1 = FloatVector.broadcast(S, x[i + c]).fma(wv, s1);
            s2 = FloatVector.broadcast(S, x[i + 2 * c]).fma(wv, s2);
            s3 = FloatVector.broadcast(S, x[i + 3 * c]).fma(wv, s3);
            s4 = FloatVector.broadcast(S, x[i + 4 * c]).fma(wv, s4);
            s5 = FloatVector.broadcast(S, x[i + 5 * c]).fma(wv, s5);
            s6 = FloatVector.broadcast(S, x[i + 6 * c]).fma(wv, s6);
            s7 = FloatVector.broadcast(S, x[i + 7 * c]).fma(wv, s7);
        }
        int o = zk + f0;
        ZERO.add(s0).intoArray(z, o); ZERO.add(s1).intoArray(z, o + filters);
        ZERO.add(s2).intoArray(z, o + 2 * filters); ZERO.add(s3).intoArray(z, o + 3 * filters);
        ZERO.add(s4).intoArray(z, o + 4 * filters); ZERO.add(s5).intoArray(z, o + 5 * filters);
        ZERO.add(s6).intoArray(z, o + 6 * filters); ZERO.add(s7).intoArray(z, o + 7 * filters);
    }

    /** Two positions per register: x of position k in the low half, of k + 1 in the high half (see {@link #input}). */
    private static FloatVector pair(float[] e, int i) {
        return FloatVector.fromArray(S, e, i * L);
    }

    /**
     * For 8 filters per register, the sample's numbers x[q] and x[q + c] (the same entry of the next
     * position) are laid out once as a register's worth each, [x[q] ×8 | x[q + c] ×8]: every window tap
     * then loads its pair of positions instead of building it from two broadcasts k_h·k_w times.
     */
    @Override
    public void input(float[] x, int from, int length, int c, int filters) {
        if (filters != HALF) return;
        this.from = from;
        if (pairs.length < length * L) pairs = new float[length * L];
        for (int q = 0; q < length; q++) {
            int i = from + q;
            float next = i + c < x.length ? x[i + c] : 0f;
            ZERO.add(FloatVector.broadcast(S, x[i]).blend(FloatVector.broadcast(S, next), HIGH)).intoArray(pairs, q * L);
        }
    }

    private void forwardPairs(int count, int xb, int c, int[] at, float[] w2, float[] bias, float[] z, int zb) {
        float[] e = pairs;
        int xr = xb - from;
        if (count >= 16) {
            // the last 16 positions may overlap the ones before: they are computed again, to the same numbers
            for (int k = 0; ; k += 16) {
                int start = Math.min(k, count - 16);
                forwardPairs8(e, xr + start * c, c, at, w2, bias, z, zb + start * HALF);
                if (start == count - 16) break;
            }
            return;
        }
        int k = 0;
        for (; k + 2 <= count; k += 2) {
            FloatVector s = FloatVector.fromArray(S, bias, 0);
            for (int p = 0, xk = xr + k * c; p < at.length; p++) s = pair(e, xk + at[p]).fma(FloatVector.fromArray(S, w2, p * L), s);
            ZERO.add(s).intoArray(z, zb + k * HALF);
        }
        if (k < count) {
            for (int f = 0, xk = xr + k * c; f < HALF; f++) {
                float s = bias[f];
                for (int p = 0; p < at.length; p++) s = Math.fma(e[(xk + at[p]) * L], w2[p * L + f], s);
                z[zb + k * HALF + f] = s;
            }
        }
    }

    private static void forwardPairs8(float[] e, int xk, int c, int[] at, float[] w2, float[] bias, float[] z, int zk) {
        FloatVector b = FloatVector.fromArray(S, bias, 0);
        FloatVector s0 = b, s1 = b, s2 = b, s3 = b, s4 = b, s5 = b, s6 = b, s7 = b;
        int c2 = 2 * c;
        for (int p = 0; p < at.length; p++) {
            FloatVector wv = FloatVector.fromArray(S, w2, p * L);
            int i = xk + at[p];
            s0 = pair(e, i).fma(wv, s0);
            s1 = pair(e, i + c2).fma(wv, s1);
            s2 = pair(e, i + 2 * c2).fma(wv, s2);
            s3 = pair(e, i + 3 * c2).fma(wv, s3);
            s4 = pair(e, i + 4 * c2).fma(wv, s4);
            s5 = pair(e, i + 5 * c2).fma(wv, s5);
            s6 = pair(e, i + 6 * c2).fma(wv, s6);
            s7 = pair(e, i + 7 * c2).fma(wv, s7);
        }
        ZERO.add(s0).intoArray(z, zk); ZERO.add(s1).intoArray(z, zk + L);
        ZERO.add(s2).intoArray(z, zk + 2 * L); ZERO.add(s3).intoArray(z, zk + 3 * L);
        ZERO.add(s4).intoArray(z, zk + 4 * L); ZERO.add(s5).intoArray(z, zk + 5 * L);
        ZERO.add(s6).intoArray(z, zk + 6 * L); ZERO.add(s7).intoArray(z, zk + 7 * L);
    }

    @Override
    public void weightGrad(int count, float[] x, int xb, int c, int[] at, float[] dz, int zb, int filters, float[] dw, float[] db) {
        if (filters == HALF) {
            weightGradPairs(count, xb - from, c, at, dz, zb, dw, db);
            return;
        }
        for (int f0 = 0; f0 < filters; f0 += L) {
            FloatVector sb = FloatVector.fromArray(S, db, f0);
            for (int k = 0; k < count; k++) sb = sb.add(FloatVector.fromArray(S, dz, zb + k * filters + f0));
            ZERO.add(sb).intoArray(db, f0);
            int p = 0;
            for (; p + 8 <= at.length; p += 8) weightGrad8(count, x, xb, c, at, p, dz, zb, filters, f0, dw);
            for (; p < at.length; p++) {
                FloatVector s = FloatVector.fromArray(S, dw, p * filters + f0);
                for (int k = 0; k < count; k++) {
                    s = FloatVector.broadcast(S, x[xb + k * c + at[p]]).fma(FloatVector.fromArray(S, dz, zb + k * filters + f0), s);
                }
                ZERO.add(s).intoArray(dw, p * filters + f0);
            }
        }
    }

    private static void weightGrad8(int count, float[] x, int xb, int c, int[] at, int p, float[] dz, int zb, int filters, int f0, float[] dw) {
        int a0 = at[p], a1 = at[p + 1], a2 = at[p + 2], a3 = at[p + 3], a4 = at[p + 4], a5 = at[p + 5], a6 = at[p + 6], a7 = at[p + 7];
        int o = p * filters + f0;
        FloatVector s0 = FloatVector.fromArray(S, dw, o), s1 = FloatVector.fromArray(S, dw, o + filters);
        FloatVector s2 = FloatVector.fromArray(S, dw, o + 2 * filters), s3 = FloatVector.fromArray(S, dw, o + 3 * filters);
        FloatVector s4 = FloatVector.fromArray(S, dw, o + 4 * filters), s5 = FloatVector.fromArray(S, dw, o + 5 * filters);
        FloatVector s6 = FloatVector.fromArray(S, dw, o + 6 * filters), s7 = FloatVector.fromArray(S, dw, o + 7 * filters);
        for (int k = 0; k < count; k++) {
            FloatVector g = FloatVector.fromArray(S, dz, zb + k * filters + f0);
            int i = xb + k * c;
            s0 = FloatVector.broadcast(S, x[i + a0]).fma(g, s0);
            s1 = FloatVector.broadcast(S, x[i + a1]).fma(g, s1);
            s2 = FloatVector.broadcast(S, x[i + a2]).fma(g, s2);
            s3 = FloatVector.broadcast(S, x[i + a3]).fma(g, s3);
            s4 = FloatVector.broadcast(S, x[i + a4]).fma(g, s4);
            s5 = FloatVector.broadcast(S, x[i + a5]).fma(g, s5);
            s6 = FloatVector.broadcast(S, x[i + a6]).fma(g, s6);
            s7 = FloatVector.broadcast(S, x[i + a7]).fma(g, s7);
        }
        ZERO.add(s0).intoArray(dw, o); ZERO.add(s1).intoArray(dw, o + filters);
        ZERO.add(s2).intoArray(dw, o + 2 * filters); ZERO.add(s3).intoArray(dw, o + 3 * filters);
        ZERO.add(s4).intoArray(dw, o + 4 * filters); ZERO.add(s5).intoArray(dw, o + 5 * filters);
        ZERO.add(s6).intoArray(dw, o + 6 * filters); ZERO.add(s7).intoArray(dw, o + 7 * filters);
    }

    /** Sums over pairs of positions; the two halves of each register are added at the end. */
    private void weightGradPairs(int count, int xb, int c, int[] at, float[] dz, int zb, float[] dw, float[] db) {
        float[] e = pairs;
        int even = count / 2 * 2;
        FloatVector sb = FloatVector.zero(S);
        for (int k = 0; k < even; k += 2) sb = sb.add(FloatVector.fromArray(S, dz, zb + k * HALF));
        addHalves(sb, db, 0);
        int p = 0;
        for (; p + 8 <= at.length; p += 8) weightGradPairs8(even, e, xb, c, at, p, dz, zb, dw);
        for (; p < at.length; p++) {
            FloatVector s = FloatVector.zero(S);
            for (int k = 0; k < even; k += 2) s = pair(e, xb + k * c + at[p]).fma(FloatVector.fromArray(S, dz, zb + k * HALF), s);
            addHalves(s, dw, p * HALF);
        }
        for (int k = even; k < count; k++) {
            int zk = zb + k * HALF, xk = xb + k * c;
            for (int f = 0; f < HALF; f++) db[f] += dz[zk + f];
            for (int q = 0; q < at.length; q++) {
                float xv = e[(xk + at[q]) * L];
                for (int f = 0; f < HALF; f++) dw[q * HALF + f] = Math.fma(xv, dz[zk + f], dw[q * HALF + f]);
            }
        }
    }

    private void weightGradPairs8(int even, float[] e, int xb, int c, int[] at, int p, float[] dz, int zb, float[] dw) {
        int a0 = at[p], a1 = at[p + 1], a2 = at[p + 2], a3 = at[p + 3], a4 = at[p + 4], a5 = at[p + 5], a6 = at[p + 6], a7 = at[p + 7];
        FloatVector z = FloatVector.zero(S);
        FloatVector s0 = z, s1 = z, s2 = z, s3 = z, s4 = z, s5 = z, s6 = z, s7 = z;
        for (int k = 0; k < even; k += 2) {
            FloatVector g = FloatVector.fromArray(S, dz, zb + k * HALF);
            int i = xb + k * c;
            s0 = pair(e, i + a0).fma(g, s0);
            s1 = pair(e, i + a1).fma(g, s1);
            s2 = pair(e, i + a2).fma(g, s2);
            s3 = pair(e, i + a3).fma(g, s3);
            s4 = pair(e, i + a4).fma(g, s4);
            s5 = pair(e, i + a5).fma(g, s5);
            s6 = pair(e, i + a6).fma(g, s6);
            s7 = pair(e, i + a7).fma(g, s7);
        }
        int o = p * HALF;
        addHalves(s0, dw, o); addHalves(s1, dw, o + HALF); addHalves(s2, dw, o + 2 * HALF); addHalves(s3, dw, o + 3 * HALF);
        addHalves(s4, dw, o + 4 * HALF); addHalves(s5, dw, o + 5 * HALF); addHalves(s6, dw, o + 6 * HALF); addHalves(s7, dw, o + 7 * HALF);
    }

    /** to[at + f] += s[f] + s[f + L/2]: the two positions' shares of each filter. */
    private void addHalves(FloatVector s, float[] to, int at) {
        ZERO.add(s).intoArray(fold, 0);
        for (int f = 0; f < HALF; f++) to[at + f] += fold[f] + fold[f + HALF];
    }
}
