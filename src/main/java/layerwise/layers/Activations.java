package layerwise.layers;

import java.util.List;

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
}
