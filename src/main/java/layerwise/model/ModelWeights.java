package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.error.ShapeException;
import layerwise.layers.Layer;
import layerwise.ndarray.NDArray;

/**
 * A model's weights as one list, as Keras 3's {@code model.get_weights()}: layer after layer in the order
 * of {@code model.layers}, each layer's arrays in its own getWeights order (a nested model's layers in
 * place of the nested model). setWeights checks every count and shape before it changes anything.
 */
final class ModelWeights {
    private ModelWeights() {}

    static List<NDArray> get(Model model) {
        List<NDArray> all = new ArrayList<>();
        for (Layer layer : model.layers()) all.addAll(layer.getWeights());
        return all;
    }

    /** "dense: kernel (784, 64)" for each array of get(model), for messages. */
    static List<String> names(Model model) {
        List<String> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            for (String w : layer.weightNames()) out.add(layer.name() + ": " + w);
        }
        return out;
    }

    static void set(Model model, List<NDArray> weights) {
        List<NDArray> current = get(model);
        if (weights.size() != current.size()) {
            throw new ConfigException(Problem.at(model.name())
                    .headline("You called `set_weights(weights)` on model '" + model.name() + "' with a weight list of length "
                            + weights.size() + ", but the model was expecting " + current.size() + " weights.")
                    .expected(current.size() + " arrays, layer by layer: " + names(model))
                    .got(weights.size() + " arrays")
                    .fix("pass the list model.getWeights() returns, with each array replaced by one of the same shape"));
        }
        List<String> names = names(model);
        for (int i = 0; i < weights.size(); i++) {
            if (!weights.get(i).shape().equals(current.get(i).shape())) {
                throw new ShapeException(Problem.at(names.get(i).split(":")[0])
                        .headline("Weight " + i + " of model '" + model.name() + "' (" + names.get(i) + ") has shape "
                                + current.get(i).shape() + ", but the provided array has shape " + weights.get(i).shape() + ".")
                        .expected("array " + i + ": " + names.get(i))
                        .got(weights.get(i).shape().toString())
                        .fix("keep the order and the shapes of model.getWeights(), or set one layer at a time with layer.setWeights(…)"));
            }
        }
        int at = 0;
        for (Layer layer : model.layers()) {
            int n = layer.weightNames().size();
            layer.setWeights(weights.subList(at, at + n));
            at += n;
        }
    }
}
