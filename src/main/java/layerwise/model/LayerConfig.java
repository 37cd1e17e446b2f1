package layerwise.model;

import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import layerwise.error.ConfigException;
import layerwise.error.Problem;
import layerwise.ndarray.Shape;

/**
 * One layer's "config" object from a Keras model file, read with checks: a missing or mistyped
 * setting fails with the layer's name, the setting, what was expected and what the file holds.
 * Sizes may be written as a number (3) or as a list ([3, 3]), as Keras accepts both.
 */
public final class LayerConfig {
    private final String className, name, path;
    private final JsonObject config;

    LayerConfig(String className, String name, JsonObject config, String path) {
        this.className = className;
        this.name = name;
        this.config = config;
        this.path = path;
    }

    public String className() { return className; }

    /** The same layer's config with these settings instead, at the same place in the file. */
    LayerConfig withSettings(JsonObject settings) { return new LayerConfig(className, name, settings, path); }
    public String name() { return name; }

    /** "conv2d_1 (Conv2D)", as the layer is named in errors and summaries. */
    public String label() { return name + " (" + className + ")"; }

    /** "conv2d_1 (Conv2D) at $.config.layers[3]": the layer and where the file holds it, for errors. */
    public String where() { return label() + " at " + path; }

    /** True when the setting is present and not null. */
    public boolean has(String key) { return config.has(key) && !config.get(key).isJsonNull(); }

    public JsonElement raw(String key) { return config.get(key); }

    /** The whole config object, for a nested model whose config is a model's. */
    JsonObject json() { return config; }

    /** A required whole number, such as units or filters. */
    public int integer(String key) {
        if (!has(key)) throw missing(key, "a whole number");
        return toInt(key, config.get(key));
    }

    public int integer(String key, int fallback) { return has(key) ? integer(key) : fallback; }

    /** A required size per axis: 3 or [3, 3]. */
    public int[] ints(String key) {
        if (!has(key)) throw missing(key, "a number or a list of numbers");
        JsonElement e = config.get(key);
        if (!e.isJsonArray()) return new int[] {toInt(key, e)};
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = toInt(key, a.get(i));
        return out;
    }

    /** A size per axis with a default for when the file leaves it out or writes null. */
    public int[] ints(String key, int... fallback) { return has(key) ? ints(key) : fallback; }

    public String string(String key, String fallback) {
        if (!has(key)) return fallback;
        JsonElement e = config.get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        throw wrong(key, "a text value in quotes", e.toString());
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        JsonElement e = config.get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        throw wrong(key, "true or false", e.toString());
    }

    public double number(String key, double fallback) {
        if (!has(key)) return fallback;
        JsonElement e = config.get(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) return e.getAsDouble();
        throw wrong(key, "a number", e.toString());
    }

    /** The activation by name; Keras 3 may wrap a built-in one as {"class_name": "function", "config": "relu"}. */
    public String activation() {
        JsonElement e = config.get("activation");
        if (e != null && e.isJsonObject()) {
            JsonElement inner = e.getAsJsonObject().get("config");
            if (inner != null && inner.isJsonPrimitive()) return inner.getAsString();
            throw wrong("activation", "the name of a built-in activation, such as \"relu\"", e.toString());
        }
        return string("activation", "linear");
    }

    /** The nested config of a wrapper layer's inner layer (Bidirectional's "layer"). */
    public JsonObject object(String key) {
        if (!has(key) || !config.get(key).isJsonObject()) throw missing(key, "an object {\"class_name\": …, \"config\": {…}}");
        return config.getAsJsonObject(key);
    }

    /** The config of a layer written inside this one, as Bidirectional's {"layer": {"class_name": …, "config": {…}}}. */
    LayerConfig inner(String key) {
        JsonObject o = object(key);
        JsonElement cls = o.get("class_name"), cfg = o.get("config");
        if (cls == null || !cls.isJsonPrimitive() || cfg == null || !cfg.isJsonObject()) {
            throw wrong(key, "{\"class_name\": …, \"config\": {…}}", o.toString());
        }
        JsonObject config = cfg.getAsJsonObject();
        String innerName = config.has("name") && config.get("name").isJsonPrimitive() ? config.get("name").getAsString() : name + "_" + key;
        return new LayerConfig(cls.getAsString(), innerName, config, path + ".config." + key);
    }

    /** The input shape without the batch axis, from batch_input_shape (tf.keras 2) or batch_shape (Keras 3); null if absent. */
    Shape batchShape() {
        String key = has("batch_input_shape") ? "batch_input_shape" : has("batch_shape") ? "batch_shape" : null;
        return key == null ? null : shape(key);
    }

    /** A shape written with its batch axis first, [null, 28, 28, 1], without the batch axis. */
    Shape shape(String key) {
        JsonElement e = config.get(key);
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) throw wrong(key, "a list such as [null, 28, 28, 1]", e.toString());
        JsonArray a = e.getAsJsonArray();
        long[] dims = new long[a.size() - 1];
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i).isJsonNull()) {
                dims[i - 1] = Shape.NONE;
                continue;
            }
            dims[i - 1] = toInt(key, a.get(i));
            if (dims[i - 1] <= 0) throw wrong(key, "sizes of 1 or more (or null for unknown)", e.toString());
        }
        return Shape.of(dims);
    }

    private int toInt(String key, JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) return (int) d;
            throw wrong(key, "a whole number of at most " + String.format("%,d", Integer.MAX_VALUE), e.toString());
        }
        throw wrong(key, "a whole number", e.toString());
    }

    ConfigException missing(String key, String expected) {
        return new ConfigException(Problem.at(where())
                .headline("Layer " + name + " (" + className + ") in the model file has no `" + key + "` in its config.")
                .expected("\"" + key + "\": " + expected)
                .got("a config with the keys " + Arrays.toString(config.keySet().toArray()))
                .fix("add \"" + key + "\" to the layer's config, or save the model again with model.to_json()"));
    }

    /**
     * Fails when the file asks for a behaviour Layerwise does not have, such as an RNN's return_state:
     * loading it anyway would give a model that silently computes something else.
     */
    void rejectUnless(String key, boolean supported, String got, String fix) {
        if (supported) return;
        throw new ConfigException(Problem.at(where())
                .headline("Layer " + name + " (" + className + ") uses `" + key + "`=" + got + ", which Layerwise does not support.")
                .expected("\"" + key + "\" left at its default")
                .got("\"" + key + "\": " + got)
                .why("Layerwise would read the layer but compute it differently from Keras")
                .fix(fix));
    }

    ConfigException wrong(String key, String expected, String got) {
        return new ConfigException(Problem.at(where())
                .headline("Could not read `" + key + "` of layer " + name + " (" + className + "): expected " + expected + ", got " + got + ".")
                .expected("\"" + key + "\": " + expected)
                .got("\"" + key + "\": " + got)
                .fix("correct the value in the file, or save the model again with model.to_json()"));
    }
}
