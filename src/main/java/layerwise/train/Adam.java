package layerwise.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;
import layerwise.ndarray.kernels.AdamUpdate;

/**
 * Adam (Kingma &amp; Ba 2015) as in tf.keras: a running mean of the gradients (m, momentum) divided by
 * the root of a running mean of their squares (v, as RMSprop), both corrected for starting at zero.
 * <pre>
 *   m = β1·m + (1 − β1)·g          β1 = 0.9
 *   v = β2·v + (1 − β2)·g²         β2 = 0.999
 *   lr_t = lr·√(1 − β2^t) / (1 − β1^t)
 *   w -= lr_t·m / (√v + ε)         ε = 1e-7
 * </pre>
 * The moments are made once per weight array and kept; the update runs in one pass over each array
 * ({@link AdamUpdate}), in place, in float.
 */
public final class Adam implements Optimizer {
    private final double lr;
    private double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
    private long t;
    private final Map<Param, Moments> moments = new IdentityHashMap<>();

    /** The running means of each weight's gradient (m) and squared gradient (v). */
    private record Moments(float[] m, float[] v) {
        Moments(int size) { this(new float[size], new float[size]); }
    }

    public Adam() { this(0.001); }
    public Adam(double lr) { this.lr = Optimizers.checkLearningRate("Adam", lr); }

    public Adam beta1(double b) { beta1 = b; return this; }
    public Adam beta2(double b) { beta2 = b; return this; }
    public Adam epsilon(double e) { epsilon = e; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public void step(List<Param> params) {
        t++;
        float lrT = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        for (Param p : params) {
            float[] w = p.value().data();
            Moments mv = moments.computeIfAbsent(p, k -> new Moments(w.length));
            AdamUpdate.step(w, p.grad().data(), mv.m(), mv.v(), lrT, (float) beta1, (float) beta2, (float) epsilon);
        }
    }
}
