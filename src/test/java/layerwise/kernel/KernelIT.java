package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The installed kernel driven by a real Jupyter client (jupyter_client from Debian's Python): one kernel
 * session runs the cells below in order, and each test reads one behaviour from the transcript.
 */
@Tag("jupyter")
class KernelIT {
    private static final List<String> CELLS = List.of(
            "1 + 2",                                                                           // 0
            "var model = new Sequential();\nmodel.add(new Conv2D(16, 3).inputShape(150, 150, 3));\nmodel", // 1
            "int kept = 41;",                                                                  // 2
            "throw new IllegalStateException(\"boom\")",                                        // 3
            "kept + 1",                                                                        // 4
            "long n = 0;\nwhile (true) { n++; }",                                              // 5 (interrupted)
            "Thread.sleep(60_000)",                                                            // 6 (interrupted)
            "kept + 2",                                                                        // 7
            "System.exit(3)",                                                                  // 8
            "kept + 3",                                                                        // 9
            "new Sequential().add(new Dense(3).inputShape(4)).add(new Conv2D(2, 3))",          // 10
            "var iris = Datasets.iris();\n"                                                    // 11
                    + "var m = new Sequential().add(new Dense(3).activation(\"softmax\").inputShape(4));\n"
                    + "m.compile(new SGD(0.1), \"sparse_categorical_crossentropy\", \"accuracy\");\n"
                    + "var h = m.fit(iris.x(), iris.y(), 50, 3, new FitOptions().validationSplit(0.2));",
            "h",                                                                               // 12
            "modl.summary()",                                                                  // 13
            "model.explanation()",                                                             // 14
            "kept;",                                                                           // 15
            "var digits = Datasets.digits().reshape(8, 8, 1);\n"                               // 16 (interrupted)
                    + "var cnn = new Sequential().add(new Conv2D(8, 3).activation(\"relu\").inputShape(8, 8, 1))"
                    + ".add(new Flatten()).add(new Dense(10).activation(\"softmax\"));\n"
                    + "cnn.compile(new Adam(0.001), \"categorical_crossentropy\");\n"
                    + "cnn.fit(digits.x(), digits.oneHot(), 32, 10_000, new FitOptions().verbose(0));",
            "kept + 4",                                                                        // 17
            "Runtime.getRuntime().halt(1)",                                                    // 18
            "void spin() { while (true) { } }\nspin();",                                       // 19 (interrupted)
            "while (true) { try { Thread.sleep(100); } catch (Throwable swallowed) { } }",     // 20 (interrupted)
            "kept + 5",                                                                        // 21
            "long[] huge = new long[Integer.MAX_VALUE - 8];",                                  // 22
            "kept + 6",                                                                        // 23
            "String nothing = null;\nnothing.length()",                                        // 24
            "int[] two = new int[2];\ntwo[5] = 1;",                                            // 25
            "new Sequential().add(new Dense(3))");                                             // 26
    private static final Map<Integer, Double> INTERRUPT_AFTER = Map.of(5, 1.5, 6, 1.5, 16, 3.0, 19, 1.5, 20, 1.5);
    /** How long a cell may run on after the interrupt: the promise to the student. */
    private static final double STOPS_WITHIN_SECONDS = 2.0;
    private static JsonObject transcript;

    @BeforeAll
    static void runKernel() throws IOException, InterruptedException {
        Jupyter.assumeInstalled();
        JsonArray cells = new JsonArray();
        for (int i = 0; i < CELLS.size(); i++) {
            JsonObject c = new JsonObject();
            c.addProperty("code", CELLS.get(i));
            if (INTERRUPT_AFTER.containsKey(i)) c.addProperty("interrupt_after", INTERRUPT_AFTER.get(i));
            cells.add(c);
        }
        JsonObject request = new JsonObject();
        request.addProperty("kernel", "layerwise");
        request.addProperty("starts", 0);
        request.add("cells", cells);
        JsonArray complete = new JsonArray();
        complete.add("var m2 = new Sequ");
        request.add("complete", complete);
        Path script = Files.createTempFile("drive_kernel", ".py"), out = Files.createTempFile("transcript", ".json");
        try (var in = KernelIT.class.getResourceAsStream("drive_kernel.py")) {
            Files.write(script, in.readAllBytes());
        }
        Jupyter.Run r = Jupyter.run(List.of(Jupyter.PYTHON.toString(), script.toString(), out.toString()),
                new Gson().toJson(request), Jupyter.environment(), 600);
        assertEquals(0, r.exitCode(), "the kernel driver failed:\n" + r.output());
        transcript = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    }

    private static JsonObject cell(int i) { return transcript.getAsJsonArray("cells").get(i).getAsJsonObject(); }

    private static List<JsonObject> outputs(int i, String type) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement o : cell(i).getAsJsonArray("outputs")) {
            if (o.getAsJsonObject().get("type").getAsString().equals(type)) found.add(o.getAsJsonObject());
        }
        return found;
    }

    private static String result(int i, String mime) {
        List<JsonObject> r = outputs(i, "execute_result");
        assertEquals(1, r.size(), "one result expected from cell " + i + ": " + cell(i));
        JsonObject data = r.get(0).getAsJsonObject("data");
        assertTrue(data.has(mime), "cell " + i + " has no " + mime + ": " + data.keySet());
        return data.get(mime).getAsString();
    }

    private static JsonObject error(int i) {
        List<JsonObject> e = outputs(i, "error");
        assertEquals(1, e.size(), "one error expected from cell " + i + ": " + cell(i));
        return e.get(0);
    }

    /** The error's lines as the student reads them, without the colour codes. */
    private static String traceback(int i) {
        List<String> lines = new ArrayList<>();
        error(i).getAsJsonArray("traceback").forEach(l -> lines.add(l.getAsString()));
        return String.join("\n", lines).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    private static void assertStoppedInTime(int i) {
        assertEquals("Interrupted", error(i).get("ename").getAsString(), cell(i).toString());
        double limit = INTERRUPT_AFTER.get(i) + STOPS_WITHIN_SECONDS;
        assertTrue(cell(i).get("seconds").getAsDouble() < limit, "cell " + i + " ran on after the interrupt: " + cell(i).get("seconds"));
    }

    @Test
    void aCellValueRendersAsPlainText() {
        assertEquals("3", result(0, "text/plain"));
    }

    @Test
    void aModelRendersItsSummaryAsAnHtmlTableAndAsText() {
        String html = result(1, "text/html");
        assertTrue(html.contains("<table") && html.contains("(None, 148, 148, 16)") && html.contains("448"), html);
        assertTrue(result(1, "text/plain").contains("conv2d (Conv2D)"));
    }

    @Test
    void anErrorKeepsTheKernelAliveWithItsVariables() {
        assertEquals("IllegalStateException", error(3).get("ename").getAsString());
        assertEquals("42", result(4, "text/plain"));
    }

    @Test
    void anOtherExceptionShowsATrimmedTraceThatPointsIntoTheCell() {
        assertEquals("java.lang.IllegalStateException: boom\n    at cell code, line 1 of this cell", traceback(3));
    }

    @Test
    void anInterruptStopsABusyLoopAndTheNextCellRuns() {
        assertStoppedInTime(5);
        assertEquals("43", result(7, "text/plain"));
    }

    @Test
    void anInterruptEndsASleep() {
        assertStoppedInTime(6);
    }

    @Test
    void anInterruptStopsALongFitAndTheNextCellRuns() {
        assertStoppedInTime(16);
        assertEquals("45", result(17, "text/plain"));
    }

    @Test
    void anInterruptStopsALoopInAMethodTheCellDeclared() {
        assertStoppedInTime(19);
    }

    @Test
    void anInterruptStopsALoopThatSwallowsEveryThrowableAndTheNextCellRuns() {
        assertStoppedInTime(20);
        assertEquals("46", result(21, "text/plain"));
    }

    @Test
    void systemExitInACellDoesNotEndTheKernel() {
        assertEquals("SystemExit", error(8).get("ename").getAsString());
        assertTrue(traceback(8).startsWith("SystemExit: System.exit(3) was called in a cell."), traceback(8));
        assertEquals("44", result(9, "text/plain"));
        assertTrue(transcript.get("alive").getAsBoolean());
    }

    @Test
    void runtimeHaltInACellDoesNotEndTheKernel() {
        assertTrue(traceback(18).startsWith("SystemExit: Runtime.halt(1) was called in a cell."), traceback(18));
        assertTrue(transcript.get("alive").getAsBoolean());
    }

    @Test
    void aCellThatAsksForMoreMemoryThanTheHeapIsExplainedAndTheKernelGoesOn() {
        assertEquals("OutOfMemory", error(22).get("ename").getAsString());
        assertTrue(traceback(22).startsWith("OutOfMemory: the cell needed more memory than the kernel has"), traceback(22));
        assertEquals("47", result(23, "text/plain"));
    }

    @Test
    void aLayerwiseErrorShowsItsExplanationWithoutAStackTrace() {
        String tb = traceback(10);
        assertEquals("ShapeException", error(10).get("ename").getAsString());
        assertTrue(tb.contains("Fix:"), tb);
        assertFalse(tb.contains("\tat ") || tb.contains("    at "), tb);
    }

    @Test
    void anErrorsFirstLineNamesItsKindInRedAsIPythonDoes() {
        String first = error(10).getAsJsonArray("traceback").get(0).getAsString();
        assertTrue(first.startsWith("\u001b[0;31mShapeException\u001b[0m: "), first);
    }

    @Test
    void aNullPointerNamesTheStudentsVariable() {
        assertTrue(traceback(24).startsWith("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"nothing\" is null"),
                traceback(24));
    }

    @Test
    void aRuntimeErrorInAnAssignmentPointsAtItsOwnLine() {
        assertTrue(traceback(25).endsWith("at cell code, line 2 of this cell"), traceback(25));
    }

    @Test
    void aModelWithoutAnInputShapeIsShownAsAnErrorNotAsAValue() {
        assertTrue(outputs(26, "execute_result").isEmpty(), cell(26).toString());
        assertTrue(traceback(26).contains("has not yet been built"), traceback(26));
    }

    @Test
    void aCompileErrorPointsAtTheBadSpan() {
        assertEquals("Compile error at line 1: cannot find symbol\n    modl.summary()\n    ^^^^\n  symbol:   variable modl", traceback(13));
    }

    @Test
    void aTrainingHistoryRendersAsADecodablePng() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(result(12, "image/png"))));
        assertNotNull(image, "not a PNG");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void fitShowsOneOutputAndUpdatesItInPlace() {
        List<JsonObject> shown = outputs(11, "display_data"), updates = outputs(11, "update_display_data");
        assertEquals(1, shown.size(), cell(11).toString());
        assertTrue(outputs(11, "stream").isEmpty(), "no printed lines beside the fit's output: " + cell(11));
        assertTrue(updates.size() >= 2, "3 epochs: updated at least after the second and the third");
        String id = shown.get(0).get("display_id").getAsString();
        for (JsonObject u : updates) assertEquals(id, u.get("display_id").getAsString());
    }

    @Test
    void aSilentFitShowsNothing() {
        assertTrue(outputs(16, "display_data").isEmpty() && outputs(16, "stream").isEmpty(), cell(16).toString());
    }

    @Test
    void fitsFinalOutputKeepsEveryEpochLineAndTheChart() throws IOException {
        List<JsonObject> updates = outputs(11, "update_display_data");
        JsonObject last = updates.get(updates.size() - 1).getAsJsonObject("data");
        List<String> lines = last.get("text/plain").getAsString().lines().toList();
        assertEquals(6, lines.size(), "each epoch's line and its validation line: " + lines);
        assertTrue(lines.get(4).startsWith("Epoch 3/3  3/3  loss: "), lines.get(4));
        for (String line : lines) assertTrue(line.length() <= 80, line);
        String html = last.get("text/html").getAsString();
        String png = html.replaceFirst("(?s).*<img [^>]*src=\"data:image/png;base64,([^\"]+)\".*", "$1");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png))), html);
    }

    @Test
    void anExplanationRendersAsMarkdownWithLatexAndAsText() {
        assertTrue(result(14, "text/markdown").contains("$O = \\frac{W - K + 2P}{S} + 1"), result(14, "text/markdown"));
        assertTrue(result(14, "text/plain").contains("(150 − 3 + 2·0)/1 + 1 = 148"), result(14, "text/plain"));
    }

    @Test
    void aTrailingSemicolonHidesTheValue() {
        assertTrue(outputs(15, "execute_result").isEmpty(), cell(15).toString());
        assertEquals("ok", cell(15).get("status").getAsString());
    }

    @Test
    void completionOffersTheLayerwiseClasses() {
        assertTrue(transcript.getAsJsonArray("completions").get(0).toString().contains("Sequential("),
                transcript.getAsJsonArray("completions").toString());
    }

    @Test
    void theInstalledKernelRunsOnTheJavaItWasInstalledWith() throws IOException, InterruptedException {
        Path spec = Jupyter.kernelPrefix().resolve("share/jupyter/kernels/layerwise/kernel.json");
        String java = JsonParser.parseString(Files.readString(spec)).getAsJsonObject().getAsJsonArray("argv").get(0).getAsString();
        assertEquals(Jupyter.jdk().resolve("bin/java").toString(), java);
        assertFalse(Files.readString(spec).contains("security.manager"), Files.readString(spec));
    }
}
