package layerwise.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import layerwise.error.ConfigException;
import layerwise.error.Problem;

/**
 * Keras model files in and out: reads what {@code model.to_json()} writes in tf.keras 2 and Keras 3
 * (also a {@code .keras} file, whose config.json holds the same), and writes the tf.keras 2 form.
 * <pre>
 *   Model m = KerasJson.read(Path.of("model.json"));
 *   String json = KerasJson.write(m);     // the same as m.toJson()
 * </pre>
 * A file that is not valid JSON fails with the line and column, the line itself, and a caret.
 */
public final class KerasJson {
    private static final Pattern WHERE = Pattern.compile("(.*?) at line (\\d+) column (\\d+) path (\\S+)", Pattern.DOTALL);

    private KerasJson() {}

    /** A model from JSON text. Throws an explained error for malformed JSON, unknown layers, impossible shapes. */
    public static Model read(String json) {
        return build(parse(json, "the model JSON"), "the model JSON");
    }

    /** A model from JSON text read from {@code source} (a file name, for errors). */
    static Model read(String json, String source) {
        return build(parse(json, source), source);
    }

    /** A model from a .json file, or from a .keras file (a zip holding config.json). */
    public static Model read(Path file) {
        String source = file.getFileName().toString();
        return build(parse(text(file), source), source);
    }

    /**
     * The model, or an explained error. The reader checks what Keras writes; a hand-edited file can still
     * put, say, a list where a number belongs in a place it does not check, and that must not end in a
     * stack trace either.
     */
    private static Model build(JsonElement root, String source) {
        try {
            return KerasReader.read(root);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException
                 | ClassCastException | IndexOutOfBoundsException e) {
            throw new ConfigException(Problem.at(source)
                    .headline("Could not read the model: a value in the file is not of the kind Keras writes there (" + e.getMessage() + ").")
                    .expected("the structure model.to_json() writes: lists where Keras writes lists, numbers where it writes numbers")
                    .got(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .fix("save the model again with open('model.json', 'w').write(model.to_json()) rather than editing it by hand"), e);
        }
    }

    /** The tf.keras 2 JSON of a model, which Keras's model_from_json reads back. */
    public static String write(Model model) { return KerasWriter.write(model); }

    public static void write(Model model, Path file) {
        try {
            Files.writeString(file, write(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotOpen(file, e);
        }
    }

    private static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
            return zip ? configOfKerasArchive(file) : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotOpen(file, e);
        }
    }

    /** Keras 3's .keras file is a zip of config.json, metadata.json and the weights. */
    private static String configOfKerasArchive(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("config.json");
            if (entry == null) {
                throw new ConfigException(Problem.at(file.getFileName().toString())
                        .headline("The archive " + file.getFileName() + " has no config.json, so it is not a .keras model file.")
                        .expected("a zip holding config.json, as model.save('model.keras') writes")
                        .got("a zip with other entries")
                        .fix("save the model with model.save('model.keras'), or write model.to_json() to a .json file"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static JsonElement parse(String json, String source) {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw malformed(json, source, "Unexpected text after the end of the model"
                        + reader.toString().substring("JsonReader".length()));
            }
            return root;
        } catch (IOException | JsonParseException e) {
            throw malformed(json, source, e.getMessage());
        }
    }

    /** Gson's "Unterminated array at line 3 column 5 path $.config" as a lesson: the line, a caret, why, the fix. */
    static ConfigException malformed(String json, String source, String gsonMessage) {
        String message = gsonMessage == null ? "unreadable" : gsonMessage.split("\nSee ")[0].split("\nUse JsonReader")[0];
        Matcher m = WHERE.matcher(message);
        String reason = m.matches() ? m.group(1) : message;
        int line = m.matches() ? Integer.parseInt(m.group(2)) : 0, column = m.matches() ? Integer.parseInt(m.group(3)) : 0;
        String path = m.matches() ? m.group(4) : "";
        boolean truncated = reason.startsWith("End of input") || reason.startsWith("Unterminated");
        String[] lines = json.split("\n", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        // Gson counts the column after the character it stopped at; at the end of input there is none.
        int at = truncated ? text.length() : Math.max(0, Math.min(column - 2, text.length()));
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        if (reason.startsWith("Use JsonReader")) reason = "Unexpected " + token(text, at);
        String shown = text.isEmpty() && line <= 1 ? "(an empty file)" : excerpt(text, at);
        String inside = path.length() > 2 ? " (inside " + path + ")" : "";
        String layer = layerAt(json, lines, line, at, path);
        return new ConfigException(Problem.at(source + (line > 0 ? ", line " + line + " column " + column : "") + layer)
                .headline("Could not read the model: the file is not valid JSON. " + reason + " at line " + line
                        + " column " + column + inside + ".")
                .expected(truncated ? "every { and [ to be closed, as in the whole text model.to_json() returns"
                        : "strict JSON: double quotes, no comments, no trailing commas, null/true/false in lower case")
                .got(shown)
                .why(truncated ? "the text ends before the model does, so the file was probably cut off while it was copied or saved"
                        : "JSON is stricter than Python: a printed dict (single quotes, None, True) is not JSON")
                .fix("write the file again with open('model.json', 'w').write(model.to_json()) and copy it whole"));
    }

    private static final Pattern LAYER_INDEX = Pattern.compile("\\$\\.config\\.layers\\[(\\d+)]");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * Which layer the error is in, when the path says: ", layer 3 of config.layers (probably conv2d_2)". The
     * name is the last "name" written before the error, which Keras puts at the start of each layer.
     */
    private static String layerAt(String json, String[] lines, int line, int at, String path) {
        Matcher index = LAYER_INDEX.matcher(path);
        if (!index.lookingAt()) return "";
        int offset = 0;
        for (int i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length() + 1;
        Matcher name = NAME.matcher(json.substring(0, Math.min(json.length(), offset + at)));
        String last = null;
        while (name.find()) last = name.group(1);
        int n = Integer.parseInt(index.group(1)) + 1;
        return ", layer " + n + " of config.layers" + (last == null ? "" : " (probably " + last + ")");
    }

    /** The offending line (cut to 60 characters around the position) and a caret under the position. */
    private static String excerpt(String line, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(line.length(), from + 60);
        String prefix = from > 0 ? "…" : "";
        String text = prefix + line.substring(from, to) + (to < line.length() ? "…" : "");
        return text + "\n" + " ".repeat(prefix.length() + at - from) + "^";
    }

    /** The word or character Gson stopped at, in backquotes: `None`, `'`. */
    private static String token(String line, int at) {
        if (at >= line.length()) return "end of line";
        int end = at;
        while (end < line.length() && Character.isLetterOrDigit(line.charAt(end))) end++;
        return "`" + (end > at ? line.substring(at, end) : line.substring(at, at + 1)) + "`";
    }

    static ConfigException cannotOpen(Path file, IOException e) {
        return new ConfigException(Problem.at(file.toString())
                .headline("Could not open the model file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage())
                .expected("a readable .json or .keras file")
                .got(Files.exists(file) ? "a file that cannot be read" : "no file at that path")
                .fix("check the path (relative paths start from the current directory) and the file's permissions"), e);
    }
}
