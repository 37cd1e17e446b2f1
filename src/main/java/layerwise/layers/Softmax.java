package layerwise.layers;

import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.explain.Derivation;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Softmax as a layer: turns each vector along the last axis into probabilities that sum to 1,
 * y_i = e^(x_i) / Σ_j e^(x_j). No parameters.
 * Input shape: any. Output shape: the same.
 */
public final class Softmax extends FluentLayer<Softmax> {
    private int axis = -1;
    private NDArray savedY;

    public Softmax() {}

    /** The axis the probabilities run along, counted as Keras counts it; only the last (−1) is supported. */
    public Softmax axis(int a) { checkNotBuilt(); axis = a; return this; }

    @Override
    protected Derivation derive(Shape in) {
        if (axis != -1 && axis != in.rank()) {
            throw new ConfigException(Problem.at(label())
                    .headline("Softmax axis " + axis + " is not supported by Layerwise for input " + in.withBatch() + ": it normalizes the last axis.")
                    .expected("axis=-1 (or " + in.rank() + ")").got("axis=" + axis)
                    .fix("Permute the axis to the end first, or use axis=-1"));
        }
        return keepAll(start(in).note("turns each vector of " + in.last() + " numbers along the last axis into probabilities "
                + "that sum to 1; the shape does not change"), in);
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedY = ActivationFunctions.softmax(x);
        return savedY;
    }

    /** dx_i = y_i·(g_i − Σ_j g_j·y_j). */
    @Override
    public NDArray backward(NDArray gradOut) { return ActivationFunctions.softmaxBackward(savedY, gradOut); }

    /** Backward: not elementwise, since every probability of a vector depends on all of its numbers through the sum. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("y ⊙ (∂L/∂y − Σ_j ∂L/∂y_j · y_j), along the last axis",
                "y \\odot \\left(\\frac{\\partial L}{\\partial y} - \\sum_j \\frac{\\partial L}{\\partial y_j} y_j\\right)"),
                "not elementwise: raising one x_i raises y_i and lowers the other " + (in.isKnown(-1) ? in.last() - 1 + " " : "")
                + "probabilities of its vector (they still sum to 1), so each vector's Jacobian is diag(y) − y·yᵀ; ∂L/∂x keeps the input's shape"));
    }

    @Override
    protected void addConfig(Map<String, Object> c) { c.put("axis", axis); }

    @Override public Role role() { return Role.ACTIVATION; }
}
