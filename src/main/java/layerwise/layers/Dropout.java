package layerwise.layers;

import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * During training, sets a random fraction {@code rate} of the inputs to 0 and scales the rest by
 * 1/(1 − rate), so the expected sum stays the same; at inference it passes everything through.
 * y = x·mask/(1 − rate); no parameters.
 * Input shape: any. Output shape: the same.
 */
public final class Dropout extends FluentLayer<Dropout> {
    private final double rate;
    private Long seed;
    private Random rng;
    private NDArray savedMask;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new ConfigException(Problem.at(label())
                    .headline("Invalid value " + rate + " received for `rate`, expected a value between 0 and 1.")
                    .expected("0 ≤ rate < 1, the fraction of inputs to drop").got("rate = " + rate)
                    .why("rate 1 would drop every input and scale by 1/(1 − 1), a division by zero")
                    .fix("use a fraction such as 0.2 or 0.5"));
        }
        this.rate = rate;
    }

    /** Fixes the random masks, so a training run can be repeated exactly. */
    public Dropout seed(long s) { checkNotBuilt(); seed = s; return this; }

    public double rate() { return rate; }
    /** The seed, or null for a fresh one each run. */
    public Long seed() { return seed; }

    @Override
    protected Derivation derive(Shape in) {
        Derivation d = start(in).note("in training, zeroes each input with probability " + rate + " and scales the rest by 1/(1 − "
                + rate + "); at inference it does nothing. The shape never changes");
        return keepAll(d, in);
    }

    /** Backward: the same mask as forward. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("∂L/∂y ⊙ mask / (1 − rate)",
                "\\frac{\\partial L}{\\partial y} \\odot \\frac{\\mathrm{mask}}{1 - \\mathrm{rate}}"),
                "a dropped input did not reach the output, so it gets no gradient; a kept one gets it scaled by 1/(1 − " + rate + ")"));
    }

    /** Without a seed of its own, the masks come from the model's seed (see Model.initialize). */
    @Override
    public void initialize(Shape in, Random modelRng) {
        rng = new Random(seed != null ? seed : modelRng.nextLong());
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (!training || rate == 0) {
            savedMask = null;
            return x;
        }
        if (rng == null) rng = new Random(seed != null ? seed : 0);
        float keep = (float) (1 / (1 - rate));
        float[] mask = new float[x.size()];
        for (int i = 0; i < mask.length; i++) mask[i] = rng.nextDouble() < rate ? 0f : keep;
        savedMask = NDArray.wrap(mask, x.dims());
        return x.mul(savedMask);
    }

    /** The same mask as forward: dropped inputs get no gradient, kept ones get it scaled by 1/(1 − rate). */
    @Override
    public NDArray backward(NDArray gradOut) { return savedMask == null ? gradOut : gradOut.mul(savedMask); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("rate", rate);
        c.put("noise_shape", null);
        c.put("seed", seed);
    }

    @Override public Role role() { return Role.NORMALIZATION; }
}
