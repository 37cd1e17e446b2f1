package layerwise.layers;

import java.util.List;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What Concatenate and Add share: they take a list of at least two tensors, as
 * {@code new Add().apply(x, y)}, and check that their shapes line up.
 */
public abstract class Merge<L extends Merge<L>> extends FluentLayer<L> {

    /** The shape rule for the list of input shapes, called with at least two. */
    protected abstract Derivation merge(List<Shape> inputs);

    @Override
    protected final Derivation derive(List<Shape> inputs) {
        if (inputs.size() < 2) {
            throw new ShapeException(Problem.at(label())
                    .headline("A merge layer should be called on a list of at least 2 inputs. Got " + inputs.size() + " inputs.")
                    .expected("two or more tensors: apply(x, y)").got(inputs.size() + " input(s) " + inputs)
                    .why(type() + " combines several tensors into one; with one input there is nothing to combine")
                    .fix("apply it to all the branches at once: new " + type() + "().apply(a, b)"));
        }
        return merge(inputs);
    }

    @Override
    protected final Derivation derive(Shape in) { return derive(List.of(in)); }

    /** How ∂L/∂y reaches each input, and why. */
    protected abstract Gradient.Rule inputRule();

    protected abstract String inputNote();

    /** Backward: one ∂L/∂x_i per input, each of its input's shape. */
    @Override
    protected final Derivation deriveBackward(List<Shape> inputs) {
        Derivation d = Derivation.backward(name(), type(), derivation(inputs).output());
        for (int i = 0; i < inputs.size(); i++) {
            d.gradient(Gradient.of(Gradient.INPUT + " " + (i + 1), "∂L/∂x" + (i + 1), inputRule(), Gradient.batchOf(inputs.get(i)), inputNote()));
        }
        return d;
    }

    /** On one array there is nothing to merge: the same explained error as when building the model. */
    @Override
    public final NDArray forward(NDArray x, boolean training) {
        derive(List.of(sampleShape(x)));
        throw notComputable();
    }

    @Override
    public final NDArray backward(NDArray gradOut) { throw notComputable(); }

    /** Both shapes as Keras prints them, with the batch axis: "(None, 4, 4, 3) and (None, 5, 4, 3)". */
    protected static String both(Shape a, Shape b) { return a.withBatch() + " and " + b.withBatch(); }

    @Override public Role role() { return Role.MERGE; }
}
