package layerwise.layers;

import layerwise.explain.Derivation;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * What ReLU, LeakyReLU and ELU share: a function applied to every number on its own, y = f(x), so
 * backward is dL/dx = dL/dy · f′(x). No parameters.
 * Input shape: any. Output shape: the same.
 */
public abstract class PointwiseActivation<L extends PointwiseActivation<L>> extends FluentLayer<L> {
    private NDArray savedX;

    /** f written out for the explanation: "max(x, 0)". */
    protected abstract String formula();

    protected abstract float f(float x);

    /** f′(x). */
    protected abstract float slope(float x);

    @Override
    protected Derivation derive(Shape in) {
        return keepAll(start(in).note("applies y = " + formula() + " to every number on its own; the shape does not change"), in);
    }

    /** Backward: elementwise, each number's gradient times the slope of f at its own input. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("∂L/∂y ⊙ f′(x)", "\\frac{\\partial L}{\\partial y} \\odot f'(x)"),
                "elementwise, with f(x) = " + formula() + ": each number moved only its own output, by the slope of f at that number"));
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        savedX = x;
        return x.map(this::f);
    }

    @Override
    public NDArray backward(NDArray gradOut) { return savedX.zip(gradOut, (x, g) -> g * slope(x)); }

    @Override public Role role() { return Role.ACTIVATION; }
}
