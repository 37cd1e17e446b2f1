package layerwise.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import layerwise.error.ConfigException;
import layerwise.error.Problem;

/**
 * A teacher's exercise sheet written as JSON, no Java needed:
 * <pre>
 * {"name": "lenet", "title": "LeNet-5, layer by layer", "model": { Keras JSON } or "lenet.json",
 *  "variants": true,
 *  "questions": [{"id": "conv2-shape", "ask": "output_shape", "layer": "conv2d_1", "points": 3}, …]}
 * </pre>
 * Several models go under {@code "models": {"key": …}} with {@code "model": "key"} in a question. A
 * model is Keras JSON, a file beside the sheet, or {@code {"input": [28, 28, 1], "layers": [{"Conv2D":
 * {"filters": 6, "kernel_size": 5}}, …]}}. {@code "choices": {"size": [28, 32, 36]}} lets any number
 * be written {@code "$size"} and any text hold {@code {size}}: the first value is the teacher's, each
 * student draws one of the others (in a numbered class, s07 and s08 never draw the same) ({@code "$size*2"} doubles it). {@code "variants": true} varies a
 * chain model's sizes by itself.
 */
public final class SheetFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern NUMBER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(?:\\*(\\d+))?");
    private static final Pattern TEXT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> FIELDS = Set.of("name", "title", "model", "models", "variants", "choices", "reveal_after",
            "questions", "intro");

    private final SheetJson json;
    private final JsonObject root;
    private final String name;

    private SheetFile(SheetJson json, Path dir) {
        this.json = json;
        if (!json.root().isJsonObject()) {
            throw json.wrong("$", "A sheet file is one JSON object.", "{\"name\": …, \"model\": …, \"questions\": [ … ]}",
                    json.root().toString().length() > 40 ? json.root().toString().substring(0, 40) + "…" : json.root().toString(),
                    "wrap the sheet in { }");
        }
        this.root = json.root().getAsJsonObject().deepCopy();
        for (String field : root.keySet()) {
            if (!FIELDS.contains(field)) {
                throw json.wrong("$." + field, "Unknown field '" + field + "' in the sheet.", "one of " + new java.util.TreeSet<>(FIELDS),
                        "'" + field + "'", "check the spelling; questions go inside \"questions\": [ … ]");
            }
        }
        this.name = text("$.name", root.get("name"), true);
        if (!NAME.matcher(name).matches()) {
            throw json.wrong("$.name", "The sheet's name must be a plain word.", "letters, digits, '-', '_' or '.', such as \"lenet\"",
                    "\"" + name + "\"", "choose a short name such as \"lenet\"; it seeds every student's numbers");
        }
        SheetModels.inline(this, root, dir);
        exercises("");   // every question is checked once, on the teacher's numbers, when the file is read
    }

    /** Reads a sheet file; a model given as a file name is read from beside it. */
    public static SheetFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Problem.at(file.toString()).headline("Cannot read the sheet file " + file + ".")
                    .expected("a readable JSON file").got(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .fix("check the path, or name a built-in sheet: " + Exercises.sheets()), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new SheetFile(SheetJson.parse(file.getFileName().toString(), text), dir);
    }

    /** A sheet from its JSON text (as written into a student's notebook). */
    public static SheetFile parse(String jsonText) { return new SheetFile(SheetJson.parse("the sheet", jsonText), null); }

    /** A built-in sheet, stored as a resource of the library. */
    static SheetFile resource(String sheetName) {
        try (InputStream in = SheetFile.class.getResourceAsStream("/layerwise/exercise/sheets/" + sheetName + ".json")) {
            if (in == null) return null;
            return new SheetFile(SheetJson.parse(sheetName + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in sheet " + sheetName + " cannot be read from the jar", e);
        }
    }

    public String name() { return name; }

    public String title() { return root.has("title") ? root.get("title").getAsString() : name; }

    /** The questions on the teacher's numbers. */
    public Exercises exercises() { return exercises(""); }

    /** The questions on this student's numbers; the same id always gives the same numbers. */
    public Exercises exercises(String studentId) {
        String id = studentId == null ? "" : studentId.trim();
        JsonObject mine = substituted(id);
        SheetModels models = new SheetModels(this, mine, id);
        List<Exercise> list = new ArrayList<>();
        JsonElement qs = mine.get("questions");
        if (qs == null || !qs.isJsonArray() || qs.getAsJsonArray().isEmpty()) {
            throw json.wrong("$", "The sheet has no questions.", "\"questions\": [ {\"id\": …, \"ask\": …}, … ]",
                    qs == null ? "no \"questions\"" : qs.toString(), "add a list of questions");
        }
        for (int i = 0; i < qs.getAsJsonArray().size(); i++) {
            list.add(SheetQuestions.make(this, "$.questions[" + i + "]", qs.getAsJsonArray().get(i), models));
        }
        Exercises set = new Exercises(name, id, list, this::exercises).from(this);
        if (root.has("reveal_after")) set.revealFormulaAfter(root.get("reveal_after").getAsInt());
        return set;
    }

    /** The sheet as read, with model files written in, so that it stands on its own. */
    public String toJson() { return pretty(root); }

    /**
     * The sheet for the students' notebooks: the same, except that each fixed answer is replaced by
     * salted hashes of its accepted wordings.
     */
    public String forStudents() {
        JsonObject copy = root.deepCopy();
        for (JsonElement q : copy.getAsJsonArray("questions")) {
            JsonObject o = q.getAsJsonObject();
            if (!o.has("answers")) continue;
            JsonArray hashes = new JsonArray();
            for (JsonElement a : o.getAsJsonArray("answers")) hashes.add(FixedExercise.hash(a.getAsString()));
            o.remove("answers");
            o.add("hashes", hashes);
        }
        return new GsonBuilder().disableHtmlEscaping().create().toJson(copy);
    }

    /** The teacher's answers to the fixed questions, by id, for the key notebook. */
    Map<String, String> fixedAnswers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonElement q : root.getAsJsonArray("questions")) {
            JsonObject o = q.getAsJsonObject();
            if (o.has("answers") && o.has("id") && !o.getAsJsonArray("answers").isEmpty()) {
                out.put(o.get("id").getAsString(), o.getAsJsonArray("answers").get(0).getAsString());
            }
        }
        return out;
    }

    SheetJson json() { return json; }

    String text(String path, JsonElement e, boolean required) {
        if (e == null || e.isJsonNull()) {
            if (!required) return "";
            throw json.wrong(path, "The field " + path.substring(path.lastIndexOf('.') + 1) + " is missing.", "a text in quotes", "nothing",
                    "add \"" + path.substring(path.lastIndexOf('.') + 1) + "\": \"…\"");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw json.wrong(path, "The field " + path.substring(path.lastIndexOf('.') + 1) + " must be text.", "a text in quotes",
                    e.toString(), "put the value in double quotes");
        }
        return e.getAsString();
    }

    /** The sheet with this student's choices written in for every "$name" and "{name}". */
    private JsonObject substituted(String studentId) {
        Map<String, JsonPrimitive> picked = new LinkedHashMap<>();
        JsonElement choices = root.get("choices");
        if (choices == null) return root;
        if (!choices.isJsonObject()) {
            throw json.wrong("$.choices", "\"choices\" must be an object of lists.", "{\"size\": [28, 32, 36]}", choices.toString(),
                    "give each choice a name and a list of values, the teacher's first");
        }
        for (Map.Entry<String, JsonElement> c : choices.getAsJsonObject().entrySet()) {
            if (!c.getValue().isJsonArray() || c.getValue().getAsJsonArray().isEmpty()) {
                throw json.wrong("$.choices." + c.getKey(), "Each choice is a list of values.", "[28, 32, 36] (the teacher's value first)",
                        c.getValue().toString(), "write the values in [ ]");
            }
            JsonArray options = c.getValue().getAsJsonArray();
            int pick = Seeding.choice(name, c.getKey(), studentId, options.size());
            picked.put(c.getKey(), options.get(pick).getAsJsonPrimitive());
        }
        JsonObject out = root.deepCopy();
        out.remove("choices");
        return replace(out, picked, "$").getAsJsonObject();
    }

    private JsonElement replace(JsonElement e, Map<String, JsonPrimitive> picked, String path) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) o.add(m.getKey(), replace(m.getValue(), picked, path + "." + m.getKey()));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            for (int i = 0; i < e.getAsJsonArray().size(); i++) a.add(replace(e.getAsJsonArray().get(i), picked, path + "[" + i + "]"));
            return a;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) return e;
        String s = e.getAsString();
        Matcher whole = NUMBER.matcher(s);
        if (whole.matches()) {
            JsonPrimitive v = choice(picked, whole.group(1), path);
            return whole.group(2) == null ? v : new JsonPrimitive(v.getAsLong() * Long.parseLong(whole.group(2)));
        }
        Matcher m = TEXT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(picked.containsKey(m.group(1))
                ? picked.get(m.group(1)).getAsString() : m.group()));
        m.appendTail(out);
        return new JsonPrimitive(out.toString());
    }

    private JsonPrimitive choice(Map<String, JsonPrimitive> picked, String key, String path) {
        if (picked.containsKey(key)) return picked.get(key);
        throw json.wrong(path, "No choice named '" + key + "'.", "one of " + picked.keySet(), "\"$" + key + "\"",
                "add \"" + key + "\": [teacher's value, other values…] to \"choices\"");
    }

    static String pretty(JsonElement e) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(e) + "\n";
    }
}
