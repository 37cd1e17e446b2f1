package layerwise.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.error.ConfigException;
import layerwise.explain.Derivation;
import layerwise.model.Model;

/**
 * Writes a sheet file from Java, in a notebook: the same questions a teacher would type in JSON.
 * <pre>
 * new SheetBuilder("lenet").title("LeNet-5, layer by layer").model(model).variants(true)
 *     .outputShape("conv2-shape", "conv2d_1", 3).params("dense-params", "dense", 2).totalParams("total", 1)
 *     .fixed("none", "What does None stand for in (None, 28, 28, 6)?", 1, "batch size", "number of samples")
 *     .write(Path.of("lenet.json"));
 * </pre>
 * Points of 0 leave the question its natural points (one per axis or term).
 */
public final class SheetBuilder {
    private final JsonObject root = new JsonObject();
    private final JsonArray questions = new JsonArray();

    public SheetBuilder(String name) {
        root.addProperty("name", name);
    }

    /** The questions {@code Exercises.from(model)} asks: every layer's output shape, parameters, Flatten length and 'same' zeros. */
    public static SheetBuilder about(Model model) {
        SheetBuilder b = new SheetBuilder(model.name()).title("Shapes and parameters of " + model.name()).model(model)
                .variants(isChain(model));
        for (Derivation d : model.derivations()) {
            String l = d.layerName();
            b.outputShape(l + "-shape", l, 0);
            if (d.trainableParams() > 0) b.params(l + "-params", l, 0);
            if (d.layerType().equals("Flatten")) b.flatSize(l + "-size", l, 0);
            if (d.lines().stream().anyMatch(line -> line.lhs().equals("P_total"))) b.padding(l + "-padding", l, 0);
        }
        return b;
    }

    public SheetBuilder title(String title) { return set("title", title); }

    /** The model every question is about (its Keras JSON is written into the sheet). */
    public SheetBuilder model(Model model) {
        root.add("model", JsonParser.parseString(model.toJson()));
        return this;
    }

    /** One of several models; a question names it with {@link #onModel}. */
    public SheetBuilder model(String key, Model model) {
        if (!root.has("models")) root.add("models", new JsonObject());
        root.getAsJsonObject("models").add(key, JsonParser.parseString(model.toJson()));
        return this;
    }

    /** Each student gets other input sizes, filters and units (chain models only). */
    public SheetBuilder variants(boolean vary) {
        root.addProperty("variants", vary);
        return this;
    }

    /** Shows the worked formula only after this many wrong tries. */
    public SheetBuilder revealFormulaAfter(int wrongTries) {
        root.addProperty("reveal_after", wrongTries);
        return this;
    }

    /** Any kind of question about a layer: output_shape, params, receptive_field, padding, same_or_valid, macs, activation_memory, flat_size. */
    public SheetBuilder ask(String id, String kind, String layer, double points) {
        JsonObject q = new JsonObject();
        q.addProperty("id", id);
        q.addProperty("ask", kind);
        if (layer != null) q.addProperty(kind.equals("missing_layer") ? "remove" : "layer", layer);
        if (points > 0) q.addProperty("points", points);
        questions.add(q);
        return this;
    }

    public SheetBuilder outputShape(String id, String layer, double points) { return ask(id, "output_shape", layer, points); }
    public SheetBuilder params(String id, String layer, double points) { return ask(id, "params", layer, points); }
    public SheetBuilder totalParams(String id, double points) { return ask(id, "total_params", null, points); }
    public SheetBuilder receptiveField(String id, String layer, double points) { return ask(id, "receptive_field", layer, points); }
    public SheetBuilder missingLayer(String id, String removedLayer, double points) { return ask(id, "missing_layer", removedLayer, points); }
    public SheetBuilder padding(String id, String layer, double points) { return ask(id, "padding", layer, points); }
    public SheetBuilder sameOrValid(String id, String layer, double points) { return ask(id, "same_or_valid", layer, points); }
    public SheetBuilder macs(String id, String layer, double points) { return ask(id, "macs", layer, points); }
    public SheetBuilder activationMemory(String id, String layer, double points) { return ask(id, "activation_memory", layer, points); }
    public SheetBuilder flatSize(String id, String layer, double points) { return ask(id, "flat_size", layer, points); }

    /** A question with a written answer; the students' notebooks hold only salted hashes of the accepted wordings. */
    public SheetBuilder fixed(String id, String prompt, double points, String... accepted) {
        ask(id, "fixed", null, points);
        JsonObject q = last();
        q.addProperty("prompt", prompt);
        JsonArray answers = new JsonArray();
        for (String a : accepted) answers.add(a);
        q.add("answers", answers);
        return this;
    }

    /** The last question asked, in the teacher's own words. */
    public SheetBuilder prompt(String text) {
        last().addProperty("prompt", text);
        return this;
    }

    /** The last question is about the model added under this key. */
    public SheetBuilder onModel(String key) {
        last().addProperty("model", key);
        return this;
    }

    /** The sheet, checked as a sheet file is: an unknown layer or an impossible question fails here, explained. */
    public SheetFile build() {
        return SheetFile.parse(toJson());
    }

    public String toJson() {
        JsonObject copy = root.deepCopy();
        copy.add("questions", questions.deepCopy());
        return SheetFile.pretty(copy);
    }

    /** Writes the sheet file, after checking it. */
    public SheetFile write(Path file) {
        SheetFile sheet = build();
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sheet file " + file, e);
        }
        return sheet;
    }

    private static boolean isChain(Model model) {
        try {
            ModelSpec.of(model);
            return true;
        } catch (ConfigException notAChain) {
            return false;
        }
    }

    private SheetBuilder set(String key, String value) {
        root.addProperty(key, value);
        return this;
    }

    private JsonObject last() {
        if (questions.isEmpty()) throw new IllegalStateException("add a question before prompt(…) or onModel(…)");
        return questions.get(questions.size() - 1).getAsJsonObject();
    }
}
