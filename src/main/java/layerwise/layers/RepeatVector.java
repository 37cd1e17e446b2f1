package layerwise.layers;

import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Repeats a vector n times, making a sequence of n equal steps (to feed one encoding to every step of
 * a decoder RNN). No parameters.
 * Input shape: (features,). Output shape: (n, features).
 */
public final class RepeatVector extends FluentLayer<RepeatVector> {
    private final int n;

    /** {@code new RepeatVector(3)}: (None, 32) becomes (None, 3, 32). */
    public RepeatVector(int n) { this.n = Options.positive(label(), "n", n)[0]; }

    public int n() { return n; }

    @Override
    protected Derivation derive(Shape in) {
        requireRank(in, 1, "(features,)", "RepeatVector repeats one vector per sample; Flatten or pool the input first");
        return start(in).note("repeats each sample's vector of " + in.dim(0) + " numbers " + n + " times, one copy per new step")
                .dim("steps", "n", Expr.var("n", n), "the number of copies").keep("features", in.dim(0));
    }

    /** (batch, d) → (batch, n, d): every step is the same vector. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        return NDArray.zeros(x.dim(0), n, x.dim(1)).add(x.reshape(x.dim(0), 1, x.dim(1)));
    }

    /** Each copy received its own gradient; the vector gets their sum. */
    @Override
    public NDArray backward(NDArray gradOut) { return gradOut.sum(1); }

    /** Backward: the n copies each got a gradient; the vector they were copied from adds them up. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("Σ over the n steps of ∂L/∂y",
                "\\sum_{t=1}^{n} \\frac{\\partial L}{\\partial y_t}"),
                "the vector reached all " + n + " steps, so it collects their " + n + " gradients: the steps axis is summed away"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) { c.put("n", n); }

    @Override public Role role() { return Role.RESHAPING; }
}
