package layerwise.model;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import layerwise.error.ConfigException;
import layerwise.error.NnException;
import layerwise.error.Problem;
import layerwise.layers.Input;
import layerwise.layers.Layer;
import layerwise.layers.Names;
import layerwise.layers.SymbolicTensor;
import layerwise.model.Summary.Row;
import layerwise.model.Summary.Status;
import layerwise.ndarray.Shape;

/**
 * Rebuilds a model from the JSON that Keras's {@code model.to_json()} writes: tf.keras 2
 * ({@code Sequential}, {@code Functional} or {@code Model}) and Keras 3 (the same, with
 * {@code module}/{@code registered_name}). A functional model's wiring is read by {@link KerasGraph}.
 */
final class KerasReader {
    /** One entry of config.layers, with where it sits in the file for error messages. */
    record Entry(int index, String className, String name, LayerConfig config, JsonObject json) {}

    private KerasReader() {}

    static Model read(JsonElement root) {
        if (!root.isJsonObject()) throw notAModel("a JSON object {\"class_name\": …, \"config\": …}", kind(root));
        JsonObject top = root.getAsJsonObject();
        // model.get_config() has no class_name: its wiring tells a graph from a stack.
        String cls = top.has("class_name") ? text(top.get("class_name"), "$.class_name")
                : top.has("input_layers") ? "Functional" : "Sequential";
        JsonElement config = top.has("class_name") ? top.get("config") : top;
        if (config == null || config.isJsonNull()) throw notAModel("a \"config\" holding the layers", "no \"config\"");
        return switch (cls) {
            case "Sequential" -> sequential(config);
            case "Functional", "Model" -> KerasGraph.build(modelName(config, "model"), config.getAsJsonObject(), entries(config));
            default -> throw notAModel("class_name \"Sequential\", \"Functional\" or \"Model\"", "class_name \"" + cls + "\"");
        };
    }

    private static Model sequential(JsonElement config) {
        List<Entry> entries = entries(config);
        Sequential model = new Sequential(modelName(config, "sequential"));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            try {
                if (e.className().equals("InputLayer")) {
                    model.add(new Input(e.name(), inputShape(e).dims()));
                } else {
                    model.add(LayerReaders.read(e.config()));
                }
            } catch (NnException failure) {
                if (!model.isBuilt()) throw failure;
                throw incomplete(model.name(), true, model.nodes(), false, e, failure, entries.subList(i + 1, entries.size()));
            }
        }
        // A Sequential built with model.build(shape) keeps that shape in the config rather than in a layer.
        JsonElement built = config.isJsonObject() ? config.getAsJsonObject().get("build_input_shape") : null;
        if (!model.isBuilt() && built != null && built.isJsonArray()) {
            model.build(new LayerConfig("Sequential", model.name(), config.getAsJsonObject(), "$.config").shape("build_input_shape").dims());
        }
        return model;
    }

    /** The failure of one layer, with the summary and explanation of everything before it. */
    static IncompleteModelException incomplete(String modelName, boolean chain, List<SymbolicTensor> built,
                                               boolean showInputs, Entry failed, NnException cause, List<Entry> later) {
        Row failedRow = Row.unknown(failed.name(), failed.className(), Status.FAILED, cause.headline());
        List<Row> laterRows = later.stream().map(e -> Row.unknown(e.name(), e.className(), Status.UNKNOWN, "")).toList();
        Summary summary = Summary.partial(modelName, chain, built, showInputs, failedRow, laterRows);
        return new IncompleteModelException(cause, summary, ModelExplanation.partial(modelName, built, failed.name(), cause));
    }

    /** A model written as one layer of another: its config is a whole model's. */
    static Model readNested(LayerConfig c) {
        JsonObject root = new JsonObject();
        root.addProperty("class_name", c.className());
        root.add("config", c.json());
        return read(root);
    }

    static Shape inputShape(Entry e) {
        Shape s = e.config().batchShape();
        if (s == null) throw e.config().missing("batch_input_shape", "the input's shape with the batch axis first, e.g. [null, 28, 28, 1]");
        return s;
    }

    static List<Entry> entries(JsonElement config) {
        // Keras before 2.2.3 wrote a Sequential's config as the bare list of layers.
        JsonElement layers = config.isJsonArray() ? config : config.isJsonObject() ? config.getAsJsonObject().get("layers") : null;
        if (layers == null || !layers.isJsonArray()) throw notAModel("\"config\": {\"layers\": […]}", "no list of layers");
        List<Entry> out = new ArrayList<>();
        JsonArray a = layers.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) out.add(entry(i, a.get(i)));
        return out;
    }

    private static Entry entry(int i, JsonElement e) {
        String path = "$.config.layers[" + i + "]";
        if (!e.isJsonObject()) throw notAModel("each layer as {\"class_name\": …, \"config\": {…}}", kind(e) + " at " + path);
        JsonObject o = e.getAsJsonObject();
        if (!o.has("class_name")) throw notAModel("\"class_name\" in every layer", "a layer without it at " + path);
        String cls = text(o.get("class_name"), path + ".class_name");
        JsonElement c = o.get("config");
        if (c == null || !c.isJsonObject()) throw notAModel("a \"config\" object in layer " + i + " (" + cls + ")", "none at " + path);
        JsonObject config = c.getAsJsonObject();
        String name = o.has("name") ? text(o.get("name"), path + ".name")
                : config.has("name") && !config.get("name").isJsonNull() ? text(config.get("name"), path + ".config.name")
                : Names.unique(Names.snakeCase(cls));
        return new Entry(i, cls, name, new LayerConfig(cls, name, config, path), o);
    }

    private static String modelName(JsonElement config, String fallback) {
        if (config.isJsonObject() && config.getAsJsonObject().has("name")) {
            return text(config.getAsJsonObject().get("name"), "$.config.name");
        }
        return Names.unique(fallback);
    }

    static String text(JsonElement e, String path) {
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        throw notAModel("a text value in quotes at " + path, kind(e));
    }

    static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) return "null";
        if (e.isJsonArray()) return "a list";
        if (e.isJsonObject()) return "an object";
        return e.toString();
    }

    static ConfigException notAModel(String expected, String got) {
        return new ConfigException(Problem.at("the model file")
                .headline("Could not read the model: expected " + expected + ", got " + got + ".")
                .expected(expected)
                .got(got)
                .why("Layerwise reads what Keras's model.to_json() writes (tf.keras 2 or Keras 3), or the config.json of a .keras file")
                .fix("save the model with open('model.json', 'w').write(model.to_json()) and read that file"));
    }
}
