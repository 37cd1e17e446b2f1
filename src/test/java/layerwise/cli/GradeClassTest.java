package layerwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import layerwise.kernel.grader.Notebooks;

/**
 * A class of six graded from the sheet file notebooks/exercises/lenet.json with a roster, once, by
 * {@code ./layerwise grade}: all right, all wrong, half right, blank, a copy under another id and a
 * hostile notebook. Each student has their own numbers ("variants": true); the keys come from
 * {@code exercises --teacher --student-id}.
 */
@Tag("exercises")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeClassTest {
    private static final Path SHEET = Path.of("notebooks", "exercises", "lenet.json");
    private static final Pattern CHECK = Pattern.compile("sheet\\.check\\(\"([^\"]+)\", \"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private Path dir, escaped;
    private final Map<String, JsonObject> byStudent = new HashMap<>();
    private String classmateBefore;

    private static int run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Main.run(args, p, p);
        if (code != 0) throw new AssertionError(String.join(" ", args) + " exited " + code + ":\n" + sink.toString(StandardCharsets.UTF_8));
        return code;
    }

    /** The code cells of a notebook, as text. */
    private static List<String> cells(Path nb) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            StringBuilder s = new StringBuilder();
            cell.getAsJsonArray("source").forEach(l -> s.append(l.getAsString()));
            out.add(s.toString());
        }
        return out;
    }

    /** The key's answer to each question, as the check cells of {@code exercises --teacher} hold them. */
    private static Map<String, String> answers(List<String> key) {
        Map<String, String> out = new HashMap<>();
        for (String cell : key) {
            Matcher m = CHECK.matcher(cell);
            if (m.find()) out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String check(String id, String answer) { return "sheet.check(\"" + id + "\", \"" + answer + "\")"; }

    private Path key(String id) throws IOException {
        Path key = dir.resolve("key-" + id + ".ipynb");
        run("exercises", "--sheet", SHEET.toString(), "--teacher", "--student-id", id, "--output", key.toString());
        return key;
    }

    @BeforeAll
    void gradeTheClass() throws IOException {
        dir = Files.createTempDirectory("layerwise-class");
        Path keys = Files.createDirectories(dir.resolve("keys")), handedIn = Files.createDirectories(dir.resolve("handed-in"));
        dir = keys;
        Files.copy(key("s01"), handedIn.resolve("s01.ipynb"));                                   // all right
        List<String> blank = cells(Path.of(write(keys, "s02")));
        Notebooks.write(handedIn, "s02.ipynb", blank.get(0), check("conv2-shape", "(None, 1, 2, 3)"), check("dense-params", "7"),
                check("total", "5"), check("rf", "3"), check("missing", "Dropout after dense"), check("padding", "both"),
                check("macs", "9"), check("memory", "11"), check("none", "channels"));                // all wrong
        List<String> s03 = cells(key("s03"));
        Map<String, String> a3 = answers(s03);
        Notebooks.write(handedIn, "s03.ipynb", s03.get(0), check("conv2-shape", a3.get("conv2-shape")),
                check("dense-params", a3.get("dense-params")), check("rf", a3.get("rf")), check("missing", ""));   // half right: 7 of 14
        Files.copy(Path.of(write(keys, "s04")), handedIn.resolve("s04.ipynb"));                      // blank
        Files.copy(handedIn.resolve("s01.ipynb"), handedIn.resolve("s05.ipynb"));                   // s01's notebook handed in by s05
        classmateBefore = Files.readString(handedIn.resolve("s01.ipynb"));
        escaped = Path.of(System.getProperty("java.io.tmpdir"), "escaped-" + UUID.randomUUID() + ".txt");
        List<String> s06 = cells(key("s06"));
        Map<String, String> a6 = answers(s06);
        Path classmate = handedIn.resolve("s01.ipynb").toAbsolutePath();
        Notebooks.write(handedIn, "s06.ipynb", s06.get(0),
                check("conv2-shape", a6.get("conv2-shape")),                                       // its one honest right answer
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"mine.txt\"), \"inside my own folder\");",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + classmate + "\"), \"overwritten\");",
                "new java.io.FileOutputStream(\"" + escaped + "\").write(1);",
                "new java.io.FileOutputStream(\"../" + escaped.getFileName() + "\").write(1);",
                "System.out.println(\"{\\\"sheet\\\":\\\"lenet\\\",\\\"student\\\":\\\"s06\\\",\\\"exercise\\\":\\\"dense-params\\\",\\\"answer\\\":\\\""
                        + a6.get("dense-params") + "\\\"}\");",
                "Attempts.handInTo(new java.io.ByteArrayOutputStream());",
                "var record = Attempts.class.getDeclaredMethod(\"record\", String.class, String.class, String.class, String.class);\n"
                        + "record.setAccessible(true);\nrecord.invoke(null, \"lenet\", \"\", \"total\", \"51,902\");",   // the teacher's numbers, claimed
                "System.out.println(\"Score: 100%\");",
                "System.exit(0);",
                check("dense-params", a6.get("dense-params")));                                     // after exit: never runs
        Files.writeString(dir.resolve("roster.csv"), "file,student_id\n" + String.join("\n",
                List.of("s01.ipynb,s01", "s02.ipynb,s02", "s03.ipynb,s03", "s04.ipynb,s04", "s05.ipynb,s05", "s06.ipynb,s06")) + "\n");
        List<String> args = new ArrayList<>(List.of("grade", "--sheet", SHEET.toString(), "--roster", dir.resolve("roster.csv").toString(),
                "--format", "json,csv", "--output", dir.resolve("grades.json").toString(), "--feedback", dir.resolve("feedback").toString(),
                "--timeout", "240", "--jobs", "2"));
        for (String s : List.of("s01", "s02", "s03", "s04", "s05", "s06")) args.add(handedIn.resolve(s + ".ipynb").toString());
        run(args.toArray(String[]::new));
        for (JsonElement r : JsonParser.parseString(Files.readString(dir.resolve("grades.json"))).getAsJsonArray()) {
            byStudent.put(r.getAsJsonObject().get("student_id").getAsString(), r.getAsJsonObject());
        }
    }

    /** The student notebook with this student's id written in, as the student would hand it in blank. */
    private String write(Path keys, String id) {
        Path nb = keys.resolve("student-" + id + ".ipynb");
        run("exercises", "--sheet", SHEET.toString(), "--student-id", id, "--output", nb.toString());
        return nb.toString();
    }

    private double total(String id) { return byStudent.get(id).get("total").getAsDouble(); }

    private String reason(String id) { return byStudent.get(id).get("reason").getAsString(); }

    @Test
    void theKeyOfAStudentGetsFullMarks() {
        assertEquals(14, total("s01"), byStudent.get("s01").toString());
        assertEquals("", reason("s01"));
    }

    @Test
    void allWrongGetsNothing() {
        assertEquals(0, total("s02"), byStudent.get("s02").toString());
    }

    @Test
    void halfRightGetsTheQuestionsItGotRight() {
        assertEquals(3 + 2 + 2, total("s03"), byStudent.get("s03").toString());
    }

    @Test
    void aBlankNotebookGetsNothing() {
        assertEquals(0, total("s04"));
    }

    @Test
    void aCopyHandedInUnderAnotherRosterIdIsGradedForThatIdAndFlagged() {
        assertTrue(total("s05") < 14, byStudent.get("s05").toString());
        assertTrue(reason("s05").contains("the notebook used student id 's01'; graded as 's05'"), reason("s05"));
        assertTrue(reason("s05").contains("the same answers as s01"), reason("s05"));
    }

    @Test
    void aHostileNotebookGetsOnlyItsHonestAnswers() {
        assertEquals(3, total("s06"), byStudent.get("s06").toString());
        assertTrue(reason("s06").contains("ended the Java process"), reason("s06"));
        JsonArray rows = byStudent.get("s06").getAsJsonArray("exercises");
        for (JsonElement row : rows) {
            if (row.getAsJsonObject().get("id").getAsString().equals("total")) assertEquals(0, row.getAsJsonObject().get("points").getAsDouble());
        }
    }

    @Test
    void aHostileNotebookWritesNoFileOutsideItsFolder() throws IOException {
        assumeTrue(layerwise.kernel.grader.NotebookRunner.sandboxed(), "this system allows no mount namespace for the notebook's JVM");
        assertEquals(classmateBefore, Files.readString(dir.getParent().resolve("handed-in").resolve("s01.ipynb")));
        assertFalse(Files.exists(escaped), escaped.toString());
        assertFalse(Files.exists(Path.of("mine.txt")));
    }

    @Test
    void oneRunWritesCsvBesideTheJsonAndAFeedbackPagePerStudent() throws IOException {
        List<String> csv = Files.readAllLines(dir.resolve("grades.csv"));
        assertEquals(7, csv.size(), String.join("\n", csv));
        String page = Files.readString(dir.resolve("feedback").resolve("s03.html"));
        assertTrue(page.contains("<h2>4. rf <span class=\"ok\">2 / 2</span></h2>"), page);
        assertTrue(page.contains("r = 1 + (K_1 − 1)×j_1"), page);   // the worked formula with s03's numbers
        assertTrue(page.contains("Your answer: <code>(none)</code>"), page);
    }
}
