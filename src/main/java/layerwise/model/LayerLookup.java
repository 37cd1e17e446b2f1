package layerwise.model;

import java.util.List;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.Layer;
import layerwise.layers.Options;

/** Finds a model's layer by name or by place, as Keras's get_layer, with Keras's error when there is none. */
final class LayerLookup {
    private LayerLookup() {}

    static Layer byName(LayerGraph model, String name) {
        List<Layer> layers = model.layers();
        for (Layer l : layers) if (l.name().equals(name)) return l;
        List<String> names = layers.stream().map(Layer::name).toList();
        throw new ConfigException(Problem.at(model.name())
                .headline("No such layer: " + name + ". Existing layers are: " + names + ".")
                .expected("the name of one of the model's layers").got("'" + name + "'")
                .fix(names.isEmpty() ? "add layers to the model first"
                        : "did you mean '" + Options.closest(String.valueOf(name), names) + "'? model.summary() lists every layer's name"));
    }

    static Layer byIndex(LayerGraph model, int index) {
        List<Layer> layers = model.layers();
        if (index >= 0 && index < layers.size()) return layers.get(index);
        throw new ConfigException(Problem.at(model.name())
                .headline("Was asked to retrieve layer at index " + index + " but model only has " + layers.size() + " layers.")
                .expected("an index from 0 to " + (layers.size() - 1)).got(Integer.toString(index))
                .fix("count the layers from 0, in the order of model.layers()"));
    }
}
