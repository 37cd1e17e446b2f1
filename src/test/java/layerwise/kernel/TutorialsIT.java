package layerwise.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import layerwise.Golden;

/**
 * Each JShell tutorial in notebooks/jshell runs with {@code layerwise jshell TUTORIAL.jsh}, ends by
 * itself, and prints exactly its reviewed golden text (JShell rejects nothing and throws nothing).
 */
@Tag("jupyter")
class TutorialsIT {
    @TestFactory
    Stream<DynamicTest> everyTutorialRunsToTheEndAndPrintsItsExplanations() throws IOException {
        List<Path> scripts;
        try (Stream<Path> all = Files.list(NotebooksIT.NOTEBOOKS.resolve("jshell"))) {
            scripts = all.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
        }
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> run(s)));
    }

    private void run(Path script) throws IOException, InterruptedException {
        Jupyter.Run r = Jupyter.run(Jupyter.layerwise("jshell", script.toString()), null, Jupyter.launcherEnvironment(), 300);
        assertEquals(0, r.exitCode(), r.output());
        // The JVM's note about the incubating Vector API is not part of the tutorial.
        String text = r.output().lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertFalse(text.contains("|  Error") || text.contains("|  Exception"), text);
        String name = script.getFileName().toString().replace(".jsh", "");
        Golden.assertMatches(getClass(), name, text);
    }
}
