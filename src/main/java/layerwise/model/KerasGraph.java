package layerwise.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import layerwise.error.ConfigException;
import layerwise.error.NnException;
import layerwise.error.Problem;
import layerwise.layers.Input;
import layerwise.layers.InputLayer;
import layerwise.layers.Layer;
import layerwise.layers.SymbolicTensor;
import layerwise.model.KerasReader.Entry;

/**
 * Wires a functional model from its file: each layer's inbound_nodes name the layers it is applied
 * to. tf.keras 2 writes a call as [["conv2d", 0, 0, {}], …]; Keras 3 as
 * {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["conv2d", 0, 0]}}]}.
 * A layer may appear before the layers it reads from, so layers are applied as their inputs become known.
 */
final class KerasGraph {
    /**
     * The node_index-th call of a layer; tensor_index is always 0 for Layerwise's one-output layers.
     * {@code keyword} names an input passed by keyword (MultiHeadAttention's "value"), null for a positional one.
     */
    record Ref(String layer, int node, String keyword) {
        Ref(String layer, int node) { this(layer, node, null); }
    }

    private final Map<String, List<SymbolicTensor>> made = new HashMap<>();
    private final List<SymbolicTensor> built = new ArrayList<>();
    /** Each entry's layer, made once however many calls it has. */
    private final Map<String, Layer> layers = new HashMap<>();

    private KerasGraph() {}

    static Model build(String name, JsonObject config, List<Entry> entries) {
        KerasGraph g = new KerasGraph();
        List<Entry> pending = new ArrayList<>(entries);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                Entry e = pending.get(i);
                List<List<Ref>> calls = calls(e);
                try {
                    progress |= g.addReady(e, calls);
                } catch (NnException failure) {
                    List<Entry> later = new ArrayList<>(pending);
                    later.remove(e);
                    throw KerasReader.incomplete(name, g.isChain(), g.built, true, e, failure, later);
                }
                if (g.isDone(e, calls)) pending.remove(i--);
            }
        }
        if (!pending.isEmpty()) throw g.unresolved(pending.get(0), entries);
        return new Model(name, g.tensors(config, "input_layers"), g.tensors(config, "output_layers"));
    }

    private boolean isMade(Ref r) { return made.containsKey(r.layer()) && made.get(r.layer()).size() > r.node(); }

    /** True once the entry's layer is made and applied to every call (an input layer: made once). */
    private boolean isDone(Entry e, List<List<Ref>> calls) {
        int wanted = e.className().equals("InputLayer") ? 1 : calls.size();
        return layers.containsKey(e.name()) && made.getOrDefault(e.name(), List.of()).size() == wanted;
    }

    /**
     * Makes the entry's layer once and applies it to each call whose inputs are known, in order, as Keras's
     * reconstruct_from_config: a shared layer's later call may read one of its own earlier calls, d(d(x)).
     * True if anything was made.
     */
    private boolean addReady(Entry e, List<List<Ref>> calls) {
        if (isDone(e, calls)) return false;
        if (e.className().equals("InputLayer")) {
            keep(e.name(), new Input(e.name(), KerasReader.inputShape(e).dims()));
            layers.put(e.name(), made.get(e.name()).get(0).layer());
            return true;
        }
        int next = made.getOrDefault(e.name(), List.of()).size();
        if (next < calls.size() && !calls.get(next).stream().allMatch(this::isMade)) return false;
        Layer layer = layers.computeIfAbsent(e.name(), k -> LayerReaders.read(withCallArguments(e)));
        for (; next < calls.size() && calls.get(next).stream().allMatch(this::isMade); next++) {
            SymbolicTensor[] args = inLayerOrder(e, layer, calls.get(next)).stream()
                    .map(r -> made.get(r.layer()).get(r.node())).toArray(SymbolicTensor[]::new);
            keep(e.name(), layer.apply(args));
        }
        return true;
    }

    /**
     * Positional inputs first, then the keyword ones in the order the layer names its inputs (query, value,
     * key); a keyword left out before a given one takes the input before it, as Keras's key defaults to the value.
     */
    private static List<Ref> inLayerOrder(Entry e, Layer layer, List<Ref> call) {
        List<Ref> out = new ArrayList<>(call.stream().filter(r -> r.keyword() == null).toList());
        List<String> names = layer.keywordInputs();
        int last = -1;
        for (Ref r : call) {
            if (r.keyword() == null) continue;
            if (!names.contains(r.keyword())) {
                throw bad(e, "tensor inputs of " + e.className() + " passed by keyword as one of " + names, "\"" + r.keyword() + "\"");
            }
            last = Math.max(last, names.indexOf(r.keyword()));
        }
        for (int i = out.size(); i <= last; i++) {
            Ref r = keyword(call, names.get(i));
            if (r == null && out.isEmpty()) throw bad(e, "the " + names.get(0) + " input of " + e.className(), "a call without it");
            out.add(r != null ? r : out.get(out.size() - 1));
        }
        return out;
    }

    private static Ref keyword(List<Ref> call, String name) {
        return call.stream().filter(r -> name.equals(r.keyword())).findFirst().orElse(null);
    }

    /**
     * The layer's config with the first call's non-tensor arguments added, such as use_causal_mask: Keras
     * passes those when calling the layer, Layerwise keeps them as the layer's settings.
     */
    private static LayerConfig withCallArguments(Entry e) {
        JsonObject arguments = callArguments(e);
        if (arguments.isEmpty()) return e.config();
        JsonObject merged = e.config().json().deepCopy();
        for (String key : arguments.keySet()) if (!merged.has(key)) merged.add(key, arguments.get(key));
        return e.config().withSettings(merged);
    }

    private static JsonObject callArguments(Entry e) {
        JsonObject out = new JsonObject();
        JsonElement nodes = e.json().get("inbound_nodes");
        if (nodes == null || !nodes.isJsonArray() || nodes.getAsJsonArray().isEmpty()) return out;
        JsonElement first = nodes.getAsJsonArray().get(0);
        JsonElement kwargs = first.isJsonObject() ? first.getAsJsonObject().get("kwargs") : tfKeras2Kwargs(first);
        if (kwargs == null || !kwargs.isJsonObject()) return out;
        for (var entry : kwargs.getAsJsonObject().entrySet()) {
            if (entry.getValue().isJsonPrimitive()) out.add(entry.getKey(), entry.getValue());
        }
        return out;
    }

    /** tf.keras 2 writes a call's keyword arguments as the fourth entry of its first input: ["x", 0, 0, {…}]. */
    private static JsonElement tfKeras2Kwargs(JsonElement node) {
        if (!node.isJsonArray() || node.getAsJsonArray().isEmpty()) return null;
        JsonArray a = node.getAsJsonArray();
        JsonArray first = isRef(a) ? a : a.get(0).isJsonArray() ? a.get(0).getAsJsonArray() : null;
        return first != null && first.size() > 3 ? first.get(3) : null;
    }

    private void keep(String layer, SymbolicTensor t) {
        made.computeIfAbsent(layer, k -> new ArrayList<>()).add(t);
        built.add(t);
    }

    /** Keras prints a graph as a chain (65 columns) when every layer reads one tensor from one input. */
    private boolean isChain() {
        return built.stream().allMatch(t -> t.inputs().size() <= 1)
                && built.stream().filter(t -> t.layer() instanceof InputLayer).count() == 1;
    }

    /** The calls of one layer, each a list of the tensors it was applied to. */
    private static List<List<Ref>> calls(Entry e) {
        JsonElement nodes = e.json().get("inbound_nodes");
        List<List<Ref>> out = new ArrayList<>();
        if (nodes == null || nodes.isJsonNull()) return out;
        if (!nodes.isJsonArray()) throw bad(e, "inbound_nodes as a list", KerasReader.kind(nodes));
        for (JsonElement node : nodes.getAsJsonArray()) {
            List<Ref> refs = new ArrayList<>();
            if (node.isJsonObject()) {
                collectKeras3(e, node.getAsJsonObject().get("args"), refs, null);
                collectKeras3Kwargs(e, node.getAsJsonObject().get("kwargs"), refs);
            } else if (node.isJsonArray() && isRef(node.getAsJsonArray())) {
                refs.add(ref(e, node.getAsJsonArray()));
                collectTfKeras2Kwargs(e, node, refs);
            } else if (node.isJsonArray()) {
                for (JsonElement r : node.getAsJsonArray()) {
                    if (!r.isJsonArray()) throw bad(e, "each input as [\"layer_name\", 0, 0, {}]", r.toString());
                    refs.add(ref(e, r.getAsJsonArray()));
                }
                collectTfKeras2Kwargs(e, node, refs);
            } else {
                throw bad(e, "each call as a list of inputs or {\"args\": […]}", node.toString());
            }
            out.add(refs);
        }
        return out;
    }

    private static boolean isRef(JsonArray a) {
        return !a.isEmpty() && a.get(0).isJsonPrimitive() && a.get(0).getAsJsonPrimitive().isString();
    }

    /** The tensors tf.keras 2 lists among a call's keyword arguments: {"value": ["input_2", 0, 0]}. */
    private static void collectTfKeras2Kwargs(Entry e, JsonElement node, List<Ref> refs) {
        JsonElement kwargs = tfKeras2Kwargs(node);
        if (kwargs == null || !kwargs.isJsonObject()) return;
        for (var entry : kwargs.getAsJsonObject().entrySet()) {
            JsonElement v = entry.getValue();
            if (v.isJsonArray() && isRef(v.getAsJsonArray())) {
                Ref r = ref(e, v.getAsJsonArray());
                refs.add(new Ref(r.layer(), r.node(), entry.getKey()));
            }
        }
    }

    /** Keras 3's keyword arguments: {"value": {"class_name": "__keras_tensor__", …}, "use_causal_mask": true}. */
    private static void collectKeras3Kwargs(Entry e, JsonElement kwargs, List<Ref> refs) {
        if (kwargs == null || !kwargs.isJsonObject()) return;
        for (var entry : kwargs.getAsJsonObject().entrySet()) collectKeras3(e, entry.getValue(), refs, entry.getKey());
    }

    /** Keras 3 writes the call's arguments as they were passed (a tensor, or a list for Concatenate): find every tensor. */
    private static void collectKeras3(Entry e, JsonElement args, List<Ref> refs, String keyword) {
        if (args == null || args.isJsonNull() || args.isJsonPrimitive()) return;
        if (args.isJsonArray()) {
            for (JsonElement a : args.getAsJsonArray()) collectKeras3(e, a, refs, keyword);
            return;
        }
        JsonObject o = args.getAsJsonObject();
        JsonElement cls = o.get("class_name");
        if (cls != null && cls.isJsonPrimitive() && cls.getAsString().equals("__keras_tensor__")) {
            JsonElement history = o.has("config") ? o.getAsJsonObject("config").get("keras_history") : null;
            if (history == null || !history.isJsonArray()) throw bad(e, "a keras_history [\"layer_name\", 0, 0]", o.toString());
            Ref r = ref(e, history.getAsJsonArray());
            refs.add(new Ref(r.layer(), r.node(), keyword));
            return;
        }
        for (String key : o.keySet()) collectKeras3(e, o.get(key), refs, keyword);
    }

    private static Ref ref(Entry e, JsonArray a) {
        if (!isRef(a) || a.size() < 3) throw bad(e, "an input written as [\"layer_name\", node_index, tensor_index]", a.toString());
        if (a.get(2).getAsInt() != 0) throw bad(e, "tensor_index 0 (Layerwise's layers have one output each)", a.toString());
        return new Ref(a.get(0).getAsString(), a.get(1).getAsInt());
    }

    /** The model's inputs or outputs: [["input_1", 0, 0], …], or one ["input_1", 0, 0] as Keras 3 writes a single one. */
    private List<SymbolicTensor> tensors(JsonObject config, String key) {
        JsonElement e = config.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw KerasReader.notAModel("\"" + key + "\": [[\"layer_name\", 0, 0]] in the model's config", e == null ? "none" : e.toString());
        }
        JsonArray a = e.getAsJsonArray();
        List<JsonArray> refs = new ArrayList<>();
        if (isRef(a)) refs.add(a); else a.forEach(r -> refs.add(r.getAsJsonArray()));
        List<SymbolicTensor> out = new ArrayList<>();
        for (JsonArray r : refs) {
            Ref ref = new Ref(r.get(0).getAsString(), r.get(1).getAsInt());
            if (!isMade(ref)) throw KerasReader.notAModel(key + " to name layers of the model", "\"" + ref.layer() + "\", which is not among them");
            out.add(made.get(ref.layer()).get(ref.node()));
        }
        return out;
    }

    private ConfigException unresolved(Entry e, List<Entry> all) {
        Ref missing = calls(e).stream().flatMap(List::stream).filter(r -> !isMade(r)).findFirst().orElseThrow();
        boolean exists = all.stream().anyMatch(x -> x.name().equals(missing.layer()));
        return new ConfigException(Problem.at(e.config().where())
                .headline("Layer " + e.name() + " is applied to \"" + missing.layer() + "\", "
                        + (exists ? "which in turn depends on " + e.name() + " (a cycle)." : "but the model file has no layer of that name."))
                .expected("every inbound node to name a layer listed in config.layers")
                .got("an input \"" + missing.layer() + "\" (call " + missing.node() + ")")
                .fix("correct the layer name in inbound_nodes, or save the model again with model.to_json()"));
    }

    private static ConfigException bad(Entry e, String expected, String got) {
        return new ConfigException(Problem.at(e.config().where())
                .headline("Could not read the inputs of layer " + e.name() + ": expected " + expected + ", got " + got + ".")
                .expected(expected)
                .got(got)
                .fix("save the model again with model.to_json(); hand edits must keep Keras's inbound_nodes form"));
    }
}
