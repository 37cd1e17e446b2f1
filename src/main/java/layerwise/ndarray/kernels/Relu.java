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
     * The gradient with respect to z, written into dz (which may be dy itself): dy times a step that is 1
     * where z > 0 and 0 elsewhere. The step is min(1, max(0, z·2¹²⁷·2¹²⁷)): the two factors lift even
     * the smallest positive float (1.4·10⁻⁴⁵) above 1. Min and max of float arrays at one index are what
     * the JIT turns into SIMD instructions; a test-and-select, or bit tricks on the float's bits, it does not.
     */
    public static void backward(float[] z, float[] dy, float[] dz, int n) {
        Parallel.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) dz[i] = dy[i] * Math.min(1f, Math.max(0f, z[i] * 0x1p127f * 0x1p127f));
        });
    }
}
