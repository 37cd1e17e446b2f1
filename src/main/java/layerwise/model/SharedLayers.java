package layerwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;

/**
 * Finds a layer object called more than once in a model (a Keras "shared layer", as in a Siamese
 * network or {@code d.apply(d.apply(x))}), nested models included. Such a model describes and predicts
 * correctly, but it cannot be trained yet: a layer keeps only its last call's input for backward, and
 * each call's backward replaces its weights' gradient instead of adding to it (Keras sums the calls).
 */
final class SharedLayers {
    private SharedLayers() {}

    /** Throws the explained refusal if some layer of {@code model} is called more than once. */
    static void requireNone(LayerGraph model) {
        Map<Layer, List<SymbolicTensor>> calls = new LinkedHashMap<>();
        collect(model, calls);
        for (Map.Entry<Layer, List<SymbolicTensor>> e : calls.entrySet()) {
            if (e.getValue().size() > 1) throw refusal(model, e.getKey(), e.getValue());
        }
    }

    /** Every call of every layer, in the order data flows, a nested model's own layers included. */
    private static void collect(LayerGraph model, Map<Layer, List<SymbolicTensor>> calls) {
        for (SymbolicTensor t : model.nodes()) {
            if (t.layer() instanceof InputLayer) continue;
            calls.computeIfAbsent(t.layer(), l -> new ArrayList<>()).add(t);
            if (t.layer() instanceof NestedModel n && calls.get(n).size() == 1) collect(n.model(), calls);
        }
    }

    private static ConfigException refusal(LayerGraph model, Layer layer, List<SymbolicTensor> calls) {
        int n = calls.size();
        List<String> on = calls.stream().map(SharedLayers::inputNames).toList();
        String times = n == 2 ? "twice" : n + " times";
        return new ConfigException(Problem.at(layer.label())
                .headline("Layer \"" + layer.name() + "\" is called " + n + " times in model \"" + model.name()
                        + "\" (a shared layer); Layerwise cannot train a model with shared layers yet.")
                .expected("each layer called once in a model that is trained")
                .got(layer.name() + " called " + n + " times: on " + String.join(", then on ", on))
                .why("a layer keeps only its last call's input for the backward pass, and its weights' gradient"
                        + " would not add up the calls as Keras does, so training would follow wrong gradients")
                .fix("give each use its own layer (" + newLayers(layer, times) + ") to train,"
                        + " or use Layerwise only for summary() and explain() of this model"));
    }

    private static String newLayers(Layer layer, String times) {
        if (layer instanceof NestedModel) return "build " + layer.name() + " " + times + ", each from new layers";
        return "new " + layer.type() + "(…) " + times;
    }

    private static String inputNames(SymbolicTensor call) {
        List<String> names = call.inputs().stream().map(i -> i.layer() == call.layer() ? "its own output" : i.layer().name()).toList();
        return names.size() == 1 ? names.get(0) : names.toString();
    }
}
