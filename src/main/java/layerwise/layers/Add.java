package layerwise.layers;

import java.util.Collections;
import java.util.List;

import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;

/**
 * Adds tensors element by element, as in a residual connection y = x + f(x). Every axis must be equal
 * (an axis of size 1 is repeated to fit, as in NumPy); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Add extends ElementwiseMerge<Add> {
    @Override protected String verb() { return "adds"; }

    @Override
    protected NDArray combine(List<NDArray> inputs) { return fold(inputs, NDArray::add); }

    /** d(a + b)/da = 1: each input gets the gradient as it is (summed over the axes it was stretched along). */
    @Override
    protected List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut) {
        return Collections.nCopies(inputs.size(), gradOut);
    }

    @Override
    protected Gradient.Rule inputRule() {
        return Gradients.rule("∂L/∂y, summed over the axes the input was broadcast along", "\\frac{\\partial L}{\\partial y}");
    }

    @Override
    protected String inputNote() { return "y = x1 + x2 + …: each input moves y one for one, so each receives the whole of ∂L/∂y"; }
}
