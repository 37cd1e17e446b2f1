package layerwise.layers;

/**
 * The numbers of layer normalization on flat rows of d features, one pass per row instead of one
 * whole-array operation per term of the formula:
 * <pre>
 *   forward:  x̂ = (x − mean)/√(var + ε),  y = γ·x̂ + β
 *   backward: ĝ = g·γ;  dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(var + ε);  dγ = Σ_rows g·x̂
 * </pre>
 * Means and sums accumulate in double, as NDArray's reductions do.
 */
final class LayerNormMath {
    private LayerNormMath() {}

    /** Writes x̂ and 1/√(var + ε) of every row of x. */
    static void normalize(float[] x, int d, float epsilon, float[] normalized, float[] invStd) {
        for (int r = 0, rows = x.length / d; r < rows; r++) {
            int at = r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) sum += x[at + j];
            float mean = (float) (sum / d);
            double squares = 0;
            for (int j = 0; j < d; j++) {
                float centered = x[at + j] - mean;
                normalized[at + j] = centered;
                squares += centered * centered;
            }
            float inv = (float) (1 / Math.sqrt((float) (squares / d) + epsilon));
            invStd[r] = inv;
            for (int j = 0; j < d; j++) normalized[at + j] *= inv;
        }
    }

    /** y = γ·x̂ + β, row by row; a null γ or β is left out. */
    static void scaleShift(float[] normalized, int d, float[] gamma, float[] beta, float[] y) {
        for (int at = 0; at < y.length; at += d) {
            for (int j = 0; j < d; j++) {
                float v = gamma == null ? normalized[at + j] : normalized[at + j] * gamma[j];
                y[at + j] = beta == null ? v : v + beta[j];
            }
        }
    }

    /** out = Σ_rows g·x̂, column by column: dγ. */
    static void sumOfProducts(float[] g, float[] normalized, int d, float[] out) {
        double[] sums = new double[d];
        for (int at = 0; at < g.length; at += d) {
            for (int j = 0; j < d; j++) sums[j] += g[at + j] * normalized[at + j];
        }
        for (int j = 0; j < d; j++) out[j] = (float) sums[j];
    }

    /** dx of every row, from g = dLoss/dy, x̂ and 1/√(var + ε); a null γ counts as 1. */
    static void backward(float[] g, float[] normalized, float[] invStd, int d, float[] gamma, float[] dx) {
        for (int r = 0, rows = g.length / d; r < rows; r++) {
            int at = r * d;
            double sum = 0, dot = 0;
            for (int j = 0; j < d; j++) {
                float gh = gamma == null ? g[at + j] : g[at + j] * gamma[j];
                dx[at + j] = gh;
                sum += gh;
                dot += gh * normalized[at + j];
            }
            float mean = (float) (sum / d), meanDot = (float) (dot / d), inv = invStd[r];
            for (int j = 0; j < d; j++) dx[at + j] = (dx[at + j] - mean - normalized[at + j] * meanDot) * inv;
        }
    }
}
