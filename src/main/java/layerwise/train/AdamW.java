package layerwise.train;

import java.util.List;

import layerwise.layers.Param;

/**
 * Adam with decoupled weight decay, as Keras 3's AdamW: each step first shrinks every weight a little
 * towards zero, then takes the plain Adam step. Unlike an L2 penalty in the loss, the shrinking does not
 * pass through Adam's per-weight scaling, so every weight decays at the same rate.
 * <pre>
 *   w -= lr·λ·w                 λ = weight_decay = 0.004
 *   w -= Adam step              (see {@link Adam})
 * </pre>
 * <pre>Loshchilov and Hutter, Decoupled Weight Decay Regularization, ICLR 2019.</pre>
 */
public final class AdamW implements Optimizer {
    private final double lr;
    private double weightDecay = 0.004;
    private final Adam adam;

    public AdamW() { this(0.001); }

    public AdamW(double lr) {
        this.lr = lr;
        this.adam = new Adam(lr);
    }

    public AdamW weightDecay(double wd) { weightDecay = wd; return this; }
    public AdamW beta1(double b) { adam.beta1(b); return this; }
    public AdamW beta2(double b) { adam.beta2(b); return this; }
    public AdamW epsilon(double e) { adam.epsilon(e); return this; }

    public double weightDecay() { return weightDecay; }

    @Override public double learningRate() { return lr; }

    @Override
    public void step(List<Param> params) {
        float shrink = (float) (-lr * weightDecay);
        for (Param p : params) p.value().addInPlace(p.value(), shrink);
        adam.step(params);
    }
}
