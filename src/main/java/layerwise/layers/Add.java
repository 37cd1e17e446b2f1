package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Adds tensors element by element, as in a residual connection y = x + f(x). Every axis must be equal
 * (an axis of size 1 is repeated to fit, as in NumPy); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Add extends Merge<Add> {
    private List<int[]> savedDims;

    @Override
    protected Derivation merge(List<Shape> inputs) {
        Shape out = broadcastAll(inputs);
        Derivation d = Derivation.of(name(), type(), inputs).note("adds the " + inputs.size()
                + " inputs number by number, so their shapes must be equal; the result has that shape");
        for (int i = 0; i < out.rank(); i++) {
            int axis = i;
            boolean stretched = inputs.stream().anyMatch(s -> s.dim(axis) == 1 && out.dim(axis) != 1);
            if (stretched) d.dim("axis " + (i + 1), "", Expr.of(out.dim(i)), "an input of size 1 here is repeated to fit");
            else d.keep("axis " + (i + 1), out.dim(i));
        }
        return d.macs(Expr.of(Math.max(out.size(), 0)).times(inputs.size() - 1));
    }

    private Shape broadcastAll(List<Shape> inputs) {
        Shape out = inputs.get(0);
        for (Shape s : inputs.subList(1, inputs.size())) out = broadcast(inputs, out, s);
        return out;
    }

    /** The element-wise sum, broadcasting an axis of size 1. */
    @Override
    public NDArray forward(List<NDArray> inputs, boolean training) {
        merge(inputs.stream().map(Layer::sampleShape).toList());
        savedDims = inputs.stream().map(NDArray::dims).toList();
        NDArray sum = inputs.get(0);
        for (NDArray x : inputs.subList(1, inputs.size())) sum = sum.add(x);
        return sum;
    }

    /** d(a + b)/da = 1: each input gets the gradient, summed over the axes it was stretched along. */
    @Override
    protected Gradient.Rule inputRule() {
        return Gradients.rule("∂L/∂y, summed over the axes the input was broadcast along", "\\frac{\\partial L}{\\partial y}");
    }

    @Override
    protected String inputNote() { return "y = x1 + x2 + …: each input moves y one for one, so each receives the whole of ∂L/∂y"; }

    @Override
    public List<NDArray> backwardToInputs(NDArray gradOut) {
        List<NDArray> grads = new ArrayList<>();
        for (int[] dims : savedDims) {
            NDArray g = gradOut;
            for (int k = 1; k < dims.length; k++) if (dims[k] == 1 && g.dim(k) != 1) g = g.sum(k, true);
            grads.add(g.contiguous());
        }
        return grads;
    }

    /** Keras's rule for two shapes: equal sizes pass, a 1 stretches to the other size, anything else fails. */
    private Shape broadcast(List<Shape> inputs, Shape a, Shape b) {
        if (a.rank() != b.rank()) throw mismatch(inputs, a, b, -1);
        long[] out = new long[a.rank()];
        for (int i = 0; i < a.rank(); i++) {
            long x = a.dim(i), y = b.dim(i);
            if (x == Shape.NONE || y == Shape.NONE) out[i] = Shape.NONE;
            else if (x == 1 || y == 1 || x == y) out[i] = Math.max(x, y);
            else throw mismatch(inputs, a, b, i);
        }
        return Shape.of(out);
    }

    private ShapeException mismatch(List<Shape> inputs, Shape a, Shape b, int clash) {
        String got = clash < 0 ? both(a, b) + " have different ranks (" + (a.rank() + 1) + " and " + (b.rank() + 1) + ")"
                : both(a, b) + " differ on axis " + (clash + 1) + ": " + a.dim(clash) + " vs " + b.dim(clash);
        return new ShapeException(Problem.at(label())
                .headline("Operands could not be broadcast together with shapes " + a + " " + b)
                .expected("inputs of the same shape (or with size 1 where they differ)")
                .got(got)
                .why("Add sums the inputs position by position; a position that exists in one input and not the other has no partner")
                .fix(clash < 0 ? "bring both inputs to the same rank first (Reshape, Flatten or a global pooling)"
                        : "make axis " + (clash + 1) + " equal in both branches: give the shortcut a 1×1 Conv2D with the same strides "
                        + "and filters as the main branch, or use padding(\"same\"); to keep both, use Concatenate instead"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {}
}
