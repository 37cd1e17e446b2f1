package layerwise.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.NnException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Applies one layer to every time step on its own, with the same weights at each step, as a CNN run
 * on each frame of a video: {@code new TimeDistributed(new Conv2D(16, 3))}. params = the inner layer's.
 * Input shape: (T, step…). Output shape: (T, the inner layer's output for one step).
 */
public final class TimeDistributed extends FluentLayer<TimeDistributed> {
    private final Layer layer;
    private int[] savedIn;

    public TimeDistributed(Layer layer) { this.layer = layer; }

    /** The layer applied at each step. */
    public Layer layer() { return layer; }

    @Override
    protected Derivation derive(Shape in) {
        requireRank(in, Math.max(in.rank(), 2), "(time, …): a time axis, then the shape of one step",
                "give the input a time axis first, e.g. Reshape to (steps, features)");
        Shape step = Shape.of(Arrays.copyOfRange(in.dims(), 1, in.rank()));
        Derivation inner = innerDerivation(in, step);
        Derivation d = start(in).note("applies " + layer.label() + " to each of the " + (in.isKnown(0) ? in.dim(0) + " " : "")
                + "time steps on its own, with the same weights; one step is " + step + " → " + inner.output());
        d.keep("time", in.dim(0));
        Shape out = inner.output();
        for (int i = 0; i < out.rank(); i++) d.dim("step axis " + (i + 1), "", Expr.of(out.dim(i)), "from " + layer.name());
        Expr innerParams = inner.lines().stream().filter(l -> l.kind() == Derivation.Line.Kind.PARAMS).map(Derivation.Line::expr)
                .findFirst().orElse(Expr.of(0));
        d.params(innerParams, "the weights of " + layer.name() + ", shared by all steps");
        if (inner.nonTrainableParams() > 0) d.nonTrainableParams(Expr.of(inner.nonTrainableParams()), "the inner layer's");
        return d.macs(Expr.of(in.isKnown(0) ? in.dim(0) : 1).times(inner.macs()));
    }

    /** The inner layer's rule on one step, or an error that says the step is what it got. */
    private Derivation innerDerivation(Shape in, Shape step) {
        try {
            return layer.derivation(step);
        } catch (NnException e) {
            throw new ShapeException(Problem.at(label())
                    .headline("TimeDistributed '" + name() + "': its inner layer " + layer.label() + " cannot take one time step of shape "
                            + step.withBatch() + ". " + e.problem().headline())
                    .expected(layer.type() + " to accept one step: the input " + in.withBatch() + " without its time axis " + in.dim(0))
                    .got("one step " + step.withBatch())
                    .why("TimeDistributed feeds the inner layer one step at a time, each as if it were a whole sample")
                    .fix("give each step the shape " + layer.type() + " needs (" + e.problem().fix() + ")"));
        }
    }

    @Override
    public void initialize(Shape in, Random rng) { layer.initialize(Shape.of(Arrays.copyOfRange(in.dims(), 1, in.rank())), rng); }

    @Override public boolean isInitialized() { return layer.isInitialized(); }

    @Override public List<Param> params() { return layer.params(); }

    /** (batch, T, step…) → (batch·T, step…): every step is one sample of the inner layer. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedIn = x.dims();
        NDArray y = layer.forward(x.reshape(merged(savedIn)), training);
        return y.reshape(split(y.dims(), savedIn[0], savedIn[1]));
    }

    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray dx = layer.backward(gradOut.reshape(merged(gradOut.dims())));
        return dx == null ? null : dx.reshape(savedIn);
    }

    /**
     * Backward: the inner layer's own rules with the steps folded into the batch, so its weights collect
     * every step of every sample, then ∂L/∂x unfolded back to (N, T, …).
     */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation inner = layer.backwardDerivation(Shape.of(Arrays.copyOfRange(in.dims(), 1, in.rank())));
        Derivation d = startBackward(in).note("backward of " + layer.label() + " on all steps at once: the " + (in.isKnown(0) ? in.dim(0) + " " : "")
                + "steps are folded into the batch, so below N stands for batch·T and the shared weights add up every step's share");
        inner.gradients().stream().filter(g -> !g.of().startsWith(Gradient.INPUT)).forEach(d::gradient);
        return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂x of " + layer.name() + " at each step, unfolded to (N, T, …)",
                "\\mathrm{unfold}_T\\left(\\frac{\\partial L}{\\partial x_t}\\right)"),
                "each step's input reached only that step's output"));
    }

    private static int[] merged(int[] dims) {
        int[] m = Arrays.copyOfRange(dims, 1, dims.length);
        m[0] = dims[0] * dims[1];
        return m;
    }

    private static int[] split(int[] dims, int batch, int steps) {
        int[] s = new int[dims.length + 1];
        s[0] = batch;
        s[1] = steps;
        System.arraycopy(dims, 1, s, 2, dims.length - 1);
        return s;
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("layer", Options.serialized(layer));
    }

    /** The role of the layer it applies at each step. */
    @Override public Role role() { return layer.role(); }
}
