package layerwise.kernel.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The code cells of a Jupyter notebook (nbformat 4), as the text of each cell. */
record Notebook(List<String> codeCells) {

    /** Reads the code cells; a file that is not a notebook is reported as an IOException with the reason. */
    static Notebook read(Path file) throws IOException {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject() || !e.getAsJsonObject().has("cells")) throw new IOException("not a Jupyter notebook (no \"cells\")");
            root = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException bad) {
            throw new IOException("not a Jupyter notebook (" + bad.getClass().getSimpleName() + ")");
        }
        List<String> cells = new ArrayList<>();
        for (JsonElement c : root.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "")) continue;
            cells.add(source(cell.get("source")));
        }
        return new Notebook(cells);
    }

    /** nbformat stores a cell's source as one string or as a list of lines. */
    private static String source(JsonElement s) {
        if (s == null || s.isJsonNull()) return "";
        if (s.isJsonPrimitive()) return s.getAsString();
        StringBuilder out = new StringBuilder();
        for (JsonElement line : (JsonArray) s) out.append(line.getAsString());
        return out.toString();
    }
}
