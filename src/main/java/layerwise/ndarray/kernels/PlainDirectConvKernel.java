package layerwise.ndarray.kernels;

/** {@link DirectConvKernel} in plain Java, for JVMs without the Vector API: the same sums, one number at a time. */
final class PlainDirectConvKernel implements DirectConvKernel {
    @Override public boolean handles(int filters) { return filters > 0; }

    @Override public float[] weights(float[] w, int filters) { return w; }

    @Override
    public void forward(int count, float[] x, int xb, int c, int[] at, float[] w, int filters, float[] bias, float[] z, int zb) {
        for (int k = 0; k < count; k++) {
            int xk = xb + k * c, zk = zb + k * filters;
            for (int f = 0; f < filters; f++) z[zk + f] = bias[f];
            for (int p = 0; p < at.length; p++) {
                float xv = x[xk + at[p]];
                for (int f = 0; f < filters; f++) z[zk + f] = Math.fma(xv, w[p * filters + f], z[zk + f]);
            }
        }
    }

    @Override
    public void weightGrad(int count, float[] x, int xb, int c, int[] at, float[] dz, int zb, int filters, float[] dw, float[] db) {
        for (int k = 0; k < count; k++) {
            int xk = xb + k * c, zk = zb + k * filters;
            for (int f = 0; f < filters; f++) db[f] += dz[zk + f];
            for (int p = 0; p < at.length; p++) {
                float xv = x[xk + at[p]];
                for (int f = 0; f < filters; f++) dw[p * filters + f] = Math.fma(xv, dz[zk + f], dw[p * filters + f]);
            }
        }
    }
}
