package layerwise.ndarray.kernels;

/**
 * relu and its gradient over flat arrays, cut into fixed pieces run on the cores (pieces of 64 K
 * numbers, about 30 µs of work: below that, handing work to another thread costs more than it saves).
 * y = max(z, 0);  dz = dy where z > 0, else 0.
 */
public final class Relu {
    private static final int GRAIN = 1 << 16;

    private Relu() {}

    public static void forward(float[] z, float[] y, int n) {
        Parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = Math.max(z[i], 0f);
        });
    }

    /**
     * The gradient with respect to z, written into dz (which may be dy itself). Random signs would
     * make a branch guess wrong half the time, so the test z > 0 becomes a bit mask instead: for the
     * bits zb of z, (−zb & ~zb) has its sign bit set exactly when zb > 0 as an int, i.e. z > 0.
     */
    public static void backward(float[] z, float[] dy, float[] dz, int n) {
        Parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                int zb = Float.floatToRawIntBits(z[i]), mask = (-zb & ~zb) >> 31;
                dz[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[i]) & mask);
            }
        });
    }
}
