package layerwise.layers;

import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
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
}
