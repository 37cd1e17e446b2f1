package layerwise.layers;

import java.util.List;
import java.util.Map;
import java.util.Random;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * A fully connected layer: every unit sees every element of the <em>last</em> axis.
 * y = activation(x·W + b); params = d_in×units + units.
 * Input shape: (…, d_in). Output shape: (…, units): the other axes pass through unchanged.
 */
public final class Dense extends FluentLayer<Dense> {
    private final int units;
    private String activation = "linear";
    private boolean useBias = true;
    private String kernelInitializer = "glorot_uniform", biasInitializer = "zeros";
    private Param kernel, bias;
    private NDArray savedX;
    private int[] savedDims;
    private ActivationStep act;

    public Dense(int units) {
        this.units = Options.positive(label(), "units", units)[0];
    }

    public Dense activation(String a) { checkNotBuilt(); activation = Activations.check(label(), a); return this; }
    public Dense useBias(boolean b) { checkNotBuilt(); useBias = b; return this; }
    public Dense kernelInitializer(String name) { checkNotBuilt(); kernelInitializer = Initializers.check(label(), name); return this; }
    public Dense biasInitializer(String name) { checkNotBuilt(); biasInitializer = Initializers.check(label(), name); return this; }

    public int units() { return units; }
    public String activation() { return activation; }
    public boolean useBias() { return useBias; }

    @Override
    protected Derivation derive(Shape in) {
        if (in.rank() < 1) {
            throw new ShapeException(Problem.at(label())
                    .headline("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: (None,)")
                    .expected("at least one axis besides the batch axis").got("only the batch axis")
                    .fix("give each sample at least one feature: inputShape(1)"));
        }
        if (!in.isKnown(-1)) {
            throw new ShapeException(Problem.at(label())
                    .headline("The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: " + in.withBatch())
                    .expected("a known size of the last axis, to size the weight matrix").got(in.withBatch())
                    .fix("give the last axis a size in the input shape"));
        }
        Derivation d = start(in);
        long positions = 1;
        if (in.rank() > 1) {
            d.note("Dense acts on the last axis (size " + in.last() + "); the other axes pass through, and every position "
                    + in.dropLast() + " shares the same " + in.last() + "→" + units + " weights");
            for (int i = 0; i < in.rank() - 1; i++) {
                d.keep("axis " + (i + 1), in.dim(i));
                positions = in.dim(i) == Shape.NONE ? positions : Math.multiplyExact(positions, in.dim(i));
            }
        }
        Expr dIn = Expr.var("d_in", in.last()), u = Expr.var("units", units);
        d.dim(in.rank() > 1 ? "last axis" : "features", "", u, "one output per unit");
        d.params(useBias ? dIn.times(u).plus(u) : dIn.times(u),
                "a weight from each of the " + in.last() + " inputs to each unit" + (useBias ? ", plus one bias per unit" : ""));
        return d.macs(Expr.of(positions).times(dIn.value()).times(units));
    }

    @Override
    public void initialize(Shape in, Random rng) {
        int dIn = (int) in.last();
        kernel = Param.of("kernel", Initializers.create(kernelInitializer, rng, dIn, units, dIn, units));
        bias = useBias ? Param.of("bias", Initializers.create(biasInitializer, rng, dIn, units, units)) : null;
    }

    @Override public boolean isInitialized() { return kernel != null; }

    @Override
    public List<Param> params() {
        return Param.present(kernel, bias);
    }

    /** z = x·W + b over the last axis (all other axes are rows of one matrix), then y = activation(z). */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (kernel == null) initialize(sampleShape(x), new Random(0));
        int dIn = kernel.value().dim(0), rows = x.size() / dIn;
        savedX = x.reshape(rows, dIn);
        savedDims = x.dims();
        NDArray z = useBias ? bias.value().broadcastTo(rows, units).copy() : NDArray.zeros(rows, units);
        savedX.matmulInto(kernel.value(), z, useBias ? 1f : 0f);
        int[] outDims = x.dims();
        outDims[outDims.length - 1] = units;
        act = new ActivationStep(activation);
        return act.forward(z.reshape(outDims));
    }

    @Override
    public NDArray backward(NDArray gradOut) { return backwardFromLogits(act.backward(gradOut)); }

    /** dW = xᵀ·dz, db = Σ_rows dz, dx = dz·Wᵀ. */
    @Override
    public NDArray backwardFromLogits(NDArray gradZ) {
        NDArray dz = gradZ.reshape(-1, units);
        savedX.transpose().matmulInto(dz, kernel.grad(), 0f);
        if (useBias) dz.sumRowsInto(bias.grad(), 0f);
        return inputGradientNeeded() ? dz.matmul(kernel.value().transpose()).reshape(savedDims) : null;
    }

    /** The backward rules beside the forward ones: the same d_in and units, now sizing the gradients. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        Expr dIn = Expr.var("d_in", in.last()), u = Expr.var("units", units), n = Gradient.batch();
        if (in.rank() > 1) d.note("the axes before the last are rows, as in forward: N stands for every row " + in.dropLast() + " of every sample");
        Activations.backwardStep(d, activation, List.of(n, u));
        String z = activation.equals("linear") ? "∂L/∂y" : "∂L/∂z", zTex = activation.equals("linear") ? "\\frac{\\partial L}{\\partial y}" : "\\frac{\\partial L}{\\partial z}";
        d.gradient(new Gradient("kernel", "∂L/∂W", Gradients.rule("xᵀ · " + z, "x^\\top \\cdot " + zTex), List.of(dIn, u),
                List.of(List.of(dIn, n), List.of(n, u)), "W has d_in×units weights and each gets one gradient number, so ∂L/∂W has W's shape "
                + "and w − lr·g is defined weight by weight; the product over N adds up the batch"));
        if (useBias) d.gradient(Gradients.weight("bias", "b", Gradients.rule("Σ over the batch of " + z, "\\sum_{\\mathrm{batch}} " + zTex),
                List.of(u), "each bias adds to its unit's output in every sample, so it collects that unit's gradient from all of them"));
        return d.gradient(new Gradient(Gradient.INPUT, "∂L/∂x", Gradients.rule(z + " · Wᵀ", zTex + " \\cdot W^\\top"),
                Gradients.batchOf(in, dIn), List.of(List.of(n, u), List.of(u, dIn)), "each input reached every unit through its weight: the gradient flows back along the same weights"));
    }

    @Override public String outputActivation() { return activation; }

    @Override public NDArray savedLogits() { return act.logits(); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("units", units);
        c.put("activation", activation);
        c.put("use_bias", useBias);
    }

    @Override public Role role() { return Role.DENSE; }
}
