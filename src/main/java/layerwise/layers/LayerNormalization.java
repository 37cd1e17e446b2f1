package layerwise.layers;

import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Normalizes each position's feature vector on its own (not across the batch, unlike
 * BatchNormalization), then scales and shifts it with learned γ and β:
 * y = γ·(x − mean)/√(var + ε) + β, mean and var over the last axis; params = 2·d (γ and β).
 * Input shape: (…, d). Output shape: the same.
 * <pre>Ba, Kiros and Hinton, Layer Normalization, arXiv:1607.06450, 2016.</pre>
 */
public final class LayerNormalization extends FluentLayer<LayerNormalization> {
    private int axis = -1;
    private double epsilon = 0.001;
    private boolean center = true, scale = true;
    private Param gamma, beta;
    /** x̂ (rows, d) and 1/√(var + ε) (rows) of the last forward: scratch, reused while the batch's shape stays. */
    private NDArray savedNormalized, savedInvStd;

    public LayerNormalization() {}

    /** The axis to normalize, counted as Keras counts it (batch axis 0); only the last one, −1, is supported. */
    public LayerNormalization axis(int a) { checkNotBuilt(); axis = a; return this; }

    public LayerNormalization epsilon(double e) { checkNotBuilt(); epsilon = e; return this; }
    /** Whether to add the learned offset β. */
    public LayerNormalization center(boolean c) { checkNotBuilt(); center = c; return this; }
    /** Whether to multiply by the learned scale γ. */
    public LayerNormalization scale(boolean s) { checkNotBuilt(); scale = s; return this; }

    public double epsilon() { return epsilon; }

    @Override
    protected Derivation derive(Shape in) {
        if (in.rank() < 1 || !in.isKnown(-1)) requireRank(in, Math.max(in.rank(), 1), "(…, features)", "give the input a known last axis");
        if (axis != -1 && axis != in.rank()) {
            throw new ConfigException(Problem.at(label())
                    .headline("LayerNormalization axis " + axis + " is not supported by Layerwise for input " + in.withBatch()
                            + ": it normalizes the last axis only.")
                    .expected("axis=-1 (or " + in.rank() + "), the features of each step: Keras's default and what transformers use")
                    .got("axis=" + axis).fix("use axis=-1, or Permute the axis you want to normalize to the end first"));
        }
        Derivation d = keepAll(start(in).note("normalizes the " + in.last() + " numbers of each position to mean 0 and variance 1, "
                + "separately for every sample and step; the shape does not change"), in);
        Expr dim = features(in);
        int vectors = (scale ? 1 : 0) + (center ? 1 : 0);
        Expr params = vectors == 0 ? Expr.of(0) : vectors == 1 ? dim : Expr.scaled(2, dim);
        return d.params(params, (scale ? "a scale γ" : "") + (vectors == 2 ? " and " : "") + (center ? "an offset β" : "")
                + (vectors == 0 ? "no γ or β" : " per feature"));
    }

    /** d, the size of the normalized last axis: it sizes γ, β and the means of forward and backward. */
    private static Expr features(Shape in) { return Expr.var("d", in.last()); }

    /** The backward rules: γ and β collect every position of every sample; ∂L/∂x goes back through each position's mean and variance. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        Expr dim = features(in);
        if (in.rank() > 1) d.note("every position " + in.dropLast() + " of every sample was normalized on its own, with the same γ and β");
        if (scale) d.gradient(Gradients.weight("gamma", "γ", Gradients.rule("Σ over the batch and positions of ∂L/∂y ⊙ x̂",
                "\\sum_{\\mathrm{batch,\\,positions}} \\frac{\\partial L}{\\partial y} \\odot \\hat{x}"), List.of(dim),
                "one scale per feature, shared by every position: its gradient adds all of their shares"));
        if (center) d.gradient(Gradients.weight("beta", "β", Gradients.rule("Σ over the batch and positions of ∂L/∂y",
                "\\sum_{\\mathrm{batch,\\,positions}} \\frac{\\partial L}{\\partial y}"), List.of(dim),
                "β is added at every position of every sample, so it collects all of their gradients"));
        String g = scale ? "ĝ" : "∂L/∂y", gTex = scale ? "\\hat{g}" : "\\frac{\\partial L}{\\partial y}";
        if (scale) d.note("ĝ = γ ⊙ ∂L/∂y, the gradient of x̂");
        return d.gradient(Gradients.input(in, Gradients.rule("(" + g + " − mean(" + g + ") − x̂ ⊙ mean(" + g + " ⊙ x̂)) / √(var + ε), means over the d features",
                "\\frac{" + gTex + " - \\overline{" + gTex + "} - \\hat{x} \\odot \\overline{" + gTex + " \\odot \\hat{x}}}{\\sqrt{\\mathrm{var} + \\epsilon}}"),
                "not elementwise: the d numbers of a position share one mean and one variance, so each x moved all d outputs of its position; "
                + "the two means carry that back, and ∂L/∂x keeps the input's shape"));
    }

    @Override
    public void initialize(Shape in, Random rng) {
        int d = (int) in.last();
        gamma = scale ? Param.of("gamma", NDArray.ones(d)) : null;
        beta = center ? Param.of("beta", NDArray.zeros(d)) : null;
    }

    @Override public boolean isInitialized() { return gamma != null || beta != null || (!scale && !center); }

    @Override public List<Param> params() { return Param.present(gamma, beta); }

    /** x̂ = (x − mean)/√(var + ε) over the last axis (var with 1/d, as Keras), then y = γ·x̂ + β. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (!isInitialized()) initialize(sampleShape(x), new Random(0));
        int d = x.dim(-1), rows = x.size() / d;
        if (savedNormalized == null || savedNormalized.size() != x.size()) {
            savedNormalized = NDArray.zeros(rows, d);
            savedInvStd = NDArray.zeros(rows);
        }
        NDArray y = NDArray.zeros(x.dims());
        LayerNormMath.normalize(x.data(), d, (float) epsilon, savedNormalized.data(), savedInvStd.data());
        LayerNormMath.scaleShift(savedNormalized.data(), d, scale ? gamma.value().data() : null, center ? beta.value().data() : null, y.data());
        return y;
    }

    /**
     * dγ = Σ g·x̂, dβ = Σ g over every position; with ĝ = g·γ,
     * dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(var + ε), the means over the last axis.
     */
    @Override
    public NDArray backward(NDArray gradOut) {
        int d = gradOut.dim(-1);
        float[] g = gradOut.data(), normalized = savedNormalized.data();
        if (scale) LayerNormMath.sumOfProducts(g, normalized, d, gamma.grad().data());
        if (center) gradOut.reshape(-1, d).sumRowsInto(beta.grad(), 0f);
        NDArray dx = NDArray.zeros(gradOut.dims());
        LayerNormMath.backward(g, normalized, savedInvStd.data(), d, scale ? gamma.value().data() : null, dx.data());
        return dx;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("axis", axis);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
    }

    @Override public Role role() { return Role.NORMALIZATION; }
}
