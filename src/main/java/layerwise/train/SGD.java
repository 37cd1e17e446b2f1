package layerwise.train;

import static layerwise.train.WorkedUpdate.arg;
import static layerwise.train.WorkedUpdate.num;

import java.util.ArrayList;
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

    @Override
    public WorkedUpdate explainUpdate(Param p, int i) {
        float w = p.value().data()[i], g = p.grad().data()[i];
        float lrT = (float) (lr / (1 + decay * iterations)), m = (float) momentum;
        List<String> lines = new ArrayList<>();
        String lrName = decay == 0 ? "lr" : "lr_t";
        if (decay != 0) lines.add("lr_t = lr/(1 + decay×t) = " + num(lr) + "/(1 + " + num(decay) + "×" + iterations + ") = " + num(lrT));
        if (m == 0) {
            float after = w - lrT * g;
            lines.add("w′ = w − " + lrName + "×g = " + num(w) + " − " + num(lrT) + "×" + arg(g) + " = " + num(after));
            return new WorkedUpdate(lines, after);
        }
        float[] vel = velocity.get(p);
        float v = vel == null ? 0f : vel[i], vNew = m * v - lrT * g;
        lines.add("v′ = momentum×v − " + lrName + "×g = " + num(m) + "×" + arg(v) + " − " + num(lrT) + "×" + arg(g) + " = " + num(vNew)
                + (vel == null ? "   (the velocity starts at 0)" : ""));
        if (nesterov) {
            float after = w + (m * vNew - lrT * g);
            lines.add("w′ = w + momentum×v′ − " + lrName + "×g = " + num(w) + " + " + num(m) + "×" + arg(vNew) + " − " + num(lrT) + "×" + arg(g)
                    + " = " + num(after) + "   (Nesterov: the step looks ahead along the velocity)");
            return new WorkedUpdate(lines, after);
        }
        float after = w + vNew;
        lines.add("w′ = w + v′ = " + num(w) + " + " + arg(vNew) + " = " + num(after));
        return new WorkedUpdate(lines, after);
    }

    @Override public String toString() {
        return "SGD(lr=" + lr + (momentum != 0 ? ", momentum=" + momentum : "") + (nesterov ? ", nesterov=True" : "")
                + (decay != 0 ? ", decay=" + decay : "") + ")";
    }
}
