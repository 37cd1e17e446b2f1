package layerwise.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;

/**
 * RMSprop (Hinton 2012) as in tf.keras: each weight's step is divided by a running root mean square
 * of its gradients, so steep and flat directions move at similar speeds.
 * <pre>
 *   s  = ρ·s + (1 − ρ)·g²          ρ = 0.9
 *   w -= lr·g / (√s + ε)           ε = 1e-7
 * </pre>
 */
public final class RMSprop implements Optimizer {
    private final double lr;
    private double rho = 0.9, epsilon = 1e-7;
    private final Map<Param, float[]> meanSquare = new IdentityHashMap<>();

    public RMSprop() { this(0.001); }
    public RMSprop(double lr) { this.lr = lr; }

    public RMSprop rho(double r) { rho = r; return this; }
    public RMSprop epsilon(double e) { epsilon = e; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public void step(List<Param> params) {
        for (Param p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            float[] s = meanSquare.computeIfAbsent(p, k -> new float[w.length]);
            for (int i = 0; i < w.length; i++) {
                s[i] = (float) (rho * s[i] + (1 - rho) * g[i] * g[i]);
                w[i] -= (float) (lr * g[i] / (Math.sqrt(s[i]) + epsilon));
            }
        }
    }
}
