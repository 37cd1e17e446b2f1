package layerwise.layers;

import java.util.Map;

import layerwise.explain.Derivation;
import layerwise.ndarray.NDArray;
import layerwise.ndarray.Shape;

/**
 * Applies an activation function (relu, softmax, …) by itself, as a layer of its own.
 * y = f(x) element by element (softmax: along the last axis); no parameters.
 * Input shape: any. Output shape: the same.
 */
public final class Activation extends FluentLayer<Activation> {
    private final String activation;
    private ActivationStep step;

    /** {@code new Activation("relu")}; the names are Keras's. */
    public Activation(String activation) {
        this.activation = Activations.check(label(), activation);
    }

    public String activation() { return activation; }

    @Override
    protected Derivation derive(Shape in) {
        String how = activation.equals("softmax")
                ? "turns each vector along the last axis into probabilities that sum to 1"
                : "applies " + activation + " to every number on its own";
        return keepAll(start(in).note(how + "; the shape does not change"), in);
    }

    /** Backward: elementwise, each number times the activation's slope at its own input. */
    @Override
    protected Derivation deriveBackward(Shape in) {
        return startBackward(in).gradient(Gradients.input(in, Gradients.rule("∂L/∂y ⊙ " + activation + "′(x)",
                "\\frac{\\partial L}{\\partial y} \\odot \\mathrm{" + activation + "}'(x)"), Activations.derivative(activation).replace("(z)", "(x)").replace("z >", "x >")));
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        step = new ActivationStep(activation);
        return step.forward(x);
    }

    @Override
    public NDArray backward(NDArray gradOut) { return step.backward(gradOut); }

    @Override public String outputActivation() { return activation; }

    @Override public NDArray backwardFromLogits(NDArray gradLogits) { return gradLogits; }

    @Override public NDArray savedLogits() { return step.logits(); }

    @Override
    protected void addConfig(Map<String, Object> c) {
        c.put("activation", activation);
    }

    @Override public Role role() { return Role.ACTIVATION; }
}
