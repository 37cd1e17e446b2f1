package layerwise.ndarray;

import layerwise.ndarray.kernels.Transcendentals;

/**
 * Exponentials, sigmoids and tanh over a range of a float array, in place: for the fused loops of
 * layers that work on rows of flat arrays (an LSTM's gates, attention's softmax). With the Vector API
 * many numbers go through one instruction; without it, Math computes them one by one.
 */
public final class VectorMath {
    private static final Transcendentals KERNEL = Transcendentals.create();

    private VectorMath() {}

    /** x[i] = e^(x[i] − shift) for i in [from, to); returns their sum (the softmax's denominator). */
    public static float expShifted(float[] x, int from, int to, float shift) { return KERNEL.expShifted(x, from, to, shift); }

    /** x[i] = σ(x[i]) = 1/(1 + e^(−x[i])) for i in [from, to). */
    public static void sigmoid(float[] x, int from, int to) { KERNEL.sigmoid(x, from, to); }

    /** x[i] = tanh x[i] for i in [from, to). */
    public static void tanh(float[] x, int from, int to) { KERNEL.tanh(x, from, to); }
}
