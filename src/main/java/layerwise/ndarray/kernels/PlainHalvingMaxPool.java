package layerwise.ndarray.kernels;

/** {@link HalvingMaxPool} in plain Java: {@link HalvingMaxPool#fourTaps} for each output pixel. */
final class PlainHalvingMaxPool implements HalvingMaxPool {
    @Override
    public void row(float[] x, int t, int below, int c, int wOut, float[] out, int[] argmax, int o) {
        for (int j = 0; j < wOut; j++, o += c) {
            int t0 = t + 2 * j * c;
            HalvingMaxPool.fourTaps(x, t0, t0 + c, t0 + below, t0 + below + c, out, argmax, o, c);
        }
    }
}
