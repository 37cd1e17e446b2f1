package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Lays all axes of a sample end to end, keeping the batch axis: (17, 17, 64) → (18,496,).
 * size = d_1×d_2×…×d_n; no parameters.
 */
public final class Flatten extends FluentLayer<Flatten> {
    private int[] savedDims;

    @Override
    protected Derivation derive(Shape in) {
        Derivation d = start(in).note("Flatten lays the axes of one sample end to end; the batch axis stays");
        List<Expr> factors = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) factors.add(Expr.var("d_" + (i + 1), in.dim(i)));
        return d.dim("flat", "", factors.isEmpty() ? Expr.of(1) : Expr.product(factors), "one long vector per sample");
    }

    /** A view: the same numbers, one row per sample. */
    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedDims = x.dims();
        return x.reshape(x.dim(0), -1);
    }

    @Override
    public NDArray backward(NDArray gradOut) { return gradOut.reshape(savedDims); }

    /** Backward: only the shape changes back. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("reshape(∂L/∂y, " + in + ")", "\\mathrm{reshape}\\left(\\frac{\\partial L}{\\partial y}\\right)"),
                "Flatten only lines the numbers up: the gradient is the same numbers, put back in the input's shape"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("data_format", "channels_last");
    }

    @Override public Role role() { return Role.RESHAPING; }
}
