package layerwise.ndarray.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals} with the Vector API: a whole register of numbers per exponential (16 with
 * AVX-512), through the JVM's vector math routines. σ(x) = 1/(1 + e^−x) needs no second branch here:
 * for very negative x, e^−x is +∞ and 1/∞ is 0. The last numbers of a range that do not fill a
 * register go to the plain kernel.
 */
final class VectorTranscendentals implements Transcendentals {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private final PlainTranscendentals plain = new PlainTranscendentals();

    @Override
    public float expShifted(float[] x, int from, int to, float shift) {
        FloatVector sum = FloatVector.zero(S);
        int i = from;
        for (; i <= to - L; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, i).sub(shift).lanewise(VectorOperators.EXP);
            e.intoArray(x, i);
            sum = sum.add(e);
        }
        return sum.reduceLanes(VectorOperators.ADD) + plain.expShifted(x, i, to, shift);
    }

    @Override
    public void sigmoid(float[] x, int from, int to) {
        int i = from;
        for (; i <= to - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            ONE.div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(x, i);
        }
        plain.sigmoid(x, i, to);
    }

    @Override
    public void tanh(float[] x, int from, int to) {
        int i = from;
        for (; i <= to - L; i += L) FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        plain.tanh(x, i, to);
    }
}
