package layerwise.layers;

import java.util.ArrayList;
import java.util.List;

import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;

/**
 * Maximum and Minimum: the largest or smallest of the inputs at each position. The gradient goes to the
 * input that holds the result there; on a tie, to the first such input, as TensorFlow's pairwise rule.
 */
abstract class Extremum<L extends Extremum<L>> extends ElementwiseMerge<L> {
    /** The larger (Maximum) or smaller (Minimum) of two numbers. */
    abstract float pick(float a, float b);

    @Override
    protected NDArray combine(List<NDArray> inputs) { return fold(inputs, (a, b) -> a.zip(b, this::pick)); }

    @Override
    protected List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut) {
        List<NDArray> grads = new ArrayList<>();
        NDArray unclaimed = NDArray.ones(output.dims());
        for (NDArray x : inputs) {
            NDArray holds = x.zip(output, (a, y) -> a == y ? 1f : 0f).mul(unclaimed);
            unclaimed = unclaimed.sub(holds);
            grads.add(gradOut.mul(holds));
        }
        return grads;
    }

    @Override
    protected Gradient.Rule inputRule() { return Gradients.rule("∂L/∂y where this input holds the result, 0 elsewhere", "\\frac{\\partial L}{\\partial y}\\,[x_i = y]"); }

    @Override
    protected String inputNote() { return "only the input that holds the result at a position changes y there; ties go to the first"; }
}
