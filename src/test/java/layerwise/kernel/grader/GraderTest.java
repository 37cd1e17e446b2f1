package layerwise.kernel.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import layerwise.exercise.Exercises;
import layerwise.exercise.Grading;

/**
 * Grading real notebooks: each runs in JShell in a JVM of its own. The expected points are worked out
 * by hand from the base sheet (the numbers of the four original questions).
 */
@Tag("exercises")
class GraderTest {
    private static final Path STUDENT = Path.of("notebooks", "exercises", "seeds-student.ipynb");
    private static final Path TEACHER = Path.of("notebooks", "exercises", "seeds-teacher.ipynb");
    private static final String OPEN = "var sheet = Exercises.sheet(\"seeds\");";

    /** The answer cell of exercise {@code id} as it is stored in the notebook's JSON. */
    private static String answer(String id, String text) {
        return "sheet.check(\\\"" + id + "\\\", \\\"" + text + "\\\")";
    }

    private static Grading.Report grade(Path nb, long seconds) {
        return new Grader(Exercises.file("seeds"), Duration.ofSeconds(seconds), 1 << 20).grade(nb, "");
    }

    private static double points(Grading.Report r, String id) {
        return r.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().points();
    }

    @Test
    void teacherVersionGradesFullMarks() {
        Grading.Report r = grade(TEACHER, 300);
        assertEquals("", r.reason());
        assertEquals(46, r.max());
        assertEquals(46, r.total(), r.toText());
    }

    @Test
    void studentVersionWithKnownWrongAnswersGradesTheExpectedPoints(@TempDir Path dir) throws IOException {
        String nb = Files.readString(STUDENT, StandardCharsets.UTF_8)
                .replace("Exercises.sheet(\\\"seeds\\\", \\\"YOUR-STUDENT-ID\\\")", "Exercises.sheet(\\\"seeds\\\")")
                .replace(answer("000-dense-shape", ""), answer("000-dense-shape", "(None, 256)"))   // Dense keeps the axes: 0 of 3
                .replace(answer("000-missing-layer", ""), answer("000-missing-layer", "Flatten"))   // right layer, no place: 1 of 2
                .replace(answer("003-conv-shape", ""), answer("003-conv-shape", "(None, 150, 150, 16)"))   // 'same' rule, channels right: 1 of 3
                .replace(answer("003-conv-params", ""), answer("003-conv-params", "432"))   // forgot the bias: 1 of 2
                .replace(answer("003-pool-shape", ""), answer("003-pool-shape", "74x74x16"))   // forgot the batch axis: 3 of 4
                .replace(answer("003-dense-params", ""), answer("003-dense-params", "9,470,464"))   // right: 2 of 2
                .replace(answer("none-meaning", ""), answer("none-meaning", "channels"));   // wrong: 0 of 1
        Path file = dir.resolve("student.ipynb");
        Files.writeString(file, nb, StandardCharsets.UTF_8);
        Grading.Report r = grade(file, 300);
        assertEquals(1, points(r, "000-missing-layer"));
        assertEquals(1, points(r, "003-conv-params"));
        assertEquals(3, points(r, "003-pool-shape"));
        assertEquals(0 + 1 + 1 + 1 + 3 + 2 + 0, r.total(), r.toText());
    }

    @Test
    void aLoopingNotebookIsStoppedAndGradedWithTheReason(@TempDir Path dir) throws IOException {
        Grading.Report r = grade(Notebooks.write(dir, "loop.ipynb", OPEN, "while (true) { }", "sheet.check(\"003-conv-params\", \"448\");"), 8);
        assertTrue(r.reason().contains("time limit"), r.reason());
        assertEquals(0, points(r, "003-conv-params"));
    }

    @Test
    void aNotebookThatCallsSystemExitKeepsTheAnswersCheckedBefore(@TempDir Path dir) throws IOException {
        Grading.Report r = grade(Notebooks.write(dir, "exit.ipynb", OPEN, "sheet.check(\"003-conv-params\", \"448\");",
                "System.exit(0);", "sheet.check(\"003-flat-size\", \"18496\");"), 120);
        assertTrue(r.reason().startsWith("code cell 3 ended the Java process"), r.reason());
        assertEquals(2, points(r, "003-conv-params"));
        assertEquals(0, points(r, "003-flat-size"));
    }

    @Test
    void aThrowingCellIsNotedAndTheNextCellsStillRun(@TempDir Path dir) throws IOException {
        Grading.Report r = grade(Notebooks.write(dir, "throws.ipynb", OPEN, "throw new IllegalStateException(\"boom\");",
                "sheet.check(\"003-flat-size\", \"18,496\");"), 120);
        assertEquals("code cell 2 threw java.lang.IllegalStateException: boom", r.reason());
        assertEquals(1, points(r, "003-flat-size"));
    }

    @Test
    void printingClaimsAndOtherModelsEarnNothing(@TempDir Path dir) throws IOException {
        Grading.Report r = grade(Notebooks.write(dir, "cheat.ipynb",
                "var mine = Exercises.from(SeedModels.denseOn(2));",
                "mine.list().forEach(e -> e.check(\"(None, 4)\"));",
                "for (int i = 0; i < 200000; i++) System.out.println(\"total 46 / 46 \" + i);"), 120);
        assertEquals(0, r.total());
        assertTrue(r.reason().contains("output past 1,048,576 bytes was dropped"), r.reason());
        assertTrue(r.reason().contains("; graded against 'seeds'"), r.reason());
    }

    @Test
    void aFileThatIsNotANotebookGetsARowWithTheReason(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.ipynb");
        Files.writeString(bad, "{not json");
        Grading.Report r = grade(bad, 10);
        assertEquals(0, r.total());
        assertEquals("could not read bad.ipynb: not a Jupyter notebook (JsonSyntaxException)", r.reason());
    }
}
