package layerwise.train;

import java.util.List;

import layerwise.layers.Options;

/** The losses by their Keras names: mse, mae, binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy. */
public final class Losses {
    public static final List<String> NAMES = List.of("mse", "mae", "binary_crossentropy", "categorical_crossentropy",
            "sparse_categorical_crossentropy", "mean_squared_error", "mean_absolute_error");
    /** Keras clips probabilities to [ε, 1 − ε] before taking a logarithm. */
    static final float EPSILON = 1e-7f;

    private Losses() {}

    /** The loss a model ending in this activation is usually compiled with: softmax → categorical cross-entropy. */
    public static String suggestedFor(String outputActivation) {
        return switch (outputActivation) {
            case "softmax" -> "categorical_crossentropy";
            case "sigmoid" -> "binary_crossentropy";
            default -> "mse";
        };
    }

    public static Loss get(String name) {
        return switch (Options.oneOf("compile", "loss", name, NAMES)) {
            case "mse", "mean_squared_error" -> new MeanError(true);
            case "mae", "mean_absolute_error" -> new MeanError(false);
            case "binary_crossentropy" -> new BinaryCrossentropy();
            case "categorical_crossentropy" -> new CategoricalCrossentropy(false);
            default -> new CategoricalCrossentropy(true);
        };
    }
}
