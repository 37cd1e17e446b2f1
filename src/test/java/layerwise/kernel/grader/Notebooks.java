package layerwise.kernel.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/** Writes small notebooks for grading tests: one code cell per string. */
public final class Notebooks {
    private Notebooks() {}

    public static Path write(Path dir, String name, String... codeCells) throws IOException {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String source : codeCells) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("metadata", Map.of());
            cell.put("outputs", List.of());
            cell.put("source", source);
            cells.add(cell);
        }
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("cells", cells);
        nb.put("metadata", Map.of("kernelspec", Map.of("name", "layerwise", "language", "java", "display_name", "Java (Layerwise)")));
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        Path file = dir.resolve(name);
        Files.writeString(file, new GsonBuilder().create().toJson(nb), StandardCharsets.UTF_8);
        return file;
    }
}
