package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Layer;
import layerwise.layers.Options;
import layerwise.layers.SymbolicTensor;
import layerwise.model.ShapeLinter.Warning;

/**
 * Whether the output layer fits a loss: cross-entropy wants probabilities (softmax over two or more
 * classes, or sigmoid for yes/no), regression losses want an unsquashed (linear) output, and a softmax
 * over a single unit always outputs 1.
 */
final class LossFit {
    static final List<String> LOSSES = List.of("categorical_crossentropy", "sparse_categorical_crossentropy",
            "binary_crossentropy", "mse", "mean_squared_error", "mae", "mean_absolute_error", "huber");

    private LossFit() {}

    static List<Warning> check(LayerGraph model, String lossName) {
        String loss = lossName.trim().toLowerCase();
        if (!LOSSES.contains(loss)) throw unknown(lossName);
        model.requireBuilt();
        SymbolicTensor out = model.outputs().get(0);
        Layer last = out.layer();
        Object act = last.config().get("activation");
        String activation = act instanceof String a ? a : "linear";
        long units = out.shape().rank() == 0 ? 1 : out.shape().last();
        String where = last.label();
        List<Warning> w = new ArrayList<>();
        if (activation.equals("softmax") && units == 1) {
            w.add(new Warning(where, "softmax over a single unit always outputs 1.0 (e^x / e^x), whatever the input.",
                    "use Dense(1, activation=\"sigmoid\") with binary_crossentropy for a yes/no output"));
        }
        switch (loss) {
            case "categorical_crossentropy", "sparse_categorical_crossentropy" -> {
                if (units < 2) {
                    w.add(new Warning(where, loss + " needs one output per class, but the output has " + units + " unit.",
                            "use Dense(number of classes, activation=\"softmax\"), or binary_crossentropy with one sigmoid unit"));
                } else if (!activation.equals("softmax")) {
                    w.add(new Warning(where, loss + " expects class probabilities that sum to 1, but the output activation is '"
                            + activation + "'.", "use activation=\"softmax\" on the last layer"));
                }
            }
            case "binary_crossentropy" -> {
                if (!activation.equals("sigmoid")) {
                    w.add(new Warning(where, "binary_crossentropy expects each output to be a probability between 0 and 1, but the output activation is '"
                            + activation + "'.", "use activation=\"sigmoid\" on the last layer"
                            + (units > 1 && activation.equals("softmax") ? " (sigmoid lets several labels be true at once)" : "")));
                }
            }
            default -> {
                if (activation.equals("softmax") || activation.equals("sigmoid")) {
                    w.add(new Warning(where, loss + " is a regression loss, but '" + activation + "' squashes the outputs into (0, 1)"
                            + (activation.equals("softmax") ? " and makes them sum to 1" : "") + ".",
                            "use activation=\"linear\" for values, or a cross-entropy loss for classes"));
                }
            }
        }
        if (out.shape().rank() > 1 && loss.contains("categorical")) {
            w.add(new Warning(where, "the output " + out.shape().withBatch() + " has " + (out.shape().rank() + 1)
                    + " axes, so " + loss + " compares one prediction per position, not per sample.",
                    "add Flatten() or global pooling before the last Dense layers"));
        }
        return w;
    }

    private static ConfigException unknown(String name) {
        return new ConfigException(Problem.at("loss")
                .headline("Unknown loss function: '" + name + "'. Please ensure you are using a `keras.utils.custom_object_scope`"
                        + " and that this object is included in the scope.")
                .expected("one of " + String.join(", ", LOSSES))
                .got("'" + name + "'")
                .fix("did you mean '" + Options.closest(name.toLowerCase(), LOSSES) + "'?"));
    }
}
