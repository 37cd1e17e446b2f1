package layerwise.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The exercise notebooks: generated from the sheet, committed in notebooks/exercises/. */
@Tag("exercises")
class SheetNotebookTest {
    private static final Path STUDENT = Path.of("notebooks", "exercises", "seeds-student.ipynb");
    private static final Path TEACHER = Path.of("notebooks", "exercises", "seeds-teacher.ipynb");

    @Test
    void notebookUsesTheLayerwiseKernel() {
        JsonObject nb = JsonParser.parseString(SheetNotebook.write(Exercises.sheet("seeds"), "", null)).getAsJsonObject();
        JsonObject spec = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        assertEquals("layerwise", spec.get("name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
    }

    @Test
    void studentVersionHoldsNoExpectedAnswer() {
        String nb = SheetNotebook.write(Exercises.sheet("seeds"), "", null);
        for (String answer : new String[] {"148, 148, 16", "448", "3,140", "2,172", "9,470,464", "18,496", "Flatten after", "batch size"}) {
            assertFalse(nb.contains(answer), answer);
        }
    }

    @Test
    void teacherVersionFillsInEveryAnswer() {
        String nb = SheetNotebook.write(Exercises.sheet("seeds"), "", Map.of("none-meaning", "the batch size"));
        assertTrue(nb.contains("sheet.check(\\\"003-conv-shape\\\", \\\"(None, 148, 148, 16)\\\")"), nb);
        assertTrue(nb.contains("sheet.check(\\\"000-missing-layer\\\", \\\"Flatten after conv2d\\\")"));
        assertFalse(nb.contains(", \\\"\\\")"));
    }

    @Test
    void committedNotebooksMatchTheirCodeCellsAsGenerated() throws IOException {
        // Outputs may differ (they are written by Jupyter); the cells must be what the generator writes.
        assertEquals(cells(SheetNotebook.write(Exercises.sheet("seeds"), "", null)), cells(Files.readString(STUDENT, StandardCharsets.UTF_8)));
        assertEquals(cells(SheetNotebook.write(Exercises.sheet("seeds"), "", Map.of("none-meaning", "the batch size"))),
                cells(Files.readString(TEACHER, StandardCharsets.UTF_8)));
    }

    private static String cells(String notebook) {
        StringBuilder out = new StringBuilder();
        for (var c : JsonParser.parseString(notebook).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            out.append(cell.get("cell_type").getAsString()).append(": ");
            cell.getAsJsonArray("source").forEach(line -> out.append(line.getAsString()));
            out.append("\n---\n");
        }
        return out.toString();
    }
}
