package layerwise.ndarray.kernels;

/**
 * {@link DirectConvKernel} in plain Java, for JVMs without the Vector API: the same sums, one number at
 * a time. Rows of a few filters or a few positions are too short for C2 to turn into SIMD loops, so the
 * kernel keeps eight sums in registers instead: eight positions of one filter (forward) or eight window
 * entries of one filter (weight gradient), each added in the order the definition gives. Each number
 * loaded then feeds eight multiply-adds, and eight independent sums keep the FMA units busy.
 */
final class PlainDirectConvKernel implements DirectConvKernel {
    @Override public boolean handles(int filters) { return filters > 0; }

    @Override public float[] weights(float[] w, int filters) { return w; }

    @Override
    public void forward(int count, float[] x, int xb, int c, int[] at, float[] w, int filters, float[] bias, float[] z, int zb) {
        int k = 0;
        for (; k + 8 <= count; k += 8) forward8(x, xb + k * c, c, at, w, filters, bias, z, zb + k * filters);
        for (; k < count; k++) {
            int xk = xb + k * c, zk = zb + k * filters;
            for (int f = 0; f < filters; f++) {
                float s = bias[f];
                for (int p = 0; p < at.length; p++) s = Math.fma(x[xk + at[p]], w[p * filters + f], s);
                z[zk + f] = s;
            }
        }
    }

    /** Positions k … k + 7 (their inputs c apart), filter by filter. */
    private static void forward8(float[] x, int xk, int c, int[] at, float[] w, int filters, float[] bias, float[] z, int zk) {
        for (int f = 0; f < filters; f++) {
            float s0 = bias[f], s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
            for (int p = 0; p < at.length; p++) {
                float wv = w[p * filters + f];
                int i = xk + at[p];
                s0 = Math.fma(x[i], wv, s0);
                s1 = Math.fma(x[i + c], wv, s1);
                s2 = Math.fma(x[i + 2 * c], wv, s2);
                s3 = Math.fma(x[i + 3 * c], wv, s3);
                s4 = Math.fma(x[i + 4 * c], wv, s4);
                s5 = Math.fma(x[i + 5 * c], wv, s5);
                s6 = Math.fma(x[i + 6 * c], wv, s6);
                s7 = Math.fma(x[i + 7 * c], wv, s7);
            }
            int o = zk + f;
            z[o] = s0; z[o + filters] = s1; z[o + 2 * filters] = s2; z[o + 3 * filters] = s3;
            z[o + 4 * filters] = s4; z[o + 5 * filters] = s5; z[o + 6 * filters] = s6; z[o + 7 * filters] = s7;
        }
    }

    @Override
    public void weightGrad(int count, float[] x, int xb, int c, int[] at, float[] dz, int zb, int filters, float[] dw, float[] db) {
        for (int f = 0; f < filters; f++) {
            float s = db[f];
            for (int k = 0; k < count; k++) s += dz[zb + k * filters + f];
            db[f] = s;
        }
        int p = 0;
        for (; p + 8 <= at.length; p += 8) weightGrad8(count, x, xb, c, at, p, dz, zb, filters, dw);
        for (; p < at.length; p++) {
            for (int f = 0; f < filters; f++) {
                float s = dw[p * filters + f];
                for (int k = 0; k < count; k++) s = Math.fma(x[xb + k * c + at[p]], dz[zb + k * filters + f], s);
                dw[p * filters + f] = s;
            }
        }
    }

    /** Window entries p … p + 7, filter by filter. */
    private static void weightGrad8(int count, float[] x, int xb, int c, int[] at, int p, float[] dz, int zb, int filters, float[] dw) {
        int a0 = at[p], a1 = at[p + 1], a2 = at[p + 2], a3 = at[p + 3], a4 = at[p + 4], a5 = at[p + 5], a6 = at[p + 6], a7 = at[p + 7];
        for (int f = 0; f < filters; f++) {
            int o = p * filters + f;
            float s0 = dw[o], s1 = dw[o + filters], s2 = dw[o + 2 * filters], s3 = dw[o + 3 * filters];
            float s4 = dw[o + 4 * filters], s5 = dw[o + 5 * filters], s6 = dw[o + 6 * filters], s7 = dw[o + 7 * filters];
            for (int k = 0; k < count; k++) {
                float g = dz[zb + k * filters + f];
                int i = xb + k * c;
                s0 = Math.fma(x[i + a0], g, s0);
                s1 = Math.fma(x[i + a1], g, s1);
                s2 = Math.fma(x[i + a2], g, s2);
                s3 = Math.fma(x[i + a3], g, s3);
                s4 = Math.fma(x[i + a4], g, s4);
                s5 = Math.fma(x[i + a5], g, s5);
                s6 = Math.fma(x[i + a6], g, s6);
                s7 = Math.fma(x[i + a7], g, s7);
            }
            dw[o] = s0; dw[o + filters] = s1; dw[o + 2 * filters] = s2; dw[o + 3 * filters] = s3;
            dw[o + 4 * filters] = s4; dw[o + 5 * filters] = s5; dw[o + 6 * filters] = s6; dw[o + 7 * filters] = s7;
        }
    }
}
