package layerwise.train;

import static layerwise.train.WorkedUpdate.arg;
import static layerwise.train.WorkedUpdate.num;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import layerwise.layers.Param;
import layerwise.ndarray.kernels.AdagradUpdate;

/**
 * Adagrad (Duchi et al. 2011) as in tf.keras: the sum of all squared gradients so far shrinks the
 * step of weights that have already moved a lot.
 * <pre>
 *   a  = a + g²                    a starts at 0.1
 *   w -= lr·g / (√a + ε)           ε = 1e-7
 * </pre>
 * The accumulator is made once per weight array and kept; the update runs in one pass over each
 * array ({@link AdagradUpdate}), in place, in float.
 */
public final class Adagrad implements Optimizer {
    private final double lr;
    private double initialAccumulator = 0.1, epsilon = 1e-7;
    private final Map<Param, float[]> accumulated = new IdentityHashMap<>();

    public Adagrad() { this(0.001); }
    public Adagrad(double lr) { this.lr = Optimizers.checkLearningRate("Adagrad", lr); }

    public Adagrad initialAccumulatorValue(double a) { initialAccumulator = a; return this; }

    @Override public double learningRate() { return lr; }

    @Override
    public WorkedUpdate explainUpdate(Param p, int i) {
        float w = p.value().data()[i], g = p.grad().data()[i];
        float[] acc = accumulated.get(p);
        float a = acc == null ? (float) initialAccumulator : acc[i], aNew = a + g * g;
        float after = w - (float) lr * g / ((float) Math.sqrt(aNew) + (float) epsilon);
        return new WorkedUpdate(List.of(
                "a′ = a + g² = " + num(a) + " + " + arg(g) + "² = " + num(aNew) + (acc == null ? "   (a starts at " + num(initialAccumulator) + ")" : ""),
                "w′ = w − lr×g/(√a′ + ε) = " + num(w) + " − " + num(lr) + "×" + arg(g) + "/(√" + num(aNew) + " + " + num(epsilon) + ") = " + num(after)),
                after);
    }

    @Override
    public void step(List<Param> params) {
        for (Param p : params) {
            float[] w = p.value().data();
            float[] a = accumulated.computeIfAbsent(p, k -> filled(w.length, (float) initialAccumulator));
            AdagradUpdate.step(w, p.grad().data(), a, (float) lr, (float) epsilon);
        }
    }

    private static float[] filled(int size, float value) {
        float[] a = new float[size];
        Arrays.fill(a, value);
        return a;
    }

    @Override public String toString() { return "Adagrad(lr=" + lr + ", initial_accumulator_value=" + initialAccumulator + ")"; }
}
