package layerwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
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
 * A leaky rectifier whose slope below zero is learned: y = x if x &gt; 0, else α·x, with one α per
 * input position, or one per group when shared_axes share it along some axes (for images, sharedAxes(1, 2)
 * gives one α per channel). params = the product of the non-shared axes.
 * Input shape: any. Output shape: the same.
 * <pre>He et al., Delving Deep into Rectifiers, ICCV 2015.</pre>
 */
public final class PReLU extends FluentLayer<PReLU> {
    private int[] sharedAxes = {};
    private Param alpha;
    private NDArray savedX;

    public PReLU() {}

    /** Axes (counted as Keras counts them: 1 is the first after the batch axis) along which one α is shared. */
    public PReLU sharedAxes(int... axes) { checkNotBuilt(); sharedAxes = axes.clone(); return this; }

    public int[] sharedAxes() { return sharedAxes.clone(); }

    /** The shape of α: the input's, with 1 on every shared axis. */
    private long[] alphaShape(Shape in) {
        long[] dims = in.dims().clone();
        for (int a : sharedAxes) {
            if (a < 1 || a > in.rank()) {
                throw new ConfigException(Problem.at(label())
                        .headline("PReLU shared_axes " + Arrays.toString(sharedAxes) + " do not fit input " + in.withBatch())
                        .expected("axes from 1 to " + in.rank() + " (axis 0 is the batch)").got("axis " + a)
                        .fix("for images (rows, cols, channels) use sharedAxes(1, 2): one α per channel"));
            }
            dims[a - 1] = 1;
        }
        return dims;
    }

    @Override
    protected Derivation derive(Shape in) {
        Derivation d = keepAll(start(in).note("applies y = x if x > 0, else α·x to every number; α is learned"
                + (sharedAxes.length > 0 ? ", one shared along axes " + Arrays.toString(sharedAxes) : ", one per position")
                + "; the shape does not change"), in);
        List<Expr> sizes = new ArrayList<>();
        long[] a = alphaShape(in);
        for (int i = 0; i < a.length; i++) if (a[i] != 1 || in.dim(i) == 1) sizes.add(Expr.var("axis " + (i + 1), a[i]));
        return d.params(sizes.isEmpty() ? Expr.of(1) : Expr.product(sizes), "one α per " + (sharedAxes.length > 0 ? "group" : "position"));
    }

    /** Keras's default alpha_initializer is zeros: PReLU starts as a plain ReLU. */
    @Override
    public void initialize(Shape in, Random rng) {
        alpha = Param.of("alpha", NDArray.zeros(Arrays.stream(alphaShape(in)).mapToInt(v -> (int) v).toArray()));
    }

    @Override public boolean isInitialized() { return alpha != null; }

    @Override public List<Param> params() { return Param.present(alpha); }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        if (alpha == null) initialize(sampleShape(x), new Random(0));
        savedX = x;
        return x.map(v -> Math.max(v, 0)).add(x.map(v -> Math.min(v, 0)).mul(alpha.value()));
    }

    /** dx = g where x &gt; 0, g·α elsewhere; dα = Σ g·min(x, 0) over the batch and the shared axes. */
    @Override
    public NDArray backward(NDArray gradOut) {
        NDArray dAlpha = gradOut.mul(savedX.map(v -> Math.min(v, 0))).sum(0, true);
        for (int a : sharedAxes) dAlpha = dAlpha.sum(a, true);
        Projection.overwrite(alpha, dAlpha);
        NDArray negative = savedX.map(v -> v > 0 ? 0f : 1f);
        return gradOut.mul(savedX.map(v -> v > 0 ? 1f : 0f)).add(gradOut.mul(negative).mul(alpha.value()));
    }

    /** Backward: elementwise for x; α collects the batch, and the shared axes when it is shared. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        Derivation d = startBackward(in);
        List<Expr> shape = new ArrayList<>();
        for (long a : alphaShape(in)) shape.add(Expr.of(a));
        d.gradient(Gradients.weight("alpha", "α", Gradients.rule("Σ over the batch" + (sharedAxes.length > 0 ? " and axes " + Arrays.toString(sharedAxes) : "")
                + " of ∂L/∂y ⊙ min(x, 0)", "\\sum \\frac{\\partial L}{\\partial y} \\odot \\min(x, 0)"), shape,
                "α only scales the negative inputs, so only they pull on it; it has α's shape (1 on a shared axis)"));
        return d.gradient(Gradients.input(in, Gradients.rule("∂L/∂y where x > 0, α ⊙ ∂L/∂y elsewhere",
                "\\frac{\\partial L}{\\partial y} \\odot (x > 0 \\;?\\; 1 : \\alpha)"),
                "elementwise: each number's slope is 1 or its α, so ∂L/∂x has the input's shape"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("shared_axes", sharedAxes.length == 0 ? null : Arrays.stream(sharedAxes).boxed().toList());
    }

    @Override public Role role() { return Role.ACTIVATION; }
}
