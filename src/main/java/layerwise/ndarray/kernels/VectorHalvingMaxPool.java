package layerwise.ndarray.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HalvingMaxPool} with the Vector API, for c = L/2 channels (8 with AVX-512): one register
 * loads two neighbouring pixels of a row, [2j | 2j + 1]. Swapping its halves lines the two up, so
 * <pre>
 *   across   the larger of 2j and 2j + 1 in each row (2j + 1 only when strictly larger)
 *   down     the larger of the two rows (the lower only when strictly larger): row-major first on a tie
 * </pre>
 * The winner's place is computed as an offset, (0 or c) + (0 or below), in floats (exact for rows
 * below 2²² numbers); two output pixels fill one register for the stores. Other channel counts, and an odd
 * last pixel, go to the plain kernel. Uses the GEMM's species, as {@link VectorDirectConvKernel} explains.
 */
final class VectorHalvingMaxPool implements HalvingMaxPool {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length(), HALF = L / 2;
    private static final VectorShuffle<Float> SWAP = VectorShuffle.fromOp(S, i -> (i + HALF) % L);
    private static final VectorMask<Float> HIGH = VectorMask.fromLong(S, ((1L << L) - 1) & ~((1L << HALF) - 1));
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final float TWO_23 = 0x1p23f;
    /** Lane i holds i % c: the channel of each lane once two pixels share a register. */
    private static final int[] CHANNEL = new int[L];

    static {
        for (int i = 0; i < L; i++) CHANNEL[i] = i % HALF;
    }

    private final PlainHalvingMaxPool plain = new PlainHalvingMaxPool();

    @Override
    public void row(float[] x, int t, int below, int c, int wOut, float[] out, int[] argmax, int o) {
        if (c != HALF || I.length() != L || below >= 1 << 22) {
            plain.row(x, t, below, c, wOut, out, argmax, o);
            return;
        }
        int j = 0;
        for (; j + 2 <= wOut; j += 2) twoPixels(x, t + 2 * j * c, below, out, argmax, o + j * c);
        if (j < wOut) {
            int t0 = t + 2 * j * c;
            HalvingMaxPool.fourTaps(x, t0, t0 + c, t0 + below, t0 + below + c, out, argmax, o + j * c, c);
        }
    }

    /** Output pixels j and j + 1, whose inputs start at t0 and t0 + 2c. */
    private static void twoPixels(float[] x, int t0, int below, float[] out, int[] argmax, int o) {
        FloatVector cOff = FloatVector.broadcast(S, HALF), rowOff = FloatVector.broadcast(S, below);
        // pixel j in the low halves
        FloatVector a = FloatVector.fromArray(S, x, t0), b = FloatVector.fromArray(S, x, t0 + below);
        FloatVector as = a.rearrange(SWAP), bs = b.rearrange(SWAP);
        VectorMask<Float> ca = as.compare(VectorOperators.GT, a), cb = bs.compare(VectorOperators.GT, b);
        FloatVector h0 = a.blend(as, ca), h1 = b.blend(bs, cb);
        VectorMask<Float> down = h1.compare(VectorOperators.GT, h0);
        FloatVector m = h0.blend(h1, down);
        FloatVector off = ZERO.blend(cOff, ca).blend(ZERO.blend(cOff, cb).add(rowOff), down);
        // pixel j + 1, moved to the high halves
        FloatVector a2 = FloatVector.fromArray(S, x, t0 + L), b2 = FloatVector.fromArray(S, x, t0 + L + below);
        FloatVector as2 = a2.rearrange(SWAP), bs2 = b2.rearrange(SWAP);
        VectorMask<Float> ca2 = as2.compare(VectorOperators.GT, a2), cb2 = bs2.compare(VectorOperators.GT, b2);
        FloatVector g0 = a2.blend(as2, ca2), g1 = b2.blend(bs2, cb2);
        VectorMask<Float> down2 = g1.compare(VectorOperators.GT, g0);
        FloatVector m2 = g0.blend(g1, down2);
        FloatVector off2 = ZERO.blend(cOff, ca2).blend(ZERO.blend(cOff, cb2).add(rowOff), down2).add((float) L);
        ZERO.add(m.blend(m2.rearrange(SWAP), HIGH)).intoArray(out, o);
        // a whole number k < 2²³ plus 2²³ is a float whose low bits are k (a float-to-int convert is not compiled inline in JDK 17)
        IntVector k = off.blend(off2.rearrange(SWAP), HIGH).add(TWO_23).reinterpretAsInts();
        k.add(IntVector.fromArray(I, CHANNEL, 0)).add(t0 - Float.floatToRawIntBits(TWO_23)).intoArray(argmax, o);
    }
}
