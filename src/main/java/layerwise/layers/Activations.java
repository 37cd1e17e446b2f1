package layerwise.layers;

import java.util.List;

import layerwise.explain.Derivation;
import layerwise.explain.Expr;
import layerwise.explain.Gradient;

/** The activation names Layerwise knows, as Keras spells them. */
public final class Activations {
    public static final List<String> NAMES = List.of("linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu",
            "leaky_relu", "gelu", "swish", "silu", "softplus", "softsign", "relu6", "hard_sigmoid", "exponential");

    private Activations() {}

    /** The name in Keras spelling; null means linear. An unknown name fails with "did you mean". */
    public static String check(String layer, String name) {
        if (name == null) return "linear";
        return Options.oneOf(layer, "activation", name, NAMES);
    }

    /** The derivative of an activation in words: relu′(z) = 1 where z > 0, else 0. */
    public static String derivative(String name) {
        return switch (name) {
            case "linear" -> "1";
            case "relu" -> "relu′(z) = 1 where z > 0, else 0";
            case "sigmoid" -> "σ′(z) = σ(z)·(1 − σ(z))";
            case "tanh" -> "tanh′(z) = 1 − tanh²(z)";
            case "softmax" -> "softmax′ mixes the outputs of one sample (a Jacobian); with cross-entropy the two fuse into ŷ − y";
            default -> name + "′(z), elementwise";
        };
    }

    /** ∂L/∂z = ∂L/∂y ⊙ f′(z), the step back through a layer's own activation; nothing for linear. */
    public static void backwardStep(Derivation d, String activation, List<Expr> shape) {
        if (activation.equals("linear")) return;
        d.gradient(Gradient.of("", "∂L/∂z", Gradients.rule("∂L/∂y ⊙ " + activation + "′(z)",
                "\\frac{\\partial L}{\\partial y} \\odot \\mathrm{" + activation + "}'(z)"), shape, derivative(activation)));
    }
}
