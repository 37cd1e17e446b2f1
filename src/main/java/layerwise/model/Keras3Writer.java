package layerwise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;

import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.ndarray.Shape;

/**
 * Writes a model as Keras 3's {@code config.json} (what {@code serialize_keras_object(model)} gives and a
 * .keras file holds): every object as {"module", "class_name", "config", "registered_name"}, each layer
 * with its "build_config" (the input shape it was built for), a functional model's calls as
 * {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": [layer, call, 0]}}]}.
 * Layer settings are those of tf.keras 2's to_json, less the few that Keras 3 no longer accepts.
 */
final class Keras3Writer {
    /** Settings tf.keras 2 wrote that Keras 3's constructors refuse as unknown arguments. */
    private static final Set<String> DROPPED = Set.of("batch_input_shape", "time_major", "ragged");
    private static final Set<String> NO_GROUPS = Set.of("DepthwiseConv2D", "SeparableConv2D", "SeparableConv1D",
            "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose");

    private Keras3Writer() {}

    static String write(Model model) {
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(modelEntry(model));
    }

    /** The model as Keras 3 serializes it; also the entry of a model nested in another. */
    static Map<String, Object> modelEntry(Model model) {
        model.requireBuilt();
        boolean sequential = model instanceof Sequential;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("trainable", true);
        config.put("dtype", dtypePolicy());
        config.put("layers", sequential ? sequentialLayers(model) : graphLayers(model));
        if (sequential) {
            config.put("build_input_shape", model.inputShape().withBatchList());
        } else {
            config.put("input_layers", model.inputs().stream().map(t -> history(model, t)).toList());
            config.put("output_layers", model.outputs().stream().map(t -> history(model, t)).toList());
        }
        Map<String, Object> e = object(sequential ? "keras" : "keras.src.models.functional", sequential ? "Sequential" : "Functional", config);
        if (!sequential) e.put("registered_name", "Functional");
        Map<String, Object> build = new LinkedHashMap<>();
        // a functional model is built by its graph; Keras 3 leaves its input_shape empty
        build.put("input_shape", sequential ? model.inputShape().withBatchList() : null);
        e.put("build_config", build);
        e.put("compile_config", null);
        return e;
    }

    private static List<Object> sequentialLayers(Model model) {
        List<Object> out = new ArrayList<>();
        for (SymbolicTensor t : model.nodes()) out.add(layerEntry(t.layer(), t));
        return out;
    }

    /** Each layer once, in model.layers order, with every call it makes. */
    private static List<Object> graphLayers(Model model) {
        List<Object> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            List<SymbolicTensor> calls = model.nodes().stream().filter(t -> t.layer() == layer).toList();
            Map<String, Object> e = layerEntry(layer, calls.get(0));
            e.put("name", layer.name());
            List<Object> inbound = new ArrayList<>();
            for (SymbolicTensor call : calls) {
                if (call.inputs().isEmpty()) continue;
                List<Object> tensors = call.inputs().stream().map(in -> (Object) tensor(model, in)).toList();
                Map<String, Object> node = new LinkedHashMap<>();
                // a layer with named inputs (MultiHeadAttention's query, value) takes each as an argument of its own
                boolean named = !call.layer().keywordInputs().isEmpty();
                node.put("args", tensors.size() == 1 || named ? tensors : List.of(tensors));
                node.put("kwargs", call.layer().callArguments());
                inbound.add(node);
            }
            e.put("inbound_nodes", inbound);
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> layerEntry(Layer layer, SymbolicTensor call) {
        if (layer instanceof InputLayer) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("batch_shape", call.shape().withBatchList());
            c.put("dtype", "float32");
            c.put("sparse", false);
            c.put("name", layer.name());
            return object("keras.layers", "InputLayer", c);
        }
        if (layer instanceof NestedModel nested) {
            Map<String, Object> e = modelEntry(nested.model());
            e.remove("compile_config");
            return e;
        }
        Map<String, Object> e = object("keras.layers", layer.type(), settings(layer.type(), layer.config()));
        e.put("build_config", buildConfig(layer, call.inputs().stream().map(SymbolicTensor::shape).toList()));
        return e;
    }

    /**
     * The shapes the layer was built for: {"input_shape": …} for one argument of build (a list of shapes
     * for Add or Concatenate), {"shapes_dict": {"query_shape": …, "value_shape": …}} for MultiHeadAttention,
     * whose build takes one shape per named input (an attention mask is not built from).
     */
    private static Map<String, Object> buildConfig(Layer layer, List<Shape> in) {
        List<String> names = layer.keywordInputs();
        if (names.isEmpty()) return Map.of("input_shape", in.size() == 1 ? in.get(0).withBatchList() : in.stream().map(Shape::withBatchList).toList());
        Map<String, Object> shapes = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) if (!names.get(i).endsWith("mask")) shapes.put(names.get(i) + "_shape", in.get(i).withBatchList());
        return Map.of("shapes_dict", shapes);
    }

    /** A layer's tf.keras 2 settings in Keras 3's form: a wrapped layer ({"class_name", "config"}) becomes an object too. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(String className, Map<String, Object> tfKeras2) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (Map.Entry<String, Object> kv : tfKeras2.entrySet()) {
            String key = kv.getKey();
            Object value = kv.getValue();
            if (DROPPED.contains(key) || key.equals("groups") && NO_GROUPS.contains(className)) continue;
            if (key.equals("dtype")) value = dtypePolicy();
            if (value instanceof Map<?, ?> m && m.containsKey("class_name") && m.containsKey("config") && !m.containsKey("module")) {
                String inner = (String) m.get("class_name");
                value = object("keras.layers", inner, settings(inner, (Map<String, Object>) m.get("config")));
            }
            c.put(key, value);
        }
        return c;
    }

    private static Map<String, Object> object(String module, String className, Map<String, Object> config) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("module", module);
        e.put("class_name", className);
        e.put("config", config);
        e.put("registered_name", null);
        return e;
    }

    private static Map<String, Object> dtypePolicy() {
        return object("keras", "DTypePolicy", Map.of("name", "float32"));
    }

    /** A symbolic tensor as Keras 3 writes it in a call's arguments. */
    private static Map<String, Object> tensor(Model model, SymbolicTensor t) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("shape", t.shape().withBatchList());
        config.put("dtype", "float32");
        config.put("keras_history", history(model, t));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("class_name", "__keras_tensor__");
        e.put("config", config);
        return e;
    }

    /** [layer name, which call of that layer, 0]. */
    private static List<Object> history(Model model, SymbolicTensor t) {
        int call = 0;
        for (SymbolicTensor n : model.nodes()) {
            if (n == t) break;
            if (n.layer() == t.layer()) call++;
        }
        return List.of(t.layer().name(), call, 0);
    }
}
