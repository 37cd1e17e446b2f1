package layerwise.train;

import static layerwise.train.WorkedUpdate.arg;
import static layerwise.train.WorkedUpdate.num;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;
import layerwise.ndarray.kernels.RmspropUpdate;

/**
 * RMSprop (Hinton 2012) as in tf.keras: each weight's step is divided by a running root mean square
 * of its gradients, so steep and flat directions move at similar speeds.
 * <pre>
 *   s  = ρ·s + (1 − ρ)·g²          ρ = 0.9
 *   w -= lr·g / (√s + ε)           ε = 1e-7
 * </pre>
 * The mean square is made once per weight array and kept; the update runs in one pass over each
 * array ({@link RmspropUpdate}), in place, in float.
 */
public final class RMSprop implements Optimizer {
    private final double lr;
    private double rho = 0.9, epsilon = 1e-7;
    private final Map<Param, float[]> meanSquare = new IdentityHashMap<>();

    public RMSprop() { this(0.001); }
    public RMSprop(double lr) { this.lr = Optimizers.checkLearningRate("RMSprop", lr); }

    public RMSprop rho(double r) { rho = r; return this; }
    public RMSprop epsilon(double e) { epsilon = e; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public WorkedUpdate explainUpdate(Param p, int i) {
        float w = p.value().data()[i], g = p.grad().data()[i], r = (float) rho;
        float[] ms = meanSquare.get(p);
        float s = ms == null ? 0f : ms[i], sNew = r * s + (1 - r) * g * g;
        float after = w - (float) lr * g / ((float) Math.sqrt(sNew) + (float) epsilon);
        return new WorkedUpdate(List.of(
                "s′ = ρ×s + (1 − ρ)×g² = " + num(r) + "×" + arg(s) + " + " + num(1 - rho) + "×" + arg(g) + "² = " + num(sNew)
                        + (ms == null ? "   (s starts at 0)" : ""),
                "w′ = w − lr×g/(√s′ + ε) = " + num(w) + " − " + num(lr) + "×" + arg(g) + "/(√" + num(sNew) + " + " + num(epsilon) + ") = " + num(after)),
                after);
    }

    @Override
    public void step(List<Param> params) {
        for (Param p : params) {
            float[] w = p.value().data();
            float[] s = meanSquare.computeIfAbsent(p, k -> new float[w.length]);
            RmspropUpdate.step(w, p.grad().data(), s, (float) lr, (float) rho, (float) epsilon);
        }
    }

    @Override public String toString() { return "RMSprop(lr=" + lr + ", rho=" + rho + ", epsilon=" + epsilon + ")"; }
}
