package layerwise.train;

import static layerwise.train.WorkedUpdate.arg;
import static layerwise.train.WorkedUpdate.num;

import java.util.ArrayList;
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

    /** The step's moments m, v, their corrections m̂, v̂, and the new weight, for weight i of p. */
    @Override
    public WorkedUpdate explainUpdate(Param p, int i) {
        long t1 = t + 1;
        float w = p.value().data()[i], g = p.grad().data()[i], b1 = (float) beta1, b2 = (float) beta2;
        Moments mv = moments.get(p);
        float m = mv == null ? 0f : mv.m()[i], v = mv == null ? 0f : mv.v()[i];
        float mNew = b1 * m + (1 - b1) * g, vNew = b2 * v + (1 - b2) * g * g;
        double c1 = 1 - Math.pow(beta1, t1), c2 = 1 - Math.pow(beta2, t1), mHat = mNew / c1, vHat = vNew / c2;
        float lrT = (float) (lr * Math.sqrt(c2) / c1), after = w - lrT * mNew / ((float) Math.sqrt(vNew) + (float) epsilon);
        List<String> lines = new ArrayList<>();
        lines.add("t = " + t1 + (mv == null ? "   (first step: m and v start at 0)" : ""));
        lines.add("m′ = β1×m + (1 − β1)×g = " + num(b1) + "×" + arg(m) + " + " + num(1 - beta1) + "×" + arg(g) + " = " + num(mNew));
        lines.add("v′ = β2×v + (1 − β2)×g² = " + num(b2) + "×" + arg(v) + " + " + num(1 - beta2) + "×" + arg(g) + "² = " + num(vNew));
        lines.add("m̂ = m′/(1 − β1^t) = " + arg(mNew) + "/(1 − " + num(beta1) + "^" + t1 + ") = " + num(mHat));
        lines.add("v̂ = v′/(1 − β2^t) = " + arg(vNew) + "/(1 − " + num(beta2) + "^" + t1 + ") = " + num(vHat));
        lines.add("w′ = w − lr×m̂/(√v̂ + ε) = " + num(w) + " − " + num(lr) + "×" + arg(mHat) + "/(√" + num(vHat) + " + " + num(epsilon) + ") = " + num(after));
        return new WorkedUpdate(lines, after);
    }

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

    @Override public String toString() { return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")"; }
}
