package layerwise.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;
import layerwise.ndarray.Joins;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Joins tensors side by side along one axis (by default the last: channels or features); every other
 * axis must be equal. Size on the axis = n_1 + n_2 + …; no parameters.
 * Input shape: a list of shapes equal except on the axis. Output shape: the same, with the axis summed.
 */
public final class Concatenate extends Merge<Concatenate> {
    private final int axis;
    private int[] savedSizes;

    /** Along the last axis, Keras's default axis=-1. */
    public Concatenate() { this(-1); }

    /** Along {@code axis}, counted as Keras counts it: the batch axis is 0, so 1 is the first sample axis, −1 the last. */
    public Concatenate(int axis) { this.axis = axis; }

    public int axis() { return axis; }

    @Override
    protected Derivation merge(List<Shape> inputs) {
        Shape first = inputs.get(0);
        for (Shape s : inputs) if (s.rank() != first.rank()) throw mismatch(inputs, first, s, -1);
        int ax = sampleAxis(first);
        for (Shape s : inputs) {
            for (int i = 0; i < first.rank(); i++) {
                if (i != ax && first.isKnown(i) && s.isKnown(i) && first.dim(i) != s.dim(i)) throw mismatch(inputs, first, s, i);
            }
        }
        boolean last = ax == first.rank() - 1;
        Derivation d = Derivation.of(name(), type(), inputs).note("joins the " + inputs.size() + " inputs along axis " + axis
                + (last ? " (the last)" : "") + "; every other axis must be equal, and passes through");
        List<Expr> sizes = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) sizes.add(Expr.var((last ? "C_" : "n_") + (k + 1), inputs.get(k).dim(ax)));
        for (int i = 0; i < first.rank(); i++) {
            if (i == ax) d.dim("axis " + (i + 1), "", Expr.sum(sizes), "the sizes along the joined axis add up");
            else d.keep("axis " + (i + 1), first.dim(i));
        }
        return d;
    }

    /** Joins the batches along the axis; the batch axis keeps its index, so Keras's axis is the array's axis. */
    @Override
    public NDArray forward(List<NDArray> inputs, boolean training) {
        merge(inputs.stream().map(Layer::sampleShape).toList());
        savedSizes = inputs.stream().mapToInt(x -> x.dim(axis)).toArray();
        return Joins.concat(axis, inputs);
    }

    /** Each input gets back its own slice of the gradient along the axis. */
    @Override
    protected Gradient.Rule inputRule() {
        return Gradients.rule("the input's own slice of ∂L/∂y along axis " + axis, "\\frac{\\partial L}{\\partial y}\\big|_{\\mathrm{slice}}");
    }

    @Override
    protected String inputNote() { return "concatenation only places the inputs side by side: ∂L/∂y is cut back into the same pieces"; }

    @Override
    public List<NDArray> backwardToInputs(NDArray gradOut) {
        List<NDArray> grads = new ArrayList<>();
        int from = 0;
        for (int size : savedSizes) {
            grads.add(gradOut.slice(axis < 0 ? axis + gradOut.rank() : axis, from, from + size).contiguous());
            from += size;
        }
        return grads;
    }

    /** Our index of the axis (no batch axis), checked against the rank. */
    private int sampleAxis(Shape s) {
        int withBatch = axis < 0 ? axis + s.rank() + 1 : axis;
        if (withBatch > 0 && withBatch <= s.rank()) return withBatch - 1;
        throw new ShapeException(Problem.at(label())
                .headline("Invalid axis " + axis + " for Concatenate: inputs have rank " + (s.rank() + 1) + " " + s.withBatch())
                .expected("an axis from 1 to " + s.rank() + ", or −1 for the last").got("axis " + axis + (withBatch == 0 ? ", the batch axis" : ""))
                .why(withBatch == 0 ? "axis 0 holds the samples; joining there would stack samples, not features" : "the inputs have no such axis")
                .fix("use new Concatenate() for the last axis, or an axis between 1 and " + s.rank()));
    }

    private ShapeException mismatch(List<Shape> inputs, Shape a, Shape b, int clash) {
        String got = clash < 0 ? both(a, b) + " have different ranks (" + (a.rank() + 1) + " and " + (b.rank() + 1) + ")"
                : both(a, b) + " differ on axis " + (clash + 1) + ": " + a.dim(clash) + " vs " + b.dim(clash);
        return new ShapeException(Problem.at(label())
                .headline("A `Concatenate` layer requires inputs with matching shapes except for the concat axis. Received: input_shape="
                        + inputs.stream().map(Shape::withBatch).toList())
                .expected("all inputs equal on every axis except axis " + axis)
                .got(got)
                .why("concatenation puts the inputs side by side along axis " + axis + "; along every other axis each position must exist in every input")
                .fix(clash < 0 ? "bring the inputs to the same rank first (Reshape, Flatten or a global pooling)"
                        : "make axis " + (clash + 1) + " equal: use the same strides/padding/pooling in both branches (e.g. padding(\"same\")), "
                        + "or crop or ZeroPadding2D one branch; to join along axis " + (clash + 1) + " instead, use new Concatenate(" + (clash + 1) + ")"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("axis", axis);
    }
}
