package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What Add, Subtract, Multiply, Average, Maximum and Minimum share: they combine tensors number by
 * number, so every axis must be equal (an axis of size 1 is repeated to fit, as in NumPy); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public abstract class ElementwiseMerge<L extends ElementwiseMerge<L>> extends Merge<L> {
    private List<int[]> savedDims;
    private List<NDArray> savedInputs;
    private NDArray savedOutput;

    /** "adds", "multiplies", … for the explanation. */
    protected abstract String verb();

    /** The result for the inputs, all broadcast to one shape. */
    protected abstract NDArray combine(List<NDArray> inputs);

    /** The inputs combined left to right by one operation: x1 + x2 + …, x1·x2·… */
    protected static NDArray fold(List<NDArray> inputs, BinaryOperator<NDArray> op) {
        NDArray result = inputs.get(0);
        for (NDArray x : inputs.subList(1, inputs.size())) result = op.apply(result, x);
        return result;
    }

    /** dL/dInput for each input at the output's shape, given the inputs, the output and dL/dOutput. */
    protected abstract List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut);

    @Override
    protected Derivation merge(List<Shape> inputs) {
        Shape out = broadcastAll(inputs);
        Derivation d = Derivation.of(name(), type(), inputs).note(verb() + " the " + inputs.size()
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

    @Override
    public NDArray forward(List<NDArray> inputs, boolean training) {
        merge(inputs.stream().map(Layer::sampleShape).toList());
        savedDims = inputs.stream().map(NDArray::dims).toList();
        savedInputs = inputs;
        savedOutput = combine(inputs);
        return savedOutput;
    }

    /** Each input's gradient, summed over the axes it was stretched along. */
    @Override
    public List<NDArray> backwardToInputs(NDArray gradOut) {
        List<NDArray> full = gradients(savedInputs, savedOutput, gradOut), grads = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            NDArray g = full.get(i);
            int[] dims = savedDims.get(i);
            for (int k = 1; k < dims.length; k++) if (dims[k] == 1 && g.dim(k) != 1) g = g.sum(k, true);
            grads.add(g.contiguous());
        }
        return grads;
    }

    /** Keras's rule for two shapes: equal sizes pass, a 1 stretches to the other size, anything else fails. */
    private Shape broadcast(List<Shape> inputs, Shape a, Shape b) {
        if (a.rank() != b.rank()) throw mismatch(a, b, -1);
        long[] out = new long[a.rank()];
        for (int i = 0; i < a.rank(); i++) {
            long x = a.dim(i), y = b.dim(i);
            if (x == Shape.NONE || y == Shape.NONE) out[i] = Shape.NONE;
            else if (x == 1 || y == 1 || x == y) out[i] = Math.max(x, y);
            else throw mismatch(a, b, i);
        }
        return Shape.of(out);
    }

    private ShapeException mismatch(Shape a, Shape b, int clash) {
        String got = clash < 0 ? both(a, b) + " have different ranks (" + (a.rank() + 1) + " and " + (b.rank() + 1) + ")"
                : both(a, b) + " differ on axis " + (clash + 1) + ": " + a.dim(clash) + " vs " + b.dim(clash);
        return new ShapeException(Problem.at(label())
                .headline("Operands could not be broadcast together with shapes " + a + " " + b)
                .expected("inputs of the same shape (or with size 1 where they differ)")
                .got(got)
                .why(type() + " combines the inputs position by position; a position that exists in one input and not the other has no partner")
                .fix(clash < 0 ? "bring both inputs to the same rank first (Reshape, Flatten or a global pooling)"
                        : "make axis " + (clash + 1) + " equal in both branches: give the shortcut a 1×1 Conv2D with the same strides "
                        + "and filters as the main branch, or use padding(\"same\"); to keep both, use Concatenate instead"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {}
}
