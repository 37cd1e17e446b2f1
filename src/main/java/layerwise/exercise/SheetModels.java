package layerwise.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.error.ConfigException;
import layerwise.error.NnException;
import layerwise.explain.Derivation;
import layerwise.layers.Names;
import layerwise.model.KerasJson;
import layerwise.model.Model;

/**
 * The models of a sheet on one student's numbers. A model is Keras JSON, a file beside the sheet
 * (read once and written into the sheet), or the short form {@code {"input": [28, 28, 1], "layers":
 * [{"Conv2D": {"filters": 6, "kernel_size": 5}}]}}, whose layers take Keras's config keys.
 */
final class SheetModels {
    /** One model as the questions see it: its layers' derivations and, for a chain, its spec (for the known mistakes). */
    record Built(Model model, ModelSpec spec, List<Derivation> derivations) {
        int index(SheetFile sheet, String path, String layer) {
            for (int i = 0; i < derivations.size(); i++) if (derivations.get(i).layerName().equals(layer)) return i;
            throw sheet.json().wrong(path, "No layer '" + layer + "' in the model.",
                    "one of " + derivations.stream().map(Derivation::layerName).toList(), "\"" + layer + "\"",
                    "copy the layer's name from model.summary()");
        }
    }

    private final SheetFile sheet;
    private final JsonObject root;
    private final String studentId;
    private final Map<String, Built> built = new LinkedHashMap<>();

    SheetModels(SheetFile sheet, JsonObject root, String studentId) {
        this.sheet = sheet;
        this.root = root;
        this.studentId = studentId;
    }

    /** Reads model files named in the sheet and writes them in, so the sheet stands on its own. */
    static void inline(SheetFile sheet, JsonObject root, Path dir) {
        if (root.has("model")) root.add("model", file(sheet, "$.model", root.get("model"), dir));
        if (root.has("models")) {
            if (!root.get("models").isJsonObject()) {
                throw sheet.json().wrong("$.models", "\"models\" must be an object.", "{\"lenet\": { Keras JSON }, \"small\": \"small.json\"}",
                        root.get("models").toString(), "give each model a key; questions name it with \"model\": \"key\"");
            }
            for (Map.Entry<String, JsonElement> m : root.getAsJsonObject("models").entrySet()) {
                m.setValue(file(sheet, "$.models." + m.getKey(), m.getValue(), dir));
            }
        }
        if (!root.has("model") && !root.has("models")) {
            throw sheet.json().wrong("$", "The sheet has no model.", "\"model\": { Keras JSON } or \"model.json\"", "neither \"model\" nor \"models\"",
                    "add the model the questions are about: the JSON of model.to_json(), or its file name");
        }
    }

    private static JsonElement file(SheetFile sheet, String path, JsonElement e, Path dir) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) return e;
        Path file = dir == null ? Path.of(e.getAsString()) : dir.resolve(e.getAsString());
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException bad) {
            throw sheet.json().wrong(path, "Cannot read the model file " + e.getAsString() + ".", "a Keras JSON file beside the sheet (model.to_json())",
                    bad.getClass().getSimpleName() + ": " + bad.getMessage(), "check the file name; it is read relative to the sheet file");
        }
    }

    /** The model a question names ("model": "key"), or the sheet's only model. */
    Built model(String path, String key) {
        String where = key.isEmpty() ? "$.model" : "$.models." + key;
        JsonElement e = key.isEmpty() ? root.get("model") : root.has("models") ? root.getAsJsonObject("models").get(key) : null;
        if (e == null) {
            List<String> keys = root.has("models") ? List.copyOf(root.getAsJsonObject("models").keySet()) : List.of();
            throw sheet.json().wrong(path, key.isEmpty() ? "The question names no model and the sheet has no \"model\"." : "No model '" + key + "'.",
                    "one of " + keys, key.isEmpty() ? "nothing" : "\"" + key + "\"", "add \"model\": \"key\" to the question");
        }
        return built.computeIfAbsent(where, w -> build(w, e, key));
    }

    private Built build(String where, JsonElement e, String key) {
        Model model = read(where, e);
        boolean vary = root.has("variants") && root.get("variants").getAsBoolean();
        ModelSpec spec;
        try {
            spec = ModelSpec.of(model);
        } catch (ConfigException notAChain) {
            if (vary) {
                throw sheet.json().wrong("$.variants", "\"variants\": true needs models that are chains of Conv2D, MaxPooling2D, Dense and Flatten.",
                        "such a chain, or \"variants\": false with \"choices\" for the numbers to vary", notAChain.getMessage().lines().findFirst().orElse(""),
                        "write the numbers to vary as \"$name\" and list their values under \"choices\"");
            }
            return new Built(model, null, model.derivations());
        }
        if (!vary || studentId.isEmpty()) return new Built(model, spec, model.derivations());
        ModelSpec mine = Variation.of(spec, Seeding.spread(sheet.name() + "/" + key, studentId));
        Model varied = mine.build(model.derivations().stream().map(Derivation::layerName).toList());
        return new Built(varied, mine, varied.derivations());
    }

    private Model read(String where, JsonElement e) {
        try {
            JsonElement keras = e.isJsonObject() && e.getAsJsonObject().has("layers") && !e.getAsJsonObject().has("class_name")
                    ? keras(where, e.getAsJsonObject()) : e;
            return Names.isolated(() -> KerasJson.read(keras.toString()));
        } catch (NnException bad) {
            throw sheet.json().wrong(where, "The model cannot be built.", "a model Layerwise can read (as ./layerwise summary does)",
                    bad.getMessage().lines().findFirst().orElse(""), bad.getMessage().lines().filter(l -> l.strip().startsWith("Fix:"))
                            .findFirst().map(l -> l.strip().substring(4).strip()).orElse("check the model with ./layerwise summary"));
        }
    }

    /** The short form written as the Sequential JSON Keras would write. */
    private JsonObject keras(String where, JsonObject shortForm) {
        JsonArray layers = new JsonArray();
        JsonObject input = new JsonObject();
        JsonArray shape = new JsonArray();
        shape.add(JsonNull.INSTANCE);
        if (!shortForm.has("input") || !shortForm.get("input").isJsonArray()) {
            throw sheet.json().wrong(where, "The model's short form needs \"input\".", "\"input\": [28, 28, 1] (one sample's shape)",
                    String.valueOf(shortForm.get("input")), "add the input shape without the batch axis");
        }
        shortForm.getAsJsonArray("input").forEach(shape::add);
        input.addProperty("class_name", "InputLayer");
        input.add("config", config("batch_input_shape", shape));
        layers.add(input);
        JsonArray given = shortForm.getAsJsonArray("layers");
        for (int i = 0; i < given.size(); i++) {
            JsonElement l = given.get(i);
            if (!l.isJsonObject() || l.getAsJsonObject().size() != 1) {
                throw sheet.json().wrong(where + ".layers[" + i + "]", "Each layer of the short form is {\"Type\": {config}}.",
                        "{\"Conv2D\": {\"filters\": 6, \"kernel_size\": 5}}", l.toString(), "write one layer per object");
            }
            Map.Entry<String, JsonElement> only = l.getAsJsonObject().entrySet().iterator().next();
            JsonObject layer = new JsonObject();
            layer.addProperty("class_name", only.getKey());
            layer.add("config", only.getValue().isJsonObject() ? only.getValue() : new JsonObject());
            layers.add(layer);
        }
        JsonObject model = new JsonObject();
        model.addProperty("class_name", "Sequential");
        model.add("config", config("layers", layers));
        return model;
    }

    private static JsonObject config(String key, JsonElement value) {
        JsonObject c = new JsonObject();
        c.add(key, value);
        return c;
    }
}
