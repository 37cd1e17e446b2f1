package layerwise.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;

/**
 * Adam (Kingma &amp; Ba 2015) as in tf.keras: a running mean of the gradients (m, momentum) divided by
 * the root of a running mean of their squares (v, as RMSprop), both corrected for starting at zero.
 * <pre>
 *   m = β1·m + (1 − β1)·g          β1 = 0.9
 *   v = β2·v + (1 − β2)·g²         β2 = 0.999
 *   lr_t = lr·√(1 − β2^t) / (1 − β1^t)
 *   w -= lr_t·m / (√v + ε)         ε = 1e-7
 * </pre>
 */
public final class Adam implements Optimizer {
    private final double lr;
    private double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
    private long t;
    private final Map<Param, float[][]> moments = new IdentityHashMap<>();

    public Adam() { this(0.001); }
    public Adam(double lr) { this.lr = lr; }

    public Adam beta1(double b) { beta1 = b; return this; }
    public Adam beta2(double b) { beta2 = b; return this; }
    public Adam epsilon(double e) { epsilon = e; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public void step(List<Param> params) {
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        float b1 = (float) beta1, b2 = (float) beta2;
        for (Param p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[w.length], new float[w.length]});
            float[] m = mv[0], v = mv[1];
            for (int i = 0; i < w.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                w[i] -= (float) (lrT * m[i] / (Math.sqrt(v[i]) + epsilon));
            }
        }
    }
}
