package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;

/**
 * Multiplies tensors element by element, as a gate: y = a·b (a sigmoid branch times a value branch).
 * Every axis must be equal (size 1 is repeated to fit); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Multiply extends ElementwiseMerge<Multiply> {
    @Override protected String verb() { return "multiplies"; }

    @Override
    protected NDArray combine(List<NDArray> inputs) { return fold(inputs, NDArray::mul); }

    /** d(a·b·c)/da = b·c: each input's gradient is dL/dy times the product of the others. */
    @Override
    protected List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut) {
        List<NDArray> grads = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            NDArray g = gradOut;
            for (int j = 0; j < inputs.size(); j++) if (j != i) g = g.mul(inputs.get(j));
            grads.add(g);
        }
        return grads;
    }

    @Override
    protected Gradient.Rule inputRule() { return Gradients.rule("∂L/∂y times the product of the other inputs", "\\frac{\\partial L}{\\partial y}\\prod_{j \\ne i} x_j"); }

    @Override
    protected String inputNote() { return "y = x1·x2·…: a change in one input is scaled by all the others"; }
}
