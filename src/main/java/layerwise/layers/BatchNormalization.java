package layerwise.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Normalizes each feature of the chosen axis to mean 0 and variance 1, then rescales it with a learned
 * γ and β. y = γ·(x − μ)/√(σ² + ε) + β; params = 2·C trainable (γ, β) + 2·C non-trainable (moving μ, σ²).
 * Input shape: any. Output shape: the same.
 */
public final class BatchNormalization extends FluentLayer<BatchNormalization> {
    private int axis = -1;
    private double momentum = 0.99, epsilon = 0.001;
    private boolean center = true, scale = true;
    private Param gamma, beta;
    private NDArray movingMean, movingVariance;
    private BatchNormMath math;
    private int savedAxis;

    /** The feature axis, counted as Keras counts it: the batch axis is 0, so 1 is channels_first, -1 the last. */
    public BatchNormalization axis(int a) { checkNotBuilt(); axis = a; return this; }
    /** Whether to learn the shift β. */
    public BatchNormalization center(boolean c) { checkNotBuilt(); center = c; return this; }
    /** Whether to learn the scale γ. */
    public BatchNormalization scale(boolean s) { checkNotBuilt(); scale = s; return this; }
    /** How slowly the moving mean and variance follow each batch: moving = momentum·moving + (1 − momentum)·batch. */
    public BatchNormalization momentum(double m) { checkNotBuilt(); momentum = m; return this; }
    /** Added to the variance so a constant feature does not divide by zero. */
    public BatchNormalization epsilon(double e) {
        checkNotBuilt();
        if (!(e > 0)) {
            throw new ConfigException(Problem.at(label()).headline("epsilon must be positive. Received: epsilon=" + e)
                    .expected("epsilon > 0").got("epsilon = " + e).why("epsilon keeps √(σ² + ε) away from zero")
                    .fix("use a small positive number such as 0.001"));
        }
        epsilon = e;
        return this;
    }

    public int axis() { return axis; }
    public boolean center() { return center; }
    public boolean scale() { return scale; }
    public double momentum() { return momentum; }
    public double epsilon() { return epsilon; }

    @Override
    protected Derivation derive(Shape in) {
        int featureAxis = featureAxis(in);
        long c = in.dim(featureAxis);
        Derivation d = start(in).note("normalizes each of the " + c + " features on axis " + (featureAxis + 1)
                + " over the batch: y = γ·(x − μ)/√(σ² + ε) + β; the shape does not change");
        for (int i = 0; i < in.rank(); i++) d.keep(i == featureAxis ? "features" : "axis " + (i + 1), in.dim(i));
        Expr features = Expr.var("C", c);
        int learned = (center ? 1 : 0) + (scale ? 1 : 0);
        String which = center && scale ? "γ (scale) and β (shift)" : scale ? "γ (scale) only" : center ? "β (shift) only" : "none";
        d.params(learned == 0 ? Expr.of(0) : learned == 1 ? features : Expr.scaled(2, features),
                which + ", one per feature, learned by gradient descent");
        d.nonTrainableParams(Expr.scaled(2, features),
                "moving mean μ and variance σ², one per feature: averaged during training, not learned by gradients; used instead of batch statistics at inference");
        return d.macs(Expr.of(Math.max(in.size(), 0)).times(2));
    }

    /** Backward: γ and β collect over the batch; ∂L/∂x also flows through the batch's mean and variance. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        Expr c = Expr.var("C", in.dim(featureAxis(in)));
        if (scale) d.gradient(Gradients.weight("gamma", "γ", Gradients.rule("Σ over the batch of ∂L/∂y ⊙ x̂",
                "\\sum_{\\mathrm{batch}} \\frac{\\partial L}{\\partial y} \\odot \\hat{x}"), List.of(c), "one scale per feature, so one gradient per feature"));
        if (center) d.gradient(Gradients.weight("beta", "β", Gradients.rule("Σ over the batch of ∂L/∂y", "\\sum_{\\mathrm{batch}} \\frac{\\partial L}{\\partial y}"),
                List.of(c), "β is added to every sample, so it collects every sample's gradient"));
        d.note("the moving mean and variance get no gradient: they are averaged, not learned");
        return d.gradient(Gradients.input(in, Gradients.rule("γ/σ · (∂L/∂y − mean(∂L/∂y) − x̂ · mean(∂L/∂y ⊙ x̂))",
                "\\frac{\\gamma}{\\sigma}\\left(g - \\bar{g} - \\hat{x}\\,\\overline{g \\odot \\hat{x}}\\right)"),
                "in training each sample also moved the batch's mean and variance, so its gradient subtracts what those two carried back"));
    }

    /** γ = 1, β = 0, moving mean 0 and moving variance 1, as Keras starts them. */
    @Override
    public void initialize(Shape in, Random rng) {
        int c = (int) in.dim(featureAxis(in));
        gamma = scale ? Param.of("gamma", NDArray.ones(c)) : null;
        beta = center ? Param.of("beta", NDArray.zeros(c)) : null;
        movingMean = NDArray.zeros(c);
        movingVariance = NDArray.ones(c);
    }

    @Override public boolean isInitialized() { return movingMean != null; }

    /** γ and β, the weights training changes; the moving statistics are in {@link #movingMean()} and {@link #movingVariance()}. */
    @Override
    public List<Param> params() {
        return Param.present(gamma, beta);
    }

    /** Keras's set_weights takes γ, β, moving mean and variance; γ and β alone keep the moving statistics. */
    @Override
    public void setWeights(List<NDArray> weights) {
        createWeightsIfMissing();
        if (weights.size() != params().size() || !isInitialized()) {
            super.setWeights(weights);
            return;
        }
        List<NDArray> all = new ArrayList<>(weights);
        all.addAll(nonTrainableWeights().values());
        super.setWeights(all);
    }

    @Override
    protected Map<String, NDArray> nonTrainableWeights() {
        if (movingMean == null) return Map.of();
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("moving_mean", movingMean);
        m.put("moving_variance", movingVariance);
        return m;
    }

    @Override
    protected void setNonTrainableWeights(List<NDArray> values) {
        movingMean = values.get(0).copy();
        movingVariance = values.get(1).copy();
    }

    public NDArray movingMean() { return movingMean; }
    public NDArray movingVariance() { return movingVariance; }

    /**
     * Training: normalize with this batch's mean and variance and move the moving statistics towards
     * them; inference: normalize with the moving statistics. The math runs on a (rows, C) view.
     */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (movingMean == null) initialize(sampleShape(x), new Random(0));
        savedAxis = featureAxis(sampleShape(x)) + 1;
        NDArray rows = BatchNormMath.toRows(x, savedAxis);
        math = new BatchNormMath(rows, training ? null : movingMean, training ? null : movingVariance, (float) epsilon);
        if (training) {
            movingMean = movingMean.mul((float) momentum).add(math.mean().mul((float) (1 - momentum)));
            movingVariance = movingVariance.mul((float) momentum).add(math.unbiasedVariance().mul((float) (1 - momentum)));
        }
        NDArray y = math.normalized();
        if (gamma != null) y = y.mul(gamma.value());
        if (beta != null) y = y.add(beta.value());
        return BatchNormMath.fromRows(y, x.dims(), savedAxis);
    }

    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray g = BatchNormMath.toRows(gradOut, savedAxis);
        if (beta != null) copyInto(beta.grad(), g.sum(0));
        if (gamma != null) copyInto(gamma.grad(), g.mul(math.normalized()).sum(0));
        NDArray gradNormalized = gamma != null ? g.mul(gamma.value()) : g;
        return BatchNormMath.fromRows(math.backward(gradNormalized), gradOut.dims(), savedAxis);
    }

    private static void copyInto(NDArray target, NDArray value) {
        System.arraycopy(value.data(), 0, target.data(), 0, target.size());
    }

    /** The axis index in our shapes (no batch axis), checked against the input's rank. */
    private int featureAxis(Shape in) {
        int withBatch = axis < 0 ? axis + in.rank() + 1 : axis;
        if (withBatch <= 0 || withBatch > in.rank()) {
            throw new ShapeException(Problem.at(label())
                    .headline("Invalid axis. Expected 0 <= axis < inputs.rank (with inputs.rank=" + (in.rank() + 1)
                            + "). Received: layer.axis=" + axis)
                    .expected("a feature axis from 1 to " + in.rank() + " (or −1 for the last), input " + in.withBatch())
                    .got("axis " + axis + (withBatch == 0 ? ", the batch axis" : ""))
                    .why(withBatch == 0 ? "axis 0 is the batch: its statistics are what normalization averages over, not a feature"
                            : "the input has only " + (in.rank() + 1) + " axes, counting the batch axis as 0")
                    .fix("use axis(-1) for channels_last data, axis(1) for channels_first"));
        }
        int i = withBatch - 1;
        if (!in.isKnown(i)) {
            throw new ShapeException(Problem.at(label())
                    .headline("Axis " + axis + " of input tensor should have a defined dimension but the layer received an input with shape " + in.withBatch() + ".")
                    .expected("a known number of features on axis " + axis).got(in.withBatch())
                    .why("γ, β and the moving statistics need one entry per feature")
                    .fix("give that axis a size in the input shape"));
        }
        return i;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("axis", axis);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
    }

    @Override public Role role() { return Role.NORMALIZATION; }
}
