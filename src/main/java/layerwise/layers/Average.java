package layerwise.layers;

import java.util.Collections;
import java.util.List;

import layerwise.explain.Gradient;
import layerwise.ndarray.NDArray;

/**
 * Averages tensors element by element: y = (a + b + …)/n, as when ensembling branches. Every axis
 * must be equal (size 1 is repeated to fit); no parameters.
 * Input shape: a list of equal shapes. Output shape: that shape.
 */
public final class Average extends ElementwiseMerge<Average> {
    @Override protected String verb() { return "averages"; }

    @Override
    protected NDArray combine(List<NDArray> inputs) { return fold(inputs, NDArray::add).div(inputs.size()); }

    /** d((a + b)/n)/da = 1/n. */
    @Override
    protected List<NDArray> gradients(List<NDArray> inputs, NDArray output, NDArray gradOut) {
        return Collections.nCopies(inputs.size(), gradOut.div(inputs.size()));
    }

    @Override
    protected Gradient.Rule inputRule() { return Gradients.rule("∂L/∂y divided by the number of inputs", "\\frac{1}{n}\\frac{\\partial L}{\\partial y}"); }

    @Override
    protected String inputNote() { return "y = (x1 + … + xn)/n: each input moves y by 1/n of its change"; }
}
