package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook under notebooks/ (subfolders too, except the JShell tutorials in notebooks/jshell)
 * runs top to bottom in the installed kernel under Debian's Jupyter, as {@code jupyter nbconvert
 * --execute} runs it: any error fails the run unless its cell is tagged raises-exception, and a cell
 * tagged so must really raise.
 */
@Tag("jupyter")
class NotebooksIT {
    static final Path NOTEBOOKS = Jupyter.HOME.resolve("notebooks");

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> all = Files.walk(NOTEBOOKS)) {
            return all.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !NOTEBOOKS.relativize(p).startsWith("jshell"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanInTheKernel() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(NOTEBOOKS.relativize(nb).toString(), () -> execute(nb)));
    }

    private static void execute(Path notebook) throws IOException, InterruptedException {
        Jupyter.assumeInstalled();
        Path outDir = Files.createTempDirectory("layerwise-notebook");
        List<String> command = List.of(Jupyter.JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=layerwise", "--ExecutePreprocessor.timeout=600",
                "--output-dir", outDir.toString(), notebook.toString());
        Jupyter.Run r = Jupyter.run(command, null, Jupyter.environment(), 1200);
        // Jupyter chooses the kernel's ports before the kernel binds them; on a busy machine another
        // process can take one in between. That is no fault of the notebook: run it again.
        for (int retry = 0; retry < 2 && r.exitCode() != 0 && r.output().contains("Address already in use"); retry++) {
            r = Jupyter.run(command, null, Jupyter.environment(), 1200);
        }
        assertEquals(0, r.exitCode(), notebook + " failed:\n" + r.output());
        Path executed = outDir.resolve(notebook.getFileName());
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            boolean tagged = cell.getAsJsonObject("metadata").has("tags")
                    && cell.getAsJsonObject("metadata").getAsJsonArray("tags").toString().contains("\"raises-exception\"");
            boolean raised = cell.getAsJsonArray("outputs").toString().contains("\"output_type\":\"error\"");
            String source = cell.get("source").toString();
            if (tagged) assertTrue(raised, "tagged raises-exception but did not raise: " + source);
            else assertFalse(raised, "raised without the raises-exception tag: " + source);
        }
    }
}
