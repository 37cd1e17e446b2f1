package layerwise.ndarray.kernels;

/** {@link Transcendentals} in plain Java: Math.exp and Math.tanh in double, one number at a time. */
final class PlainTranscendentals implements Transcendentals {
    @Override
    public float expShifted(float[] x, int from, int to, float shift) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += x[i] = (float) Math.exp(x[i] - shift);
        return (float) sum;
    }

    /** Written so that neither branch overflows: e^x/(1 + e^x) for negative x. */
    @Override
    public void sigmoid(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (v >= 0) {
                x[i] = (float) (1 / (1 + Math.exp(-v)));
            } else {
                double e = Math.exp(v);
                x[i] = (float) (e / (1 + e));
            }
        }
    }

    @Override
    public void tanh(float[] x, int from, int to) {
        for (int i = from; i < to; i++) x[i] = (float) Math.tanh(x[i]);
    }
}
