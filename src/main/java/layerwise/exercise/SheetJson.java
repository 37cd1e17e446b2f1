package layerwise.exercise;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;

import layerwise.error.ConfigException;
import layerwise.error.Problem;

/**
 * A sheet file's JSON with the line of every value, so that a mistake in a teacher's file is
 * reported as "lenet.json, line 7, questions[2].ask" with what is allowed there.
 */
final class SheetJson {
    private static final Pattern LINE = Pattern.compile(" at line (\\d+) column (\\d+)");
    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();
    private final JsonElement root;

    private SheetJson(String source, String text) {
        this.source = source;
        JsonReader reader = new JsonReader(new StringReader(text));
        try {
            root = value(reader);
            if (reader.hasNext() || reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) throw new IOException("text after the sheet's closing }");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher m = LINE.matcher(msg);
            String where = m.find() ? source + ", line " + m.group(1) + ", column " + m.group(2) : source + ", line " + line(reader);
            throw new ConfigException(Problem.at(where).headline("The sheet file is not valid JSON.")
                    .expected("one JSON object {\"name\": …, \"model\": …, \"questions\": [ … ]}")
                    .got(msg.replaceAll(" at line \\d+ column \\d+ path \\S+", "").replaceAll("\\s*See https://\\S+", ""))
                    .fix("check the quotes, commas and brackets near that line (a JSON checker such as python3 -m json.tool points at it)"), e);
        }
    }

    static SheetJson parse(String source, String text) { return new SheetJson(source, text); }

    JsonElement root() { return root; }

    String source() { return source; }

    /** "lenet.json, line 7, questions[2].ask": where a value is, for error messages. */
    String where(String path) {
        Integer line = lines.get(path);
        String field = path.startsWith("$.") ? path.substring(2) : path;
        return source + (line == null ? "" : ", line " + line) + (field.equals("$") ? "" : ", " + field);
    }

    /** An explained error about the value at {@code path}. */
    ConfigException wrong(String path, String headline, String allowed, String got, String fix) {
        return new ConfigException(Problem.at(where(path)).headline(headline).expected(allowed).got(got).fix(fix));
    }

    private JsonElement value(JsonReader r) throws IOException {
        lines.put(r.getPath(), line(r));
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    o.add(name, value(r));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                r.beginArray();
                while (r.hasNext()) a.add(value(r));
                r.endArray();
                return a;
            }
            case STRING -> { return new JsonPrimitive(r.nextString()); }
            case NUMBER -> { return new JsonPrimitive(new java.math.BigDecimal(r.nextString())); }
            case BOOLEAN -> { return new JsonPrimitive(r.nextBoolean()); }
            case NULL -> {
                r.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IOException("unexpected " + r.peek() + r);
        }
    }

    /** Gson tells the reader's position only in its description ("JsonReader at line 7 column 12 path …"). */
    private static int line(JsonReader r) {
        Matcher m = LINE.matcher(r.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
