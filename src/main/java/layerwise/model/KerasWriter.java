package layerwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;

/**
 * Writes a model in the form tf.keras 2 {@code model.to_json()} uses, so that Keras's
 * {@code model_from_json} and Layerwise's own reader can load it again. A Sequential lists its input
 * layer first; a functional model lists each layer's inbound nodes as [["conv2d", 0, 0, {}]].
 */
final class KerasWriter {
    /** The version whose file format this writes; Keras checks only that the field exists. */
    static final String KERAS_VERSION = "2.15.0";

    private KerasWriter() {}

    static String write(Model model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("class_name", model instanceof Sequential ? "Sequential" : "Functional");
        root.put("config", modelConfig(model));
        root.put("keras_version", KERAS_VERSION);
        root.put("backend", "tensorflow");
        return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** The "config" of a model: its name, its layers and, for a graph, its inputs and outputs. */
    static Map<String, Object> modelConfig(Model model) {
        model.requireBuilt();
        boolean sequential = model instanceof Sequential;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("layers", sequential ? sequentialLayers(model) : graphLayers(model));
        if (!sequential) {
            config.put("input_layers", model.inputs().stream().map(t -> ref(model, t, null)).toList());
            config.put("output_layers", model.outputs().stream().map(t -> ref(model, t, null)).toList());
        }
        return config;
    }

    private static List<Map<String, Object>> sequentialLayers(Model model) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) out.add(entry(t.layer()));
        return out;
    }

    /** One entry per layer, in the order the graph first uses it; a shared layer lists each of its calls. */
    private static List<Map<String, Object>> graphLayers(Model model) {
        Map<Layer, Map<String, Object>> entries = new LinkedHashMap<>();
        for (SymbolicTensor t : model.nodes()) {
            Map<String, Object> e = entries.computeIfAbsent(t.layer(), l -> {
                Map<String, Object> m = entry(l);
                m.put("name", l.name());
                m.put("inbound_nodes", new ArrayList<>());
                return m;
            });
            if (!t.inputs().isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Object> calls = (List<Object>) e.get("inbound_nodes");
                calls.add(call(model, t));
            }
        }
        return new ArrayList<>(entries.values());
    }

    /**
     * One call: its inputs, each as [name, node, 0, kwargs]. A layer with named inputs (MultiHeadAttention)
     * lists only the first, with the others and its call arguments in kwargs, as tf.keras 2 does:
     * [["embedding", 0, 0, {"value": ["embedding", 0, 0]}]].
     */
    private static List<Object> call(Model model, SymbolicTensor t) {
        List<String> names = t.layer().keywordInputs();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (names.isEmpty()) {
            kwargs.putAll(t.layer().callArguments());
            return t.inputs().stream().map(in -> (Object) ref(model, in, kwargs)).toList();
        }
        for (int i = 1; i < t.inputs().size(); i++) kwargs.put(names.get(i), ref(model, t.inputs().get(i), null));
        kwargs.putAll(t.layer().callArguments());
        return List.of(ref(model, t.inputs().get(0), kwargs));
    }

    private static Map<String, Object> entry(Layer layer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", layer.type());
        m.put("config", layer.config());
        return m;
    }

    /** [name, node_index, tensor_index] (plus the call's kwargs inside inbound_nodes, when not null). */
    private static List<Object> ref(Model model, SymbolicTensor t, Map<String, Object> kwargs) {
        int node = 0;
        for (SymbolicTensor n : model.nodes()) {
            if (n == t) break;
            if (n.layer() == t.layer()) node++;
        }
        List<Object> r = new ArrayList<>(List.of(t.layer().name(), node, 0));
        if (kwargs != null) r.add(kwargs);
        return r;
    }
}
