package layerwise.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * Writes a sheet as a Jupyter notebook for the Layerwise kernel: one cell shows a question with the
 * student's numbers, the next checks the answer. The student version leaves the answers empty; the
 * teacher version fills them in. No expected answer is written into the student version: the
 * questions are computed when the notebook runs.
 */
public final class SheetNotebook {
    private SheetNotebook() {}

    /** Introductions shown before the first exercise of each topic, keyed by the id prefix. */
    private static final Map<String, String> TOPICS = Map.of(
            "000", "## Conv2D, then Dense: the missing Flatten\nA student put `Dense` right after `Conv2D` and training failed with "
                    + "*expected dense_1 to have 4 dimensions*. Dense acts on the last axis only.",
            "001", "## Axis order and 'same' padding\nKeras writes images as (rows, cols, channels), channels last. "
                    + "'same' padding keeps rows and cols by adding zeros at the edges.",
            "002", "## Dense on inputs with more than one axis\nThe same `Dense(4)` has very different parameter counts on "
                    + "`(784,)` and on `(784, 1)`. Why?",
            "003", "## Reading model.summary(): where its Output Shape and Param # come from\nThree Conv2D/MaxPooling2D blocks, Flatten, Dense.",
            "strided", "## Strides\nA stride S moves the window S positions at a time; sizes are rounded down.",
            "none", "## The batch axis");

    /**
     * The notebook as nbformat 4 JSON. {@code studentId} is written into the first cell ("" leaves a
     * placeholder for the student); {@code answers} fills in answers for the teacher's version (the
     * model answers, plus any given here for teacher-written questions), or null for the student version.
     */
    public static String write(Exercises sheet, String studentId, Map<String, String> answers) {
        return write(sheet.sheetFile(), studentId, answers != null, answers == null ? Map.of() : answers);
    }

    /**
     * The student's notebook ({@code teacher} false) or the key for one student ({@code teacher} true:
     * that student's numbers, every answer filled in). A sheet file is written into the first cell,
     * its fixed answers only as salted hashes, so the notebook runs anywhere Layerwise does.
     */
    public static String write(SheetFile file, String studentId, boolean teacher, Map<String, String> answers) {
        String id = studentId == null ? "" : studentId.trim();
        Exercises sheet = file.exercises(teacher ? id : "");
        Map<String, String> known = new LinkedHashMap<>(file.fixedAnswers());
        known.putAll(answers);
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(markdown("# " + file.title() + (teacher ? " (key" + (id.isEmpty() ? "" : " for " + id) + ")" : "") + "\n"
                + "Run the first cell with your student id: the numbers in the questions are your own. "
                + "Run a question's cell to see it; write your answer between the quotes and run it again to check it. "
                + "You may check as often as you like: the last answer counts. `sheet.hint(\"ID\")` gives a hint. "
                + "Shapes may be written `(None, 26, 26, 32)`, `26x26x32` or `[26, 26, 32]`; counts `1,234,567` or `1234567`."));
        String shown = id.isEmpty() ? (teacher ? "" : "YOUR-STUDENT-ID") : id;
        cells.add(code(open(file, shown) + "\nsheet"));
        String topic = "";
        for (Exercise e : sheet) {
            String prefix = e.id().contains("-") ? e.id().substring(0, e.id().indexOf('-')) : e.id();
            if (!prefix.equals(topic) && TOPICS.containsKey(prefix) && Exercises.sheets().contains(file.name())) cells.add(markdown(TOPICS.get(prefix)));
            topic = prefix;
            // One cell per question: a blank answer shows the question; each cell costs one compile in the grader.
            String answer = !teacher ? "" : known.getOrDefault(e.id(), e.modelAnswer());
            cells.add(code("sheet.check(\"" + e.id() + "\", \"" + answer.replace("\\", "\\\\").replace("\"", "\\\"") + "\")"));
        }
        return json(cells);
    }

    /** The first cell's code: a built-in sheet by name, any other sheet written in as JSON (a text block). */
    private static String open(SheetFile file, String id) {
        String who = id.isEmpty() ? "" : ", \"" + id + "\"";
        if (Exercises.sheets().contains(file.name())) return "var sheet = Exercises.sheet(\"" + file.name() + "\"" + (who.isEmpty() ? "" : who) + ");";
        String json = file.forStudents().replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
        return "var sheet = Exercises.fromJson(\"\"\"\n" + json + "\n\"\"\"" + (who.isEmpty() ? ", \"\"" : who) + ");";
    }

    private static String json(List<Map<String, Object>> cells) {
        Map<String, Object> kernelspec = new LinkedHashMap<>();
        kernelspec.put("display_name", "Java (Layerwise)");
        kernelspec.put("language", "java");
        kernelspec.put("name", "layerwise");
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", "java");
        language.put("file_extension", ".jshell");
        language.put("mimetype", "text/x-java-source");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("kernelspec", kernelspec);
        metadata.put("language_info", language);
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("cells", cells);
        nb.put("metadata", metadata);
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(nb) + "\n";
    }

    private static Map<String, Object> markdown(String text) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "markdown");
        cell.put("id", cellId(text));
        cell.put("metadata", Map.of());
        cell.put("source", lines(text));
        return cell;
    }

    private static Map<String, Object> code(String text) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "code");
        cell.put("execution_count", null);
        cell.put("id", cellId(text));
        cell.put("metadata", Map.of());
        cell.put("outputs", List.of());
        cell.put("source", lines(text));
        return cell;
    }

    /** nbformat 4.5 wants a cell id; derived from the text so that writing the notebook again gives the same file. */
    private static String cellId(String text) {
        return String.format("%08x", text.hashCode());
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) out.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
        return out;
    }
}
