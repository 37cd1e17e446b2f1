package layerwise.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;
import layerwise.ndarray.kernels.SgdUpdate;

/**
 * Stochastic gradient descent as in Keras 2, {@code SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)}:
 * <pre>
 *   lr_t = lr / (1 + decay·iterations)
 *   v    = momentum·v − lr_t·g
 *   w   += v                          (or, Nesterov: w += momentum·v − lr_t·g)
 * </pre>
 * With momentum 0 this is plain w −= lr_t·g. The update runs in one pass over each weight array
 * ({@link SgdUpdate}), in place.
 */
public final class SGD implements Optimizer {
    private final double lr;
    private double momentum, decay;
    private boolean nesterov;
    private long iterations;
    private final Map<Param, float[]> velocity = new IdentityHashMap<>();

    /** Keras's default: SGD(learning_rate=0.01). */
    public SGD() { this(0.01); }

    public SGD(double lr) { this.lr = Optimizers.checkLearningRate("SGD", lr); }

    public SGD momentum(double m) { momentum = m; return this; }
    public SGD nesterov(boolean n) { nesterov = n; return this; }
    public SGD decay(double d) { decay = d; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public void step(List<Param> params) {
        float lrT = (float) (lr / (1 + decay * iterations)), m = (float) momentum;
        for (Param p : params) {
            float[] w = p.value().data(), g = p.grad().data();
            if (m == 0) {
                SgdUpdate.plain(w, g, lrT);
            } else {
                SgdUpdate.momentum(w, g, velocity.computeIfAbsent(p, k -> new float[w.length]), lrT, m, nesterov);
            }
        }
        iterations++;
    }

    @Override public String toString() {
        return "SGD(lr=" + lr + (momentum != 0 ? ", momentum=" + momentum : "") + (nesterov ? ", nesterov=True" : "")
                + (decay != 0 ? ", decay=" + decay : "") + ")";
    }
}
