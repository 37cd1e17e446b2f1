package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.exercise.Exercises;
import layerwise.exercise.Grading;
import layerwise.kernel.grader.Notebooks;

/** {@code ./layerwise grade}: the flags and output formats of the contract, on small notebooks. */
@Tag("exercises")
class GradeCommandTest {
    private final CommandLine cli = new CommandLine();

    private int run(String... args) { return cli.run(args); }

    /** alice answers two exercises of her own variant right (read from her sheet in the notebook itself). */
    private static Path alice(Path dir) throws IOException {
        return Notebooks.write(dir, "alice.ipynb", "var sheet = Exercises.sheet(\"seeds\", \"alice\");",
                "sheet.check(\"003-flat-size\", \"0\");",
                "sheet.check(\"none-meaning\", \"batch size\");");
    }

    @Test
    void autograderRefusesATimeoutThatIsNotAWholeNumberAsAUsageError(@TempDir Path dir) {
        assertEquals(2, run("autograder", "--sheet", "notebooks/exercises/lenet.json", "--output", dir.resolve("a.zip").toString(),
                "--timeout", "abc"));
        assertTrue(cli.err().startsWith("autograder: --timeout needs a whole number above 0, got 'abc'"),
                cli.err());
    }

    @Test
    void jsonGivesTheContractFieldsForOneNotebook(@TempDir Path dir) throws IOException {
        assertEquals(0, run("grade", alice(dir).toString(), "--student-id", "alice", "--format", "json", "--timeout", "60"));
        JsonObject o = JsonParser.parseString(cli.out()).getAsJsonObject();
        assertEquals("alice", o.get("student_id").getAsString());
        assertTrue(o.get("notebook").getAsString().endsWith("alice.ipynb"));
        assertEquals(1.0, o.get("total").getAsDouble());   // only none-meaning is right
        assertEquals(46.0, o.get("max").getAsDouble());
        JsonArray rows = o.getAsJsonArray("exercises");
        assertEquals(20, rows.size());
        assertEquals(List.of("id", "points", "max", "feedback"), List.copyOf(rows.get(0).getAsJsonObject().keySet()));
    }

    @Test
    void severalNotebooksGiveOneCsvTableAndABrokenOneKeepsItsRow(@TempDir Path dir) throws IOException {
        Path exits = Notebooks.write(dir, "exits.ipynb", "System.exit(1);");
        Path submitted = java.nio.file.Files.createDirectories(dir.resolve("submitted").resolve("alice").resolve("sheet1"));
        assertEquals(0, run("grade", exits.toString(), alice(submitted).toString(), "--format", "csv", "--timeout", "60"));
        List<String> lines = cli.out().lines().toList();
        assertEquals(3, lines.size(), cli.out());
        assertTrue(lines.get(0).startsWith("notebook,student_id,000-conv-shape,"), lines.get(0));
        assertTrue(lines.get(1).contains("exits.ipynb") && lines.get(1).contains("code cell 1 ended the Java process"), lines.get(1));
        assertTrue(lines.get(2).contains("alice.ipynb,alice,"), lines.get(2));
    }

    @Test
    void gradescopeFormatHasATestPerExercise() {
        // Formats are checked on a report made in this JVM; the notebook runs are covered above.
        Grading.Report r = Grading.grade("alice.ipynb", Exercises.sheet("seeds"), Map.of("none-meaning", "batch size"), "");
        JsonObject o = JsonParser.parseString(GradeOutput.render(List.of(r), "gradescope")).getAsJsonObject();
        assertEquals(1.0, o.get("score").getAsDouble());
        JsonObject test = o.getAsJsonArray("tests").get(19).getAsJsonObject();
        assertEquals(List.of("name", "score", "max_score", "status", "output"), List.copyOf(test.keySet()));
        assertEquals("none-meaning", test.get("name").getAsString());
        assertEquals(1.0, test.get("score").getAsDouble());
        assertEquals(1.0, test.get("max_score").getAsDouble());
        assertEquals("Correct", test.get("output").getAsString());
    }

    @Test
    void severalNotebooksGiveAListInJson() {
        Grading.Report a = Grading.grade("a.ipynb", Exercises.sheet("seeds"), Map.of(), "");
        Grading.Report b = Grading.grade("b.ipynb", Exercises.sheet("seeds"), Map.of("003-conv-params", "448"), "");
        JsonArray list = JsonParser.parseString(GradeOutput.render(List.of(a, b), "json")).getAsJsonArray();
        assertEquals(2.0, list.get(1).getAsJsonObject().get("total").getAsDouble());   // 3·3·3·16 + 16 = 448: 2 of 2
    }

    @Test
    void severalNotebooksGiveOneGradescopeResultEachNeverASum() {
        Grading.Report a = Grading.grade("a.ipynb", Exercises.sheet("seeds", "a"), Map.of("none-meaning", "batch size"), "");
        Grading.Report b = Grading.grade("b.ipynb", Exercises.sheet("seeds", "b"), Map.of("none-meaning", "the number of samples"), "");
        JsonArray list = JsonParser.parseString(GradeOutput.render(List.of(a, b), "gradescope")).getAsJsonArray();
        assertEquals(2, list.size());
        assertEquals(1.0, list.get(1).getAsJsonObject().get("score").getAsDouble());
        assertEquals("b", list.get(1).getAsJsonObject().getAsJsonObject("extra_data").get("student_id").getAsString());
    }

    @Test
    void helpExplainsTheFlags() {
        assertEquals(0, run("grade", "--help"));
        assertTrue(cli.out().contains("--roster CSV"), cli.out());
        assertTrue(cli.out().contains("--feedback DIR"), cli.out());
    }

    @Test
    void aMissingNotebookIsAUsageError() {
        assertEquals(2, run("grade", "--sheet", "seeds", "no-such.ipynb"));
        assertTrue(cli.err().startsWith("grade: no notebook 'no-such.ipynb'"));
    }

    @Test
    void anUnknownSheetIsAUsageError(@TempDir Path dir) throws IOException {
        assertEquals(2, run("grade", "--sheet", "lenett", alice(dir).toString()));
        assertTrue(cli.err().startsWith("grade: no sheet file 'lenett'"), cli.err());
    }

    @Test
    void exercisesWithAnUnknownSheetIsAUsageError() {
        assertEquals(2, run("exercises", "--sheet", "nope.json", "--output", "x.ipynb"));
        assertTrue(cli.err().startsWith("exercises: no sheet file 'nope.json'"));
    }

    @Test
    void aWrongSheetFileIsExplainedWithItsLine(@TempDir Path dir) throws IOException {
        Path sheet = java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"name\": \"bad\",\n \"model\": {\"input\": [4], "
                + "\"layers\": [{\"Dense\": {\"units\": 2}}]},\n \"questions\": [{\"id\": \"a\", \"ask\": \"shape\"}]}");
        assertEquals(1, run("exercises", "--sheet", sheet.toString()));
        assertTrue(cli.err().contains("bad.json, line 3, questions[0].ask"), cli.err());
    }

    @Test
    void theTeachersKeyForAStudentHasThatStudentsAnswers() {
        assertEquals(0, run("exercises", "--sheet", "notebooks/exercises/lenet.json", "--teacher", "--student-id", "s01"));
        String key = cli.out();
        assertTrue(key.contains("Exercises.fromJson("), key.substring(0, 400));
        assertTrue(key.contains(", \\\"s01\\\");"), "the key opens s01's numbers");
        assertTrue(key.contains("sheet.check(\\\"none\\\", \\\"batch size\\\")"), "the fixed answer is filled in");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sheet.check\\(\\\\\"dense-params\\\\\", \\\\\"([^\\\\]*)\\\\\"\\)").matcher(key);
        assertTrue(m.find(), key);
        assertEquals(2, Exercises.sheet("notebooks/exercises/lenet.json", "s01").check("dense-params", m.group(1)).points(), m.group(1));
        assertTrue(!m.group(1).equals("48,120"), "s01's numbers are not the teacher's");
    }

    @Test
    void unknownFormatIsAUsageError(@TempDir Path dir) throws IOException {
        assertEquals(2, run("grade", alice(dir).toString(), "--format", "xml"));
        assertTrue(cli.err().contains("--format must be text, json, csv or gradescope"));
    }

    @Test
    void noNotebookIsAUsageError() {
        assertEquals(2, run("grade", "--student-id", "x"));
        assertTrue(cli.err().startsWith("grade: give at least one notebook"));
    }
}
