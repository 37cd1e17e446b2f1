package layerwise.layers;

import java.util.List;

import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.explain.Derivation;
import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Subtracts the second tensor from the first, element by element: y = a − b. Exactly two inputs of
 * equal shape; no parameters.
 * Input shape: two equal shapes. Output shape: that shape.
 */
public final class Subtract extends ElementwiseMerge<Subtract> {
    @Override protected String verb() { return "subtracts the second from the first of"; }

    @Override
    protected Derivation merge(List<Shape> inputs) {
        if (inputs.size() != 2) {
            throw new ShapeException(Problem.at(label())
                    .headline("A `Subtract` layer should be called on exactly 2 inputs. Received: inputs=" + inputs.size() + " inputs")
                    .expected("two tensors: apply(a, b) gives a − b").got(inputs.size() + " inputs " + inputs)
                    .fix("subtract two at a time, or add the negated ones with Add"));
        }
        return super.merge(inputs);
    }

    @Override
    protected NDArray combine(List<NDArray> inputs) { return inputs.get(0).sub(inputs.get(1)); }

    /** d(a − b)/da = 1, d(a − b)/db = −1. */
    @Override
    protected List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut) {
        return List.of(gradOut, gradOut.neg());
    }

    @Override
    protected Gradient.Rule inputRule() { return Gradients.rule("∂L/∂y for the first input, −∂L/∂y for the second", "\\pm\\frac{\\partial L}{\\partial y}"); }

    @Override
    protected String inputNote() { return "y = a − b: a moves y one for one, b moves it the other way"; }
}
